import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_STATE, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { type PromSample, promtool, type RunningPrometheus, startPrometheus } from './prometheus';
import { durationSeconds, recordingRuleLevels, references, type Rule } from './ruleFiles';

/*
 * Rules evaluated over backfilled history, fast enough for a test over a week: each recording rule is one
 * range query to a real Prometheus (a range query is the same PromQL evaluation as the rule at each of its
 * instants), the results are imported with `promtool tsdb create-blocks-from openmetrics`, level by level.
 * `promtool tsdb create-blocks-from rules` does the same job one evaluation at a time and takes minutes
 * per level for a week of history.
 */

export interface RuleEvaluationOptions {
  /** TSDB directory that holds the raw history; recorded series (and ALERTS) are added to it. */
  dataDir: string;
  /** Scratch directory. */
  workDir: string;
  rules: Rule[];
  /** Unix seconds: rules are evaluated at start, start + step, ... up to end. */
  start: number;
  end: number;
  /**
   * Record the recording rules over each of these windows (in time order, apart) instead of [start, end]: for sparse
   * history, such as a week around each of a few calibration snapshots years apart. Alerts still use [start, end].
   */
  windows?: ReadonlyArray<{ start: number; end: number }>;
  /**
   * Evaluation interval per recording-rule level (seconds). Levels above 0 read the 5-minute series
   * through 5-minute subqueries, so they may run coarser; keep each level's step a multiple of the one below.
   */
  stepSeconds: (level: number) => number;
  /**
   * Evaluation interval of the alerting rules that read raw series (seconds). Alerts that read recorded
   * series are evaluated at the step of the highest level, where those series have a sample at every point.
   */
  alertStepSeconds: number;
  /** Write the ALERTS series (alertstate pending / firing) too, as Prometheus would while evaluating. */
  writeAlerts?: boolean;
}

/** One firing (or pending) stretch of an alert, on the evaluation grid. */
export interface AlertStretch {
  alertname: string;
  /** The evaluation interval the stretch was found on (seconds). */
  step: number;
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  /** Unix seconds of the first and last evaluation in that state. */
  from: number;
  to: number;
}

