import {
  ALERT,
  ALERT_ANNOTATION,
  ALERT_PLAYBOOK,
  ALERT_SEVERITY,
  CALIBRATION_METRIC,
  LABEL,
  LATENCY_SLO_THRESHOLD_SECONDS,
  METRIC,
  QUANTUM_ERROR_TYPE,
  QUANTUM_PHASE,
  REQUEST_OUTCOME,
  VALIDATION_RESULT,
  VALIDATOR,
  WORKLOAD_PATHS,
  type AppLink,
  buildAppUrl,
  ENQUEUE_SLO_THRESHOLD_SECONDS,
  eq,
  leMatcher,
  oneOf,
  selector,
} from '@hybridlens/conventions';
import { type AlertingRule, type GenerateOptions, type RuleFile } from './ruleTypes';
import { evalTimeMs, labelInUrl, labelQueryText, labelText, queryText, templateQuery, valueText } from './templates';

/** Thresholds of the ops guide's alerts ("Alerting: what to fire on and how to prioritize"). */
export const OPS_THRESHOLDS = {
  /** P0: end-to-end error ratio over 5m, rising for 3 minutes. */
  endToEndErrorRatio: 0.05,
  endToEndMinErrors: 5,
  /** P0: hardware-failure errors over 10m as a share of jobs; at least this many failures. */
  hardwareFailureRatio: 0.01,
  hardwareMinFailures: 3,
  /** P0: queue length critical threshold (jobs) while growing, with enqueue P95 over the queueing target. */
  queueLengthCritical: 50,
  enqueueP95Seconds: ENQUEUE_SLO_THRESHOLD_SECONDS,
  /**
   * ... and at least this many enqueues over that target in the same 5 minutes. At a quiet hour a P95 of a
   * handful of enqueues is one slow call, not a backlog: on the 30-day demo history, a single slow enqueue
   * among five paged twice on a Sunday morning while IBM's public queue sat just over 50.
   */
  enqueueSlowMinJobs: 2,
  /** P1: hallucination validator failures over 10m, sustained 30m; at least this many failures. */
  hallucinationRatio: 0.05,
  hallucinationMinFailures: 3,
  /** P1: end-to-end P95 of the low-latency paths over the latency SLO threshold for 15 minutes. */
  latencyP95Seconds: LATENCY_SLO_THRESHOLD_SECONDS,
  /**
   * P0: how long the provider's status API must report a backend down before it pages. Status pages are
   * polled and flip during short maintenance windows; five minutes keeps a single poll from paging.
   */
  providerOutageFor: '5m',
  /** P2: calibration drift against the backend's own 24h average. */
  twoQubitErrorRise: 1.5,
  t1Drop: 0.7,
} as const;

const P = LABEL.provider;
const B = LABEL.backend;

type OpsAlertName = keyof typeof ALERT_PLAYBOOK;

/** runbook_url (the contract's playbook of the alert) and drilldown_url (the page, at the alert's time). */
function links(
  alert: OpsAlertName,
  drill: Omit<AppLink, 'time' | 'query'>,
  lookbackSeconds: number,
  options: GenerateOptions
): Record<string, string> {
  return {
    [ALERT_ANNOTATION.runbookUrl]: buildAppUrl(
      { page: 'playbook', params: { playbook: ALERT_PLAYBOOK[alert] }, query: { alertname: alert } },
      { baseUrl: options.grafanaUrl }
    ),
    [ALERT_ANNOTATION.drilldownUrl]: buildAppUrl(
      { ...drill, time: { from: evalTimeMs(-lookbackSeconds), to: evalTimeMs(0) }, query: { alertname: alert } },
      { baseUrl: options.grafanaUrl }
    ),
  };
}

const inc = (sel: string, window: string, by?: readonly string[], offset?: string) =>
  `sum${by ? ` by (${by.join(', ')})` : ''} (increase(${sel}[${window}]${offset ? ` offset ${offset}` : ''}))`;

/** A ratio that is only defined with traffic, and never NaN or +Inf (a ratio of counts is ≤ 1). */
const ratio = (num: string, den: string) => `(${num} / (${den} > 0) <= 1)`;

