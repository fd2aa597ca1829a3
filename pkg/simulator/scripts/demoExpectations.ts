import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  eq,
  JOB_OUTCOME,
  LABEL,
  METRIC,
  metricForSeries,
  QUANTUM_ERROR_TYPE,
  SLO_SERIES,
  selector,
  VALIDATION_RESULT,
  VALIDATOR,
} from '@hybridlens/conventions';
import {
  type AlertStretch,
  durationSeconds,
  evaluateRulesOverHistory,
  listRuleFiles,
  readRules,
  repoRoot,
  type Rule,
  type RunningPrometheus,
  startPrometheus,
} from '@hybridlens/testkit';
import {
  backfill,
  DEFAULT_BACKFILL_SCENARIO,
  DEFAULT_INCIDENT,
  DEFAULT_TOPOLOGY,
  FAULT_KIND,
  importOpenMetrics,
  type ScheduledFault,
} from '../src';
import { STATUS_REPORT_LAG_MS } from '../src/providerState';
import { parseScenarioText } from '../src/scenarioSource';

/*
 * What a user must see in the default history (issue 9): most SLOs within budget with 20-95 % left, exactly
 * one exhausted by the named incident, alerts only inside fault windows (plus their `for` and window lag),
 * and every fault visible where it was scheduled. Measured on a real Prometheus with the generated rules of
 * provisioning/prometheus/rules evaluated over the history. Used by the 7-day test and the 30-day script.
 */

export const RULES_DIR = join(repoRoot, 'provisioning/prometheus/rules');
/** Budget left that counts as "within budget": spent a visible share, far from exhausted. */
export const BUDGET_LEFT_RANGE = [0.2, 0.95] as const;
/** The SLO the named incident exhausts. */
export const EXHAUSTED_SLO = 'fallback-availability';
/** Evaluation of the 5-minute SLO series, and of the ops alerts; the longer windows are evaluated every 20 minutes. */
const FAST_STEP_SECONDS = 240;
const SLOW_STEP_SECONDS = 1200;

export interface FaultOccurrence {
  fault: ScheduledFault;
  /** Unix seconds. */
  start: number;
  end: number;
}

export interface FaultVisibility extends FaultOccurrence {
  signal: string;
  during: number;
  before: number;
  visible: boolean;
}

export interface UnexplainedAlert {
  alert: AlertStretch;
  /** First firing evaluation (unix seconds) no fault window plus lag covers. */
  at: number;
  lagSeconds: number;
}

export interface DemoReport {
  start: number;
  end: number;
  requests: number;
  /** Budget left per SLO at the end of the history; undefined: the SLO has no events (no traffic). */
  budgets: Map<string, number | undefined>;
  /** Bad events of the exhausted SLO inside the incident, against its whole budget over the history. */
  incident: { name: string; badEvents: number; budgetEvents: number };
  firing: AlertStretch[];
  unexplained: UnexplainedAlert[];
  faults: FaultVisibility[];
  seconds: { history: number; import: number; rules: number; checks: number };
}

/** Contract metric families the rules and the fault signals read: the history writes only these. */
export function familiesToWrite(rules: readonly Rule[]): string[] {
  const names = new Set<string>([
    METRIC.quantumQueueLength.name,
    METRIC.providerRateLimited.name,
    METRIC.quantumJobErrors.name,
    METRIC.quantumJobs.name,
    METRIC.llmValidations.name,
    METRIC.providerAvailable.name,
    METRIC.llmColdStarts.name,
  ]);
  for (const rule of rules) {
    for (const series of rule.expr.match(/hybrid_[a-z0-9_]+/g) ?? []) {
      const def = metricForSeries(series);
      if (def) {
        names.add(def.name);
      }
    }
  }
  return [...names].sort();
}