export interface RuleEvaluationResult {
  levels: number;
  recordedSeries: number;
  alerts: AlertStretch[];
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`)
    .join(',');
}

/** The series a recording rule writes from one range-query result: the rule's name and labels win. */
function recorded(rule: Rule & { record: string }, sample: PromSample): Record<string, string> {
  const { __name__: _dropped, ...labels } = sample.metric;
  return { ...labels, ...(rule.labels ?? {}) };
}

/** OpenMetrics for promtool: one family per name, each series' samples in time order, `# EOF` at the end. */
function openMetrics(
  families: Map<string, Array<{ labels: Record<string, string>; values: Array<[number, string]> }>>
): string {
  const lines: string[] = [];
  for (const [name, series] of families) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of series) {
      const head = `${name}{${labelText(s.labels)}}`;
      for (const [t, v] of s.values) {
        lines.push(`${head} ${v} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

function importFile(text: string, file: string, dataDir: string): void {
  writeFileSync(file, text);
  // One block for the whole range: promtool reads its input once per block.
  promtool(['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', '--max-block-duration=8760h', file, dataDir]);
}

async function withPrometheus<T>(dataDir: string, body: (p: RunningPrometheus) => Promise<T>): Promise<T> {
  const prometheus = await startPrometheus({ dataDir });
  try {
    return await body(prometheus);
  } finally {
    await prometheus.stop();
  }
}

/** Pending and firing stretches of an alert from its condition on the evaluation grid (Prometheus' `for` rule). */
function alertStretches(rule: Rule & { alert: string }, result: PromSample[], step: number): AlertStretch[] {
  const hold = rule.for ? durationSeconds(rule.for) : 0;
  const stretches: AlertStretch[] = [];
  for (const sample of result) {
    const { __name__: _dropped, ...own } = sample.metric;
    const labels = { ...own, ...(rule.labels ?? {}), [PROMETHEUS_ALERTS.alertName]: rule.alert };
    let activeSince: number | undefined;
    let last: number | undefined;
    let current: AlertStretch | undefined;
    for (const [t] of sample.values ?? []) {
      if (last === undefined || t - last > step) {
        // The condition stopped holding between two points: the alert resolved.
        activeSince = t;
        current = undefined;
      }
      last = t;
      const state = t - activeSince! >= hold ? 'firing' : 'pending';
      if (current && current.state === state) {
        current.to = t;
      } else {
        current = { alertname: rule.alert, step, labels, state, from: t, to: t };
        stretches.push(current);
      }
    }
  }
  return stretches;
}

/** The windows recording rules are evaluated over: [start, end], or the given ones, checked to be in order and apart. */
function recordingWindows(options: RuleEvaluationOptions): ReadonlyArray<{ start: number; end: number }> {
  const windows = options.windows ?? [{ start: options.start, end: options.end }];
  windows.forEach((w, i) => {
    const before = windows[i - 1];
    if (!(w.start <= w.end) || (before && w.start <= before.end)) {
      throw new Error(`windows[${i}]: [${w.start}, ${w.end}] is empty or not after the window before it`);
    }
  });
  return windows;
}

/**
 * Record every recording rule of `rules` over [start, end] into `dataDir` (in dependency order), then
 * evaluate the alerting rules over the same range and return when each was pending or firing.
 */
export async function evaluateRulesOverHistory(options: RuleEvaluationOptions): Promise<RuleEvaluationResult> {
  mkdirSync(options.workDir, { recursive: true });
  const levels = recordingRuleLevels(options.rules);
  let recordedSeries = 0;
  const windows = recordingWindows(options);
  for (const [i, level] of levels.entries()) {
    const step = options.stepSeconds(i);
    const families = await withPrometheus(options.dataDir, async (prometheus) => {
      const out = new Map<string, Array<{ labels: Record<string, string>; values: Array<[number, string]> }>>();
      for (const rule of level as Array<Rule & { record: string }>) {
        // One entry per series, its windows' samples in time order (OpenMetrics wants each series' samples together).
        const bySeries = new Map<string, { labels: Record<string, string>; values: Array<[number, string]> }>();
        for (const w of windows) {
          const data = await prometheus.queryRange(rule.expr, w.start, w.end, step);
          for (const sample of data.result) {
            const labels = recorded(rule, sample);
            const key = labelText(labels);
            const entry = bySeries.get(key) ?? { labels, values: [] };
            entry.values.push(...(sample.values ?? []));
            bySeries.set(key, entry);
          }
        }
        if (bySeries.size > 0) {
          out.set(rule.record, [...(out.get(rule.record) ?? []), ...bySeries.values()]);
          recordedSeries += bySeries.size;
        }
      }
      return out;
    });
    importFile(openMetrics(families), join(options.workDir, `rules-level-${i}.om`), options.dataDir);
  }
  const alertRules = options.rules.filter((r): r is Rule & { alert: string } => typeof r.alert === 'string');
  const recordedNames = levels.flat().map((r) => r.record!);
  const coarsest = Math.max(options.alertStepSeconds, ...levels.map((_, i) => options.stepSeconds(i)));
  const alerts = await withPrometheus(options.dataDir, async (prometheus) => {
    const all: AlertStretch[] = [];
    for (const rule of alertRules) {
      const step = recordedNames.some((name) => references(rule.expr, name)) ? coarsest : options.alertStepSeconds;
      const data = await prometheus.queryRange(rule.expr, options.start, options.end, step);
      all.push(...alertStretches(rule, data.result, step));
    }
    return all;
  });
  if (options.writeAlerts && alerts.length > 0) {
    const series = new Map<string, { labels: Record<string, string>; values: Array<[number, string]> }>();
    for (const a of alerts) {
      const labels = { ...a.labels, [PROMETHEUS_ALERTS.alertState]: ALERT_STATE[a.state] };
      const key = labelText(labels);
      const entry = series.get(key) ?? { labels, values: [] as Array<[number, string]> };
      for (let t = a.from; t <= a.to; t += a.step) {
        entry.values.push([t, '1']);
      }
      series.set(key, entry);
    }
    for (const entry of series.values()) {
      entry.values.sort((a, b) => a[0] - b[0]);
    }
    importFile(
      openMetrics(new Map([[PROMETHEUS_ALERTS.series, [...series.values()]]])),
      join(options.workDir, 'alerts.om'),
      options.dataDir
    );
  }
  return { levels: levels.length, recordedSeries, alerts };
}
