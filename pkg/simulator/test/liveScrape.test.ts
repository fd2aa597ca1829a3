import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, LOG_FIELD, METRIC, metricForSeries, QUANTUM_ERROR_TYPE, SPAN } from '@hybridlens/conventions';
import { describeWithBinary, freePort, type RunningPrometheus, startPrometheus } from '@hybridlens/testkit';
import { nonContractNames } from './helpers/contract';
import { type LiveProcess, startLiveProcess } from './helpers/liveProcess';
import { decodeLogRecords, decodeProtobuf } from './helpers/otlpJson';
import { type OtlpReceiver, startOtlpReceiver } from './helpers/otlpReceiver';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const iso = (t: number) => new Date(t).toISOString();

describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'a live run (the CLI) scraped by a real Prometheus',
  () => {
    let dir: string;
    let live: LiveProcess;
    let prometheus: RunningPrometheus;
    let receiver: OtlpReceiver;
    let runStart = 0;
    let faultStart = 0;
    let faultEnd = 0;
    let runEnd = 0;
    const traceBodies = () => receiver.bodies.filter((b) => b.path === '/v1/traces');

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hl-sim-live-'));
      receiver = await startOtlpReceiver();
      runStart = Date.now();
      // Absolute times: the fault starts a few seconds after the process is up and lasts 30 s, on every IBM
      // backend so that even the night-time traffic of a weekend sends a few jobs into it.
      faultStart = Math.ceil((runStart + 12_000) / 1000) * 1000;
      faultEnd = faultStart + 30_000;
      const scenario = join(dir, 'live.yaml');
      writeFileSync(
        scenario,
        `name: live test\nfaults:\n  - kind: hardware_failure\n    provider: ibm\n    start: ${iso(faultStart)}\n    end: ${iso(faultEnd)}\n    intensity: 1\n`
      );
      const port = await freePort();
      // The highest load the CLI accepts: enough traffic at any hour of the day for a 30-second fault to show.
      live = await startLiveProcess(
        [
          ...['--seed', '5', '--load', '50', '--scenario', scenario],
          ...['--otlp-url', receiver.url, '--otlp-logs-url', receiver.logsUrl],
        ],
        port
      );
      prometheus = await startPrometheus({
        config: `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: sim\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
        extraArgs: ['--enable-feature=exemplar-storage'],
      });
      await sleep(faultEnd + 9_000 - Date.now());
      runEnd = Date.now();
      await live.stop();
    }, 90_000);

    afterAll(async () => {
      await live?.stop();
      await prometheus?.stop();
      await receiver?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows the hardware failures only while the fault is scheduled', async () => {
      const ibm = `${LABEL.provider}="ibm"`;
      const series = async (expr: string) => {
        const data = await prometheus.queryRange(expr, Math.floor(runStart / 1000), Math.floor(runEnd / 1000), 1);
        return data.result[0]!.values!.map(([t, v]) => ({ t: t * 1000, v: Number(v) }));
      };
      const samples = await series(
        `sum(${METRIC.quantumJobErrors.name}{${ibm},${LABEL.errorType}="${QUANTUM_ERROR_TYPE.hardwareFailure}"}) or vector(0)`
      );
      const jobs = await series(`sum(${METRIC.quantumJobs.name}{${ibm}}) or vector(0)`);
      // A sample at t shows what happened before t; allow a scrape interval, a simulation tick and some
      // event-loop lag on a busy machine.
      const before = samples.filter((s) => s.t <= faultStart).map((s) => s.v);
      const after = samples.filter((s) => s.t >= faultEnd + 4000 && s.t <= runEnd - 1000).map((s) => s.v);
      expect(before.length).toBeGreaterThan(3);
      expect(after.length).toBeGreaterThan(2);
      const atStart = Math.max(...before);
      const atEnd = Math.min(...after);
      // Healthy hardware fails about once in 2,500 jobs: at most one failure outside the window.
      expect(atStart).toBeLessThanOrEqual(1);
      expect(Math.max(...after) - atEnd).toBeLessThanOrEqual(1);
      // How many jobs reach IBM in 30 s follows the diurnal traffic curve, so the count is judged
      // against the jobs that finished there over the same samples: with intensity 1 most of them failed;
      // the others were under way when the fault began.
      const lastBefore = jobs.filter((s) => s.t <= faultStart).at(-1)!.v;
      const firstAfter = jobs.find((s) => s.t >= faultEnd + 4000)!.v;
      const failed = atEnd - atStart;
      expect(failed).toBeGreaterThanOrEqual(1);
      expect(failed / (firstAfter - lastBefore)).toBeGreaterThanOrEqual(0.5);
    });

    it('serves and stores only contract metrics', async () => {
      // At the end of the run: once the process stopped, its series are marked stale.
      const stored = (await prometheus.query('count by (__name__) ({job="sim"})', (runEnd - 2000) / 1000)).result.map(
        (s) => s.metric.__name__!
      );
      expect(stored).toEqual(expect.arrayContaining([METRIC.requests.name, METRIC.quantumQueueLength.name]));
      // Prometheus adds its own per-target series (up, scrape_*); everything else must be the contract.
      expect(stored.filter((n) => metricForSeries(n) === undefined && n !== 'up' && !n.startsWith('scrape_'))).toEqual(
        []
      );
    });

    it('exports its log records over OTLP/HTTP protobuf to --otlp-logs-url, with trace ids', () => {
      const logBodies = receiver.bodies.filter((b) => b.path === '/v1/logs');
      expect(logBodies.length).toBeGreaterThan(0);
      expect(new Set(logBodies.map((b) => b.contentType))).toEqual(new Set(['application/x-protobuf']));
      const records = logBodies.flatMap((b) => decodeLogRecords(b.body));
      expect(records.length).toBeGreaterThan(20);
      expect(records.filter((r) => r.traceId !== '').length).toBeGreaterThan(0);
    });

    it('exports OTLP/HTTP protobuf that decodes to contract spans and attributes only', () => {
      expect(traceBodies().length).toBeGreaterThan(0);
      expect(new Set(traceBodies().map((b) => b.contentType))).toEqual(new Set(['application/x-protobuf']));
      const requests = traceBodies().flatMap((b) => decodeProtobuf(b.body));
      const spans = requests.flatMap((r) => r.spans);
      expect(spans.length).toBeGreaterThan(50);
      expect(new Set(spans.map((s) => s.name))).toEqual(new Set(Object.values(SPAN)));
      expect(nonContractNames(requests)).toEqual([]);
    });

    it('serves OpenMetrics with trace-id exemplars that point at exported traces', async () => {
      const exported = new Set(
        traceBodies()
          .flatMap((b) => decodeProtobuf(b.body))
          .flatMap((r) => r.spans.map((s) => s.traceId))
      );
      const params = new URLSearchParams({
        query: `${METRIC.requestDuration.name}_bucket`,
        start: String(Math.floor(runStart / 1000)),
        end: String(Math.ceil(runEnd / 1000)),
      });
      const res = (await (await fetch(`${prometheus.url}/api/v1/query_exemplars?${params}`)).json()) as {
        data: Array<{ exemplars: Array<{ labels: Record<string, string> }> }>;
      };
      const traceIds = res.data.flatMap((d) => d.exemplars.map((e) => e.labels[LOG_FIELD.traceId]!));
      expect(traceIds.length).toBeGreaterThan(0);
      expect(traceIds.filter((id) => !exported.has(id))).toEqual([]);
    });

    it('writes JSON log lines to stdout with the trace ids of the exported spans', () => {
      const exported = new Set(
        traceBodies()
          .flatMap((b) => decodeProtobuf(b.body))
          .flatMap((r) => r.spans.map((s) => s.traceId))
      );
      const lines = live.stdoutLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const traced = lines.filter((l) => typeof l[LOG_FIELD.traceId] === 'string');
      expect(traced.length).toBeGreaterThan(20);
      expect(traced.filter((l) => !exported.has(l[LOG_FIELD.traceId] as string)).length).toBeLessThan(
        traced.length * 0.05
      );
    });
  }
);
