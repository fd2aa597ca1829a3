import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, LOG_FIELD, METRIC, metricForSeries, QUANTUM_ERROR_TYPE, SPAN } from '@hybridlens/conventions';
import { describeWithBinary, type RunningPrometheus, startPrometheus } from '@hybridlens/testkit';
import { backfill, type BackfillResult, importOpenMetrics } from '../src';
import { nonContractNames } from './helpers/contract';
import { readOtlpJsonLines } from './helpers/otlpJson';

const HOUR = 3_600_000;
const END = Date.parse('2026-11-23T00:00:00Z');
const DAYS = 2;
const START = END - DAYS * 24 * HOUR;
const FAULT_START = START + (24 + 6) * HOUR;
const FAULT_END = FAULT_START + 4 * HOUR;

// Only this fault: the default schedule's faults would make "nowhere else" meaningless.
const SCENARIO = `faults:
  - kind: hardware_failure
    provider: ibm
    backend: ibm_sherbrooke
    start: +1d6h
    duration: 4h
    intensity: 0.9
`;

describeWithBinary('promtool', 'apt-get install prometheus', 'a 2-day backfill loaded into a real Prometheus', () => {
  let dir: string;
  let result: BackfillResult;
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-sim-backfill-'));
    // A 5-minute step keeps the test quick; the windows below are an hour long.
    result = await backfill({
      days: DAYS,
      out: join(dir, 'out'),
      end: END,
      seed: 11,
      stepSeconds: 300,
      calibration: false,
      scenario: { text: SCENARIO, name: 'test.yaml' },
    });
    const dataDir = join(dir, 'data');
    await importOpenMetrics(result.metricsFiles, dataDir);
    prometheus = await startPrometheus({ dataDir });
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers the whole history with one OpenMetrics file per 2-hour block', () => {
    expect(result.start).toBe(START);
    expect(result.end).toBe(END);
    // 12 blocks a day, plus the block that holds the final scrape at END.
    expect(result.metricsFiles).toHaveLength(DAYS * 12 + 1);
    expect(result.metricsFiles[0]).toMatch(/20261121T00\.om$/);
    expect(result.metricsFiles.at(-1)).toMatch(/20261123T00\.om$/);
    const first = readFileSync(result.metricsFiles[0]!, 'utf8');
    expect(first.trimEnd().endsWith('# EOF')).toBe(true);
    expect(first).toMatch(/^hybrid_requests_total\{.*\} \d+ \d{10}$/m);
  });

  it('shows the hardware failures exactly in the fault window and nowhere else', async () => {
    const ibm = `${LABEL.provider}="ibm",${LABEL.backend}="ibm_sherbrooke"`;
    // Before the first failure ever, the error series does not exist yet: count that as zero.
    const ratio = `(sum(increase(${METRIC.quantumJobErrors.name}{${ibm},${LABEL.errorType}="${QUANTUM_ERROR_TYPE.hardwareFailure}"}[1h])) or vector(0)) / sum(increase(${METRIC.quantumJobs.name}{${ibm}}[1h]))`;
    const step = 1800;
    const data = await prometheus.queryRange(ratio, (START + 2 * HOUR) / 1000, END / 1000, step);
    const points = (data.result[0]?.values ?? []).map(([t, v]) => ({ t: t * 1000, v: Number(v) }));
    expect(points.length).toBeGreaterThan(80);
    const inside = points.filter((p) => p.t - HOUR >= FAULT_START && p.t <= FAULT_END);
    const outside = points.filter((p) => p.t <= FAULT_START || p.t - HOUR >= FAULT_END);
    expect(inside.length).toBeGreaterThanOrEqual(6);
    const quiet = inside.filter((p) => !(p.v > 0.5)).map((p) => `${new Date(p.t).toISOString()}=${p.v.toFixed(2)}`);
    expect(quiet).toEqual([]);
    const loud = outside.filter((p) => p.v > 0.3).map((p) => `${new Date(p.t).toISOString()}=${p.v.toFixed(2)}`);
    expect(loud).toEqual([]);
  });

  it('stores only contract metrics', async () => {
    const names = (await prometheus.query('count by (__name__) ({__name__=~".+"})', END / 1000)).result.map(
      (s) => s.metric.__name__!
    );
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((n) => metricForSeries(n) === undefined)).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        METRIC.requests.name,
        `${METRIC.quantumJobDuration.name}_bucket`,
        METRIC.quantumQueueLength.name,
      ])
    );
  });

  it('writes valid OTLP JSON with contract names only, and logs of the same traces', () => {
    const requests = readOtlpJsonLines(result.tracesFile);
    const spans = requests.flatMap((r) => r.spans);
    expect(spans.length).toBe(result.spans);
    expect(new Set(spans.map((s) => s.name))).toEqual(new Set(Object.values(SPAN)));
    expect(nonContractNames(requests)).toEqual([]);
    const traceIds = new Set(spans.map((s) => s.traceId));
    const logTraceIds = readFileSync(result.logsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)[LOG_FIELD.traceId] as string | undefined)
      .filter((id): id is string => id !== undefined);
    expect(logTraceIds.length).toBeGreaterThan(0);
    expect(logTraceIds.filter((id) => !traceIds.has(id))).toEqual([]);
  });
});