/** Texts of the ops alerts as functions of their numbers (template snippets in rules, values in tests). */
export const OPS_TEXT = {
  endToEnd: (n: { ratioPct: string; errors: string }) => ({
    summary: `End-to-end error rate ${n.ratioPct}% over 5m and rising`,
    description:
      `${n.errors} of the hybrid requests in the last 5 minutes failed (${n.ratioPct}%, threshold ${OPS_THRESHOLDS.endToEndErrorRatio * 100}%), ` +
      `and the rate has risen every minute for 3 minutes.`,
  }),
  hardware: (n: { provider: string; backend: string; ratioPct: string; failures: string }) => ({
    summary: `Quantum hardware failures on ${n.provider}/${n.backend}: ${n.ratioPct}% of jobs`,
    description:
      `${n.failures} jobs on ${n.provider}/${n.backend} failed with hardware_failure in the last 10 minutes ` +
      `(${n.ratioPct}% of jobs, threshold ${OPS_THRESHOLDS.hardwareFailureRatio * 100}%).`,
  }),
  backlog: (n: { provider: string; backend: string; queue: string; p95: string }) => ({
    summary: `Quantum job backlog critical on ${n.provider}/${n.backend}: ${n.queue} jobs queued`,
    description:
      `Queue length ${n.queue} (critical ${OPS_THRESHOLDS.queueLengthCritical}) and growing over 10 minutes; ` +
      `enqueue P95 ${n.p95} s (target ${OPS_THRESHOLDS.enqueueP95Seconds} s).`,
  }),
  hallucination: (n: { model: string; ratioPct: string }) => ({
    summary: `LLM hallucination rate ${n.ratioPct}% on ${n.model}`,
    description:
      `The hallucination validator rejected ${n.ratioPct}% of ${n.model} responses over the last 10 minutes ` +
      `(threshold ${OPS_THRESHOLDS.hallucinationRatio * 100}%), for 30 minutes.`,
  }),
  latency: (n: { route: string; p95: string }) => ({
    summary: `End-to-end P95 latency ${n.p95} s on ${n.route} (low-latency paths)`,
    description:
      `P95 latency of ${n.route} requests served by the ${WORKLOAD_PATHS.lowLatency.join(', ')} paths is ${n.p95} s, ` +
      `over the ${OPS_THRESHOLDS.latencyP95Seconds} s latency SLO, for 15 minutes.`,
  }),
  providerOutage: (n: { provider: string; backend: string }) => ({
    summary: `Provider ${n.provider} reports ${n.backend} down`,
    description:
      `The status API of ${n.provider} has reported ${n.backend} unavailable (outage or maintenance) for at least ` +
      `${OPS_THRESHOLDS.providerOutageFor}: an SLA breach the provider itself reports. Its jobs fail or wait until it is back.`,
  }),
  rateLimited: (n: { provider: string; count: string }) => ({
    summary: `Provider ${n.provider} is rate-limiting requests`,
    description: `${n.count} API calls to ${n.provider} were answered with HTTP 429 in the last 10 minutes.`,
  }),
  calibration: (n: {
    provider: string;
    backend: string;
    twoQ: string;
    twoQAvg: string;
    t1: string;
    t1Avg: string;
  }) => ({
    summary: `Calibration drift on ${n.provider}/${n.backend}`,
    description:
      `Median 2-qubit gate error ${n.twoQ} (24h average ${n.twoQAvg}, alert above ${OPS_THRESHOLDS.twoQubitErrorRise}x), ` +
      `median T1 ${n.t1} s (24h average ${n.t1Avg} s, alert below ${OPS_THRESHOLDS.t1Drop}x).`,
  }),
} as const;

function endToEnd(options: GenerateOptions): AlertingRule {
  const req = METRIC.requests.name;
  const errors = selector(req, [eq(LABEL.outcome, REQUEST_OUTCOME.error)]);
  const now = ratio(inc(errors, '5m'), inc(req, '5m'));
  const before = ratio(inc(errors, '5m', undefined, '1m'), inc(req, '5m', undefined, '1m'));
  const text = OPS_TEXT.endToEnd({
    ratioPct: queryText(templateQuery(`100 * ${now}`), 1),
    errors: queryText(templateQuery(inc(errors, '5m')), 0),
  });
  return {
    alert: ALERT.endToEndErrorRate,
    expr: `${now} > ${OPS_THRESHOLDS.endToEndErrorRatio}\nand ${now} > ${before}\nand ${inc(errors, '5m')} >= ${OPS_THRESHOLDS.endToEndMinErrors}`,
    for: '3m',
    labels: { [LABEL.severity]: ALERT_SEVERITY.p0 },
    annotations: {
      ...text,
      ...links(ALERT.endToEndErrorRate, { page: 'lifecycle' }, 3600, options),
    },
  };
}

