import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_STATE, LABEL, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { backendSamples, normalizeFiles, type BackendCalibration } from '@hybridlens/calibration';
import { DEFAULT_TOPOLOGY, FAULT_KIND, backfill } from '@hybridlens/simulator';
import {
  type RunningPrometheus,
  alertsAsRecordingRules,
  backfillRecordingRules,
  createBlocksFromOpenMetrics,
  listRuleFiles,
  loadOpenMetricsFiles,
  readRules,
  repoRoot,
  startPrometheus,
} from '@hybridlens/testkit';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * Recent history at a fine step: the SLO rules' 5-minute increases need several samples per 5 minutes, and
 * the SRE overview's default 6 hours fall mostly in it. Older history (for the 7-day summary and its "7 days
 * before") at a coarse step keeps two weeks loadable in about a minute. The simulator's cost grows with the
 * requests it simulates: at a quarter of the usual load the coarse weeks still count requests, errors and
 * spend of every provider each hour, for a quarter of the time.
 */
const FINE = { seconds: 4 * HOUR, stepSeconds: MINUTE, loadFactor: 3 } as const;
const COARSE = { days: 14.5, stepSeconds: HOUR, loadFactor: 0.25, fileHours: 24 } as const;
/** History runs a little past "now" so rates near the right edge do not drift while the test runs. */
const PAST_NOW = 10 * MINUTE;
/** As the page harness: SLO series over the last hours only (their 30-day windows are costly), every 4 minutes. */
const RULE_EVAL_SECONDS = 240;
const RULE_HISTORY_SECONDS = 90 * MINUTE;
/** Calibration snapshots are held at this step so an instant query always finds one within the 5-minute lookback. */
const CALIBRATION_STEP_SECONDS = 240;

export interface DashboardHistory {
  prometheus: RunningPrometheus;
  /** Unix seconds the queries treat as "now". */
  now: number;
  /** The datasource scrape interval Grafana would be told (the fine history's step). */
  scrapeSeconds: number;
  stop(): Promise<void>;
}

/** An incident that started 80 minutes before "now" and outlasts the history: alerts fire, SLOs burn. */
function incidentScenario(): string {
  const braket = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'braket')!;
  const ibm = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'ibm')!;
  const startMinutes = (FINE.seconds + PAST_NOW) / MINUTE - 90;
  const start = `+${Math.floor(startMinutes / 60)}h${startMinutes % 60}m`;
  return [
    'faults:',
    `  - { kind: ${FAULT_KIND.hardwareFailure}, provider: ${braket.provider}, backend: ${braket.backend}, start: ${start}, duration: 3h }`,
    `  - { kind: ${FAULT_KIND.queueSaturation}, provider: ${ibm.provider}, backend: ${ibm.backend}, start: ${start}, duration: 3h }`,
    '',
  ].join('\n');
}

/** Only the per-backend calibration gauges (what the dashboards read): the per-qubit ones would be millions of samples. */
function isPerBackend(labels: readonly string[]): boolean {
  return labels.length === 2 && labels.includes(LABEL.provider) && labels.includes(LABEL.backend);
}

/** OpenMetrics history of each backend's calibration snapshots, each held until the next (or until `end`). */
function calibrationOpenMetrics(files: readonly string[], end: number): string {
  const { backends } = normalizeFiles([...files]);
  const byDevice = new Map<string, Array<{ at: number; backend: BackendCalibration }>>();
  for (const backend of backends) {
    if (!backend.calibratedAt) {
      continue;
    }
    const key = `${backend.provider}/${backend.backend}`;
    byDevice.set(key, [
      ...(byDevice.get(key) ?? []),
      { at: Math.floor(Date.parse(backend.calibratedAt) / 1000), backend },
    ]);
  }
  const families = new Map<string, string[]>();
  for (const snapshots of byDevice.values()) {
    snapshots.sort((a, b) => a.at - b.at);
    const series = new Map<string, { name: string; lines: string[] }>();
    snapshots.forEach(({ at, backend }, i) => {
      const until = snapshots[i + 1]?.at ?? end;
      for (const [def, samples] of backendSamples(backend)) {
        if (!isPerBackend(def.labels)) {
          continue;
        }
        for (const sample of samples) {
          const labels = Object.entries(sample.labels)
            .map(([k, v]) => `${k}="${v}"`)
            .join(',');
          const key = `${def.name}{${labels}}`;
          const entry = series.get(key) ?? { name: def.name, lines: [] };
          for (let t = at; t < until; t += CALIBRATION_STEP_SECONDS) {
            entry.lines.push(`${key} ${sample.value} ${t}`);
          }
          series.set(key, entry);
        }
      }
    });
    for (const { name, lines } of series.values()) {
      families.set(name, [...(families.get(name) ?? []), ...lines]);
    }
  }
  const text = [...families].flatMap(([name, lines]) => [`# TYPE ${name} gauge`, ...lines]);
  return `${text.join('\n')}\n# EOF\n`;
}

