import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_STATE, METRIC, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { type BackfillOptions, backfill } from '@hybridlens/simulator';
import {
  alertsAsRecordingRules,
  evaluateRulesOverHistory,
  listRuleFiles,
  loadOpenMetricsFiles,
  readRules,
} from '@hybridlens/testkit';

const DAY_SECONDS = 86_400;
/**
 * The per-span histograms are seven in ten of the simulator's samples and only the trace pages read them, over
 * hours: the days before the last `fullDays` go without them, a seventh of the bytes to write and load.
 */
const SPAN_HISTOGRAMS: readonly string[] = [METRIC.requestSpanStartOffset.name, METRIC.requestSpanDuration.name];
/** A day per OpenMetrics file and per TSDB block for the older days: one promtool run and one block each. */
const OLDER_FILE_HOURS = 24;
/**
 * SLO series are recorded every 4 minutes (alert `for:` counted in it), as the page harness does: with samples
 * exactly 5 minutes apart an instant query can fall outside Prometheus' 5-minute lookback. The 5-minute increases
 * every 2 minutes, at the history's own step, so the generator's 5-minute subqueries find a fresh one at each slot.
 */
const RULE_STEP_SECONDS = 240;
const INCREASE_STEP_SECONDS = 120;

export interface ComposeHistoryOptions {
  /** Days of history in all, ending now (or `end`). */
  days: number;
  /** The last days written with every metric family (the trace pages' span histograms too). */
  fullDays: number;
  /** Directory of Prometheus rule files to record over the history. */
  rulesDir: string;
  /** Where the finished TSDB blocks go (replaced whole; built beside it and renamed into place). */
  out: string;
  /** Sample interval of the history (seconds). */
  stepSeconds: number;
  /** End of the history (epoch ms); default now. */
  end?: number;
  /** The simulator's fault schedule and load for both parts (default: its built-in schedule at the live load). */
  simulation?: Pick<BackfillOptions, 'scenario' | 'loadFactor'>;
  log?: (message: string) => void;
}

export interface ComposeHistory {
  start: number;
  end: number;
  blocks: number;
  series: number;
  samples: number;
  recordedSeries: number;
  /** Seconds per phase. */
  seconds: { simulate: number; load: number; rules: number };
}

/** Only the TSDB blocks (directories with a meta.json): not the WAL, head chunks or lock of the Prometheus that read them. */
function keepBlocksOnly(dataDir: string): number {
  let blocks = 0;
  for (const entry of readdirSync(dataDir)) {
    if (existsSync(join(dataDir, entry, 'meta.json'))) {
      blocks++;
    } else {
      rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
  }
  return blocks;
}

/**
 * The compose stack's history as ready TSDB blocks: simulator history (the older days without the span histograms,
 * the last days with everything), loaded with promtool, then every recording rule and every alert (as the `ALERTS`
 * series) of `rulesDir` recorded over the whole of it with one range query per rule and level, each level imported
 * as one block. `promtool tsdb create-blocks-from rules` writes one block per rule and 2-hour window (72,000 blocks
 * for 433 rules over 14 days) and every later query opens them all; it did not finish in 40 minutes.
 */
export async function buildComposeHistory(options: ComposeHistoryOptions): Promise<ComposeHistory> {
  const log = options.log ?? (() => undefined);
  if (!(options.fullDays > 0 && options.fullDays <= options.days)) {
    throw new Error(`fullDays: ${options.fullDays} must be above 0 and at most days (${options.days})`);
  }
  const rules = readRules(listRuleFiles(options.rulesDir));
  if (rules.length === 0) {
    throw new Error(`${options.rulesDir}: no rule files (generate them with hybridlens-slo generate)`);
  }
  const staging = `${options.out}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    let mark = performance.now();
    const lap = () => {
      const seconds = (performance.now() - mark) / 1000;
      mark = performance.now();
      return seconds;
    };
    const stepMs = options.stepSeconds * 1000;
    const end = Math.floor((options.end ?? Date.now()) / stepMs) * stepMs;
    const fullStart = end - Math.round((options.fullDays * DAY_SECONDS * 1000) / stepMs) * stepMs;
    const common = { ...options.simulation, stepSeconds: options.stepSeconds, tracesPerHour: 0, calibration: false };
    const olderDays = options.days - options.fullDays;
    const older =
      olderDays > 0
        ? await backfill({
            ...common,
            days: olderDays,
            end: fullStart,
            out: join(staging, 'older'),
            fileHours: OLDER_FILE_HOURS,
            metrics: Object.values(METRIC)
              .map((m) => m.name)
              .filter((name) => !SPAN_HISTOGRAMS.includes(name)),
          })
        : undefined;
    const recent = await backfill({ ...common, days: options.fullDays, end, out: join(staging, 'recent') });
    const simulate = lap();
    log(`simulator history: ${olderDays} + ${options.fullDays} days in ${simulate.toFixed(1)} s`);

    const dataDir = join(staging, 'data');
    if (older) {
      await loadOpenMetricsFiles(older.metricsFiles, dataDir, { maxBlockHours: OLDER_FILE_HOURS });
    }
    await loadOpenMetricsFiles(recent.metricsFiles, dataDir);
    rmSync(join(staging, 'older'), { recursive: true, force: true });
    rmSync(join(staging, 'recent'), { recursive: true, force: true });
    const load = lap();
    log(`promtool load in ${load.toFixed(1)} s`);

    const start = (older?.start ?? recent.start) / 1000;
    const alerts = alertsAsRecordingRules(rules, RULE_STEP_SECONDS, { ...PROMETHEUS_ALERTS, ...ALERT_STATE });
    const recorded = await evaluateRulesOverHistory({
      dataDir,
      workDir: join(staging, 'work'),
      rules: [...rules.filter((r) => r.record), ...alerts],
      start,
      end: end / 1000,
      stepSeconds: (level) => (level === 0 ? INCREASE_STEP_SECONDS : RULE_STEP_SECONDS),
      alertStepSeconds: RULE_STEP_SECONDS,
    });
    const rulesSeconds = lap();
    log(
      `${recorded.recordedSeries} series of ${rules.length} rules in ${recorded.levels} levels in ${rulesSeconds.toFixed(1)} s`
    );

    const blocks = keepBlocksOnly(dataDir);
    rmSync(options.out, { recursive: true, force: true });
    renameSync(dataDir, options.out);
    rmSync(staging, { recursive: true, force: true });
    return {
      start,
      end: end / 1000,
      blocks,
      series: (older?.series ?? 0) + recent.series,
      samples: (older?.samples ?? 0) + recent.samples,
      recordedSeries: recorded.recordedSeries,
      seconds: { simulate, load, rules: rulesSeconds },
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