function hardware(options: GenerateOptions): AlertingRule {
  const failures = inc(
    selector(METRIC.quantumJobErrors.name, [eq(LABEL.errorType, QUANTUM_ERROR_TYPE.hardwareFailure)]),
    '10m',
    [P, B]
  );
  const jobs = inc(METRIC.quantumJobs.name, '10m', [P, B]);
  const text = OPS_TEXT.hardware({
    provider: labelText(P),
    backend: labelText(B),
    ratioPct: `{{ $value | printf "%.1f" }}`,
    failures: labelQueryText(
      `sum(increase(${METRIC.quantumJobErrors.name}{${P}=%q, ${B}=%q, ${LABEL.errorType}='${QUANTUM_ERROR_TYPE.hardwareFailure}'}[10m]))`,
      [P, B],
      0
    ),
  });
  return {
    alert: ALERT.quantumHardwareFailures,
    expr: `100 * ${ratio(failures, jobs)} > ${OPS_THRESHOLDS.hardwareFailureRatio * 100}\nand ${failures} >= ${OPS_THRESHOLDS.hardwareMinFailures}`,
    labels: { [LABEL.severity]: ALERT_SEVERITY.p0 },
    annotations: {
      ...text,
      ...links(
        ALERT.quantumHardwareFailures,
        { page: 'providerDetail', params: { provider: labelInUrl(P), backend: labelInUrl(B) } },
        3600,
        options
      ),
    },
  };
}

function backlog(options: GenerateOptions): AlertingRule {
  const queue = `max by (${P}, ${B}) (${METRIC.quantumQueueLength.name})`;
  const growing = `max by (${P}, ${B}) (delta(${METRIC.quantumQueueLength.name}[10m]))`;
  const enqueueBuckets = selector(`${METRIC.quantumJobDuration.name}_bucket`, [eq(LABEL.phase, QUANTUM_PHASE.enqueue)]);
  const p95 = `histogram_quantile(0.95, sum by (${P}, ${B}, le) (rate(${enqueueBuckets}[5m])))`;
  const enqueueBucket = (le: string) =>
    selector(`${METRIC.quantumJobDuration.name}_bucket`, [eq(LABEL.phase, QUANTUM_PHASE.enqueue), le]);
  // Enqueues over the target: all of them minus those in the bucket that ends on the target.
  const slowEnqueues = `(${inc(enqueueBucket(leMatcher(Infinity)), '5m', [P, B])} - ${inc(enqueueBucket(leMatcher(OPS_THRESHOLDS.enqueueP95Seconds)), '5m', [P, B])})`;
  const text = OPS_TEXT.backlog({
    provider: labelText(P),
    backend: labelText(B),
    queue: valueText(0),
    p95: labelQueryText(
      `histogram_quantile(0.95, sum by (le) (rate(${METRIC.quantumJobDuration.name}_bucket{${P}=%q, ${B}=%q, ${LABEL.phase}='${QUANTUM_PHASE.enqueue}'}[5m])))`,
      [P, B],
      2
    ),
  });
  return {
    alert: ALERT.quantumBacklogCritical,
    expr: `${queue} > ${OPS_THRESHOLDS.queueLengthCritical}\nand ${growing} > 0\nand ${p95} > ${OPS_THRESHOLDS.enqueueP95Seconds}\nand ${slowEnqueues} >= ${OPS_THRESHOLDS.enqueueSlowMinJobs}`,
    labels: { [LABEL.severity]: ALERT_SEVERITY.p0 },
    annotations: {
      ...text,
      ...links(
        ALERT.quantumBacklogCritical,
        { page: 'providerDetail', params: { provider: labelInUrl(P), backend: labelInUrl(B) } },
        3600,
        options
      ),
    },
  };
}

function hallucination(options: GenerateOptions): AlertingRule {
  const v = METRIC.llmValidations.name;
  const fails = inc(
    selector(v, [eq(LABEL.validator, VALIDATOR.hallucination), eq(LABEL.result, VALIDATION_RESULT.fail)]),
    '10m',
    [LABEL.model]
  );
  const all = inc(selector(v, [eq(LABEL.validator, VALIDATOR.hallucination)]), '10m', [LABEL.model]);
  const text = OPS_TEXT.hallucination({ model: labelText(LABEL.model), ratioPct: valueText(1) });
  return {
    alert: ALERT.llmHallucinationRate,
    expr: `100 * ${ratio(fails, all)} > ${OPS_THRESHOLDS.hallucinationRatio * 100}\nand ${fails} >= ${OPS_THRESHOLDS.hallucinationMinFailures}`,
    for: '30m',
    labels: { [LABEL.severity]: ALERT_SEVERITY.p1 },
    annotations: {
      ...text,
      ...links(
        ALERT.llmHallucinationRate,
        { page: 'llmQuality', variables: { model: labelInUrl(LABEL.model) } },
        2 * 3600,
        options
      ),
    },
  };
}