/**
 * A real Prometheus (the OS package) loaded with two weeks of simulator history, calibration history and the
 * SLO and alert series recorded by the committed rules, as the page harness does for the app's pages.
 */
export async function loadDashboardHistory(): Promise<DashboardHistory> {
  let mark = Date.now();
  const phase = (name: string) => {
    if (process.env.HL_DASHBOARDS_DEBUG) {
      console.log(`dashboard history: ${name} in ${((Date.now() - mark) / 1000).toFixed(1)} s`);
    }
    mark = Date.now();
  };
  const work = mkdtempSync(join(tmpdir(), 'hl-dash-history-'));
  try {
    const now = Math.floor(Date.now() / 1000);
    const fineStart = Math.floor((now - FINE.seconds) / COARSE.stepSeconds) * COARSE.stepSeconds;
    const end = now + PAST_NOW;
    const coarse = await backfill({
      days: COARSE.days,
      out: join(work, 'coarse'),
      end: fineStart * 1000,
      stepSeconds: COARSE.stepSeconds,
      tracesPerHour: 0,
      loadFactor: COARSE.loadFactor,
      // A day per file and per block: at the default 2 hours, two hourly samples a series each, promtool ran
      // 174 times and Prometheus opened as many blocks for every query over the two weeks.
      fileHours: COARSE.fileHours,
    });
    phase(`coarse backfill (${coarse.samples} samples)`);
    const fine = await backfill({
      days: (end - fineStart) / DAY,
      out: join(work, 'fine'),
      end: end * 1000,
      stepSeconds: FINE.stepSeconds,
      tracesPerHour: 0,
      calibration: false,
      loadFactor: FINE.loadFactor,
      scenario: { name: 'dashboard incident', text: incidentScenario() },
    });
    phase(`fine backfill (${fine.samples} samples)`);
    const calibrationFile = join(work, 'calibration.om');
    writeFileSync(calibrationFile, calibrationOpenMetrics(coarse.calibrationFiles, end));
    const dataDir = join(work, 'data');
    await loadOpenMetricsFiles(coarse.metricsFiles, dataDir, { maxBlockHours: COARSE.fileHours });
    await loadOpenMetricsFiles(fine.metricsFiles, dataDir);
    // One file over two weeks: in one block, or promtool re-reads it once per 2-hour block.
    createBlocksFromOpenMetrics(calibrationFile, dataDir, ['--max-block-duration=720h']);
    phase('promtool load');
    rmSync(join(work, 'coarse'), { recursive: true, force: true });
    rmSync(join(work, 'fine'), { recursive: true, force: true });

    const rules = readRules(listRuleFiles(join(repoRoot, 'provisioning/prometheus/rules')));
    const alerts = alertsAsRecordingRules(rules, RULE_EVAL_SECONDS, { ...PROMETHEUS_ALERTS, ...ALERT_STATE });
    await backfillRecordingRules({
      rules: [...rules, ...alerts],
      dataDir,
      workDir: work,
      start: end - RULE_HISTORY_SECONDS,
      end,
      evalIntervalSeconds: RULE_EVAL_SECONDS,
    });
    phase('rule backfill');
    const prometheus = await startPrometheus({ dataDir });
    return {
      prometheus,
      now,
      scrapeSeconds: FINE.stepSeconds,
      async stop() {
        await prometheus.stop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