/** Every occurrence of the default schedule's faults inside [start, end] (unix ms in, unix seconds out). */
export function faultOccurrences(start: number, end: number): FaultOccurrence[] {
  const scenario = parseScenarioText(
    DEFAULT_BACKFILL_SCENARIO,
    'default-backfill',
    { origin: start, end },
    DEFAULT_TOPOLOGY
  );
  const out: FaultOccurrence[] = [];
  for (const fault of scenario.faults) {
    const length = fault.end - fault.start;
    for (let s = fault.start; s < end; s += fault.every ?? Number.POSITIVE_INFINITY) {
      if (s + length > start) {
        out.push({ fault, start: Math.max(s, start) / 1000, end: Math.min(s + length, end) / 1000 });
      }
      if (fault.every === undefined) {
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * How long after its fault ends an alert may still fire: its `for`, the longest range it reads (for a
 * burn-rate alert, the shorter of its two windows: the alert needs both), the lag of a provider's status
 * API when it reads the reported availability, and one evaluation step.
 */
export function alertLagSeconds(rule: Rule, step: number): number {
  const burnWindows = [...rule.expr.matchAll(/slo:burn_rate:(\w+)/g)].map((m) => durationSeconds(m[1]!));
  const ranges = [...rule.expr.matchAll(/\[(\d+[smhdw](?:\d+[smhd])*)(?::[^\]]*)?\]/g)].map((m) =>
    durationSeconds(m[1]!)
  );
  const window = burnWindows.length > 0 ? Math.min(...burnWindows) : Math.max(0, ...ranges);
  const statusLag = rule.expr.includes(METRIC.providerAvailable.name) ? STATUS_REPORT_LAG_MS / 1000 : 0;
  return (rule.for ? durationSeconds(rule.for) : 0) + window + statusLag + step;
}

/** The signal a fault of each kind moves, as an increase / average over a window ending at `at`. */
function faultSignal(
  fault: ScheduledFault,
  range: string
): { query: string; name: string; test: (during: number, before: number) => boolean } {
  const p = fault.provider ? [eq(LABEL.provider, fault.provider)] : [];
  const pb = [...p, ...(fault.backend ? [eq(LABEL.backend, fault.backend)] : [])];
  const m = fault.model ? [eq(LABEL.model, fault.model)] : [];
  const increase = (metric: string, matchers: string[]) => `sum(increase(${selector(metric, matchers)}[${range}]))`;
  const ratio = (metric: string, bad: string[], all: string[]) =>
    `(${increase(metric, bad)} or vector(0)) / ${increase(metric, all)}`;
  switch (fault.kind) {
    case FAULT_KIND.queueSaturation:
      return {
        name: 'average queue length',
        query: `avg(avg_over_time(${selector(METRIC.quantumQueueLength.name, pb)}[${range}]))`,
        test: (d, b) => d >= 3 * b,
      };
    case FAULT_KIND.rateLimiting:
      return {
        name: 'HTTP 429s',
        query: `${increase(METRIC.providerRateLimited.name, p)} or vector(0)`,
        test: (d, b) => d >= 10 && d >= 5 * (b + 1),
      };
    case FAULT_KIND.qpuErrorRate:
      return {
        name: 'share of failed jobs',
        query: ratio(METRIC.quantumJobs.name, [...pb, eq(LABEL.outcome, JOB_OUTCOME.error)], pb),
        test: (d, b) => d >= 0.05 && d >= 3 * b,
      };
    case FAULT_KIND.hardwareFailure:
      return {
        name: 'hardware failures',
        query: `${increase(METRIC.quantumJobErrors.name, [...pb, eq(LABEL.errorType, QUANTUM_ERROR_TYPE.hardwareFailure)])} or vector(0)`,
        test: (d, b) => d >= 10 && d >= 10 * (b + 1),
      };
    case FAULT_KIND.llmHallucination:
      return {
        name: 'share of hallucination verdicts failed',
        query: ratio(
          METRIC.llmValidations.name,
          [...m, eq(LABEL.validator, VALIDATOR.hallucination), eq(LABEL.result, VALIDATION_RESULT.fail)],
          [...m, eq(LABEL.validator, VALIDATOR.hallucination)]
        ),
        test: (d, b) => d >= 5 * b,
      };
    case FAULT_KIND.calibrationCorrupt:
      return {
        name: 'jobs failed on an invalid calibration',
        query: `${increase(METRIC.quantumJobErrors.name, [...pb, eq(LABEL.errorType, QUANTUM_ERROR_TYPE.calibrationInvalid)])} or vector(0)`,
        test: (d, b) => d >= 10 && d >= 5 * (b + 1),
      };
    case FAULT_KIND.simulatorDivergence: {
      const local = [eq(LABEL.provider, 'local')];
      return {
        name: 'share of failed simulator jobs',
        query: ratio(METRIC.quantumJobs.name, [...local, eq(LABEL.outcome, JOB_OUTCOME.error)], local),
        test: (d, b) => d >= 0.02 && d >= 10 * b,
      };
    }
    case FAULT_KIND.providerOutage:
      return {
        name: 'lowest reported availability',
        query: `min(min_over_time(${selector(METRIC.providerAvailable.name, pb)}[${range}]))`,
        test: (d, b) => d === 0 && b === 1,
      };
    case FAULT_KIND.llmColdStarts:
      return {
        name: 'cold starts',
        query: `${increase(METRIC.llmColdStarts.name, m)} or vector(0)`,
        test: (d, b) => d >= 10 && d >= 5 * (b + 1),
      };
  }
}

async function scalarOr(prometheus: RunningPrometheus, query: string, time: number, fallback: number): Promise<number> {
  const data = await prometheus.query(query, time);
  const value = data.result[0]?.value?.[1];
  return value === undefined ? fallback : Number(value);
}

export interface DemoHistoryOptions {
  days: number;
  /** Epoch ms. */
  end: number;
  workDir: string;
  log?: (message: string) => void;
}

/** Backfill the default history, evaluate the generated rules over it, and measure what a user would see. */
export async function measureDemoHistory(options: DemoHistoryOptions): Promise<DemoReport> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.workDir, { recursive: true });
  const rules = readRules(listRuleFiles(RULES_DIR));
  if (rules.length === 0) {
    throw new Error(`no rule files in ${RULES_DIR}: generate them with hybridlens-slo`);
  }
  let t0 = Date.now();
  const history = await backfill({
    days: options.days,
    out: join(options.workDir, 'history'),
    end: options.end,
    calibration: false,
    tracesPerHour: 0,
    metrics: familiesToWrite(rules),
    fileHours: 24,
  });
  const seconds = { history: (Date.now() - t0) / 1000, import: 0, rules: 0, checks: 0 };
  log(`history: ${history.requests} requests, ${history.samples} samples in ${seconds.history.toFixed(0)} s`);
  const dataDir = join(options.workDir, 'data');
  t0 = Date.now();
  await importOpenMetrics(history.metricsFiles, dataDir, { concurrency: 2, maxBlockHours: 24 });
  seconds.import = (Date.now() - t0) / 1000;
  log(`imported in ${seconds.import.toFixed(0)} s`);
  const start = history.start / 1000;
  const end = history.end / 1000;
  t0 = Date.now();
  const evaluated = await evaluateRulesOverHistory({
    dataDir,
    workDir: join(options.workDir, 'rules'),
    rules,
    start,
    end,
    stepSeconds: (level) => (level === 0 ? FAST_STEP_SECONDS : SLOW_STEP_SECONDS),
    alertStepSeconds: FAST_STEP_SECONDS,
  });
  seconds.rules = (Date.now() - t0) / 1000;
  log(
    `rules: ${evaluated.recordedSeries} series in ${evaluated.levels} levels, alerts in ${seconds.rules.toFixed(0)} s`
  );

  t0 = Date.now();
  const occurrences = faultOccurrences(history.start, history.end);
  const report = await (async () => {
    const prometheus = await startPrometheus({ dataDir });
    try {
      // The last evaluation of the slow group: the budget series' last sample.
      const budgetAt = start + Math.floor((end - start) / SLOW_STEP_SECONDS) * SLOW_STEP_SECONDS;
      const info = await prometheus.query(SLO_SERIES.info, budgetAt);
      const budgets = new Map<string, number | undefined>();
      for (const series of info.result) {
        const slo = series.metric[LABEL.slo]!;
        const data = await prometheus.query(
          `${selector(SLO_SERIES.errorBudgetRemaining, [eq(LABEL.slo, slo)])}`,
          budgetAt
        );
        const value = data.result[0]?.value?.[1];
        budgets.set(slo, value === undefined ? undefined : Number(value));
      }
      const incidentWindow = occurrences.find((o) => o.fault.name === DEFAULT_INCIDENT);
      let incident = { name: DEFAULT_INCIDENT, badEvents: 0, budgetEvents: 0 };
      if (incidentWindow) {
        const length = Math.round(incidentWindow.end - incidentWindow.start);
        const sloMatch = [eq(LABEL.slo, EXHAUSTED_SLO)];
        const total = await scalarOr(
          prometheus,
          `sum_over_time(${selector(SLO_SERIES.totalIncrease5m, sloMatch)}[${Math.round(end - start)}s:5m])`,
          budgetAt,
          0
        );
        const objective = await scalarOr(prometheus, selector(SLO_SERIES.objective, sloMatch), budgetAt, 1);
        incident = {
          name: DEFAULT_INCIDENT,
          badEvents: await scalarOr(
            prometheus,
            `sum_over_time(${selector(SLO_SERIES.badIncrease5m, sloMatch)}[${length}s:5m])`,
            incidentWindow.end + 300,
            0
          ),
          budgetEvents: total * (1 - objective),
        };
      }
      const faults: FaultVisibility[] = [];
      for (const o of occurrences) {
        const range = `${Math.round(o.end - o.start)}s`;
        const signal = faultSignal(o.fault, range);
        const during = await scalarOr(prometheus, signal.query, o.end, Number.NaN);
        const before = await scalarOr(prometheus, signal.query, o.start, Number.NaN);
        faults.push({ ...o, signal: signal.name, during, before, visible: signal.test(during, before) });
      }
      return { budgets, incident, faults };
    } finally {
      await prometheus.stop();
    }
  })();

  const ruleOf = new Map(rules.filter((r) => r.alert).map((r) => [r.alert!, [] as Rule[]]));
  for (const r of rules.filter((r) => r.alert)) {
    ruleOf.get(r.alert!)!.push(r);
  }
  const firing = evaluated.alerts.filter((a) => a.state === 'firing');
  const unexplained: UnexplainedAlert[] = [];
  for (const alert of firing) {
    // Several rules share a name (the burn-rate tiers): the tier label picks the rule.
    const candidates = ruleOf.get(alert.alertname) ?? [];
    const rule =
      candidates.find((r) => Object.entries(r.labels ?? {}).every(([k, v]) => alert.labels[k] === v)) ?? candidates[0]!;
    const lag = alertLagSeconds(rule, alert.step);
    for (let t = alert.from; t <= alert.to; t += alert.step) {
      if (!occurrences.some((o) => t >= o.start && t <= o.end + lag)) {
        unexplained.push({ alert, at: t, lagSeconds: lag });
        break;
      }
    }
  }
  seconds.checks = (Date.now() - t0) / 1000;
  return { start, end, requests: history.requests, firing, unexplained, ...report, seconds };
}

/** The expectations as readable problems (empty: the history tells the intended story). */
export function demoProblems(report: DemoReport): string[] {
  const problems: string[] = [];
  const [low, high] = BUDGET_LEFT_RANGE;
  for (const [slo, left] of report.budgets) {
    if (left === undefined) {
      // pkg/slo generates job-success SLOs only for providers the default topology sends jobs to.
      problems.push(`${slo}: no budget series (no events)`);
    } else if (slo === EXHAUSTED_SLO) {
      if (left > 0) {
        problems.push(`${slo}: ${(left * 100).toFixed(0)} % left, expected exhausted by ${report.incident.name}`);
      }
    } else if (left < low || left > high) {
      problems.push(`${slo}: ${(left * 100).toFixed(0)} % left, expected ${low * 100}-${high * 100} %`);
    }
  }
  if (!report.budgets.has(EXHAUSTED_SLO)) {
    problems.push(`${EXHAUSTED_SLO}: no SLO of that name`);
  }
  if (!(report.incident.badEvents > report.incident.budgetEvents)) {
    problems.push(
      `${report.incident.name}: ${report.incident.badEvents.toFixed(0)} bad events, not more than the ${report.incident.budgetEvents.toFixed(1)} the whole budget allows`
    );
  }
  for (const u of report.unexplained) {
    problems.push(
      `${u.alert.alertname} ${JSON.stringify(u.alert.labels)} firing at ${new Date(u.at * 1000).toISOString()}, outside every fault window + ${u.lagSeconds} s`
    );
  }
  for (const f of report.faults.filter((x) => !x.visible)) {
    problems.push(
      `${f.fault.kind} ${f.fault.provider ?? f.fault.model ?? ''} at ${new Date(f.start * 1000).toISOString()}: ${f.signal} ${f.during} during vs ${f.before} before`
    );
  }
  return problems;
}