function latency(options: GenerateOptions): AlertingRule {
  // Over every path the P95 is QPU queueing (tens of seconds) and would always fire: the 2 s objective is the
  // low-latency workload's.
  const buckets = selector(`${METRIC.requestDuration.name}_bucket`, [oneOf(LABEL.path, WORKLOAD_PATHS.lowLatency)]);
  const p95 = `histogram_quantile(0.95, sum by (${LABEL.route}, le) (rate(${buckets}[5m])))`;
  const text = OPS_TEXT.latency({ route: labelText(LABEL.route), p95: valueText(2) });
  return {
    alert: ALERT.latencyP95OverSlo,
    expr: `${p95} > ${OPS_THRESHOLDS.latencyP95Seconds}`,
    for: '15m',
    labels: { [LABEL.severity]: ALERT_SEVERITY.p1 },
    annotations: {
      ...text,
      ...links(
        ALERT.latencyP95OverSlo,
        { page: 'lifecycle', variables: { route: labelInUrl(LABEL.route), path: WORKLOAD_PATHS.lowLatency } },
        3600,
        options
      ),
    },
  };
}

function providerOutage(options: GenerateOptions): AlertingRule {
  const text = OPS_TEXT.providerOutage({ provider: labelText(P), backend: labelText(B) });
  return {
    alert: ALERT.providerOutageReported,
    // max: several pollers of the same status API must all see the backend down.
    expr: `max by (${P}, ${B}) (${METRIC.providerAvailable.name}) == 0`,
    for: OPS_THRESHOLDS.providerOutageFor,
    labels: { [LABEL.severity]: ALERT_SEVERITY.p0 },
    annotations: {
      ...text,
      ...links(
        ALERT.providerOutageReported,
        { page: 'providerDetail', params: { provider: labelInUrl(P), backend: labelInUrl(B) } },
        3600,
        options
      ),
    },
  };
}

function rateLimited(options: GenerateOptions): AlertingRule {
  const count = inc(METRIC.providerRateLimited.name, '10m', [P]);
  const text = OPS_TEXT.rateLimited({ provider: labelText(P), count: valueText(0) });
  return {
    alert: ALERT.providerRateLimited,
    expr: `(${count} < +Inf) > 0`,
    labels: { [LABEL.severity]: ALERT_SEVERITY.p2 },
    annotations: {
      ...text,
      ...links(ALERT.providerRateLimited, { page: 'providers', variables: { provider: labelInUrl(P) } }, 3600, options),
    },
  };
}

function calibration(options: GenerateOptions): AlertingRule {
  const twoQ = CALIBRATION_METRIC.median2qError.name;
  const t1 = CALIBRATION_METRIC.medianT1.name;
  const now = (m: string) => `max by (${P}, ${B}) (${m})`;
  const avg = (m: string) => `max by (${P}, ${B}) (avg_over_time(${m}[1d]))`;
  const pick = (q: string, digits: number) => labelQueryText(q, [P, B], digits);
  const text = OPS_TEXT.calibration({
    provider: labelText(P),
    backend: labelText(B),
    twoQ: pick(`max(${twoQ}{${P}=%q, ${B}=%q})`, 4),
    twoQAvg: pick(`max(avg_over_time(${twoQ}{${P}=%q, ${B}=%q}[1d]))`, 4),
    t1: pick(`max(${t1}{${P}=%q, ${B}=%q})`, 6),
    t1Avg: pick(`max(avg_over_time(${t1}{${P}=%q, ${B}=%q}[1d]))`, 6),
  });
  return {
    alert: ALERT.calibrationDrift,
    expr: `${now(twoQ)} > ${OPS_THRESHOLDS.twoQubitErrorRise} * ${avg(twoQ)}\nor ${now(t1)} < ${OPS_THRESHOLDS.t1Drop} * ${avg(t1)}`,
    labels: { [LABEL.severity]: ALERT_SEVERITY.p2 },
    annotations: {
      ...text,
      ...links(
        ALERT.calibrationDrift,
        { page: 'providerDetail', params: { provider: labelInUrl(P), backend: labelInUrl(B) } },
        24 * 3600,
        options
      ),
    },
  };
}

export const OPS_GROUP = 'hybridlens-ops-alerts';
export const OPS_RULE_FILE = 'hybridlens-ops-alerts.rules.yml';

/** The ops guide's P0/P1/P2 alerts (the SLO burn-rate alerts live with their SLOs). */
export function opsAlertFile(options: GenerateOptions): RuleFile {
  return {
    fileName: OPS_RULE_FILE,
    groups: [
      {
        name: OPS_GROUP,
        interval: '1m',
        rules: [
          endToEnd(options),
          hardware(options),
          providerOutage(options),
          backlog(options),
          hallucination(options),
          latency(options),
          rateLimited(options),
          calibration(options),
        ],
      },
    ],
  };
}
