import {
  CALIBRATION_LOOKBACK,
  ALERT_STATE,
  CALIBRATION_METRIC,
  LABEL,
  METRIC,
  PROMETHEUS_ALERTS,
  eq,
  oneOf,
  range,
  selector,
} from '@hybridlens/conventions';
import { type FilterVariable, REQUEST_FILTERS, filterMatchers } from './filters';

/**
 * PromQL of the Lifecycle, trace and quantum-job pages. Aggregates over the picked range (`$__range`), so one
 * instant query answers each question for the whole window.
 */

const RANGE = '$__range';
/** Prometheus' own names (histogram bucket bound, metric name), not the contract's. */
const LE = 'le';
const NAME = '__name__';

/** The per-span histograms carry the request's labels and the provider that served a quantum path. */
export const SPAN_FILTERS: readonly FilterVariable[] = [...REQUEST_FILTERS, 'provider'];
/** The orchestrator's decisions carry path and reason only. */
export const DECISION_FILTERS: readonly FilterVariable[] = ['path'];

export type SpanMeasure = 'offset' | 'duration';

function spanBuckets(measure: SpanMeasure): string {
  const metric = measure === 'offset' ? METRIC.requestSpanStartOffset : METRIC.requestSpanDuration;
  return selector(`${metric.name}_bucket`, filterMatchers(SPAN_FILTERS));
}

/** Quantile of each lifecycle span's start offset or duration, per served path, over the range. */
export function spanQuantile(q: number, measure: SpanMeasure): string {
  return `histogram_quantile(${q}, sum by (${LE}, ${LABEL.path}, ${LABEL.span}) (rate(${range(spanBuckets(measure), RANGE)})))`;
}

/** End-to-end latency quantile per served path over the range. */
export function requestQuantileByPath(q: number): string {
  const buckets = selector(`${METRIC.requestDuration.name}_bucket`, filterMatchers(REQUEST_FILTERS));
  return `histogram_quantile(${q}, sum by (${LE}, ${LABEL.path}) (rate(${range(buckets, RANGE)})))`;
}

/** Requests finished per served path over the range. */
export function requestsByPath(): string {
  const count = selector(`${METRIC.requestDuration.name}_count`, filterMatchers(REQUEST_FILTERS));
  return `sum by (${LABEL.path}) (increase(${range(count, RANGE)}))`;
}

/** Orchestrator decisions over the range, by chosen path and reason. */
export function decisionsByPathAndReason(): string {
  const decisions = selector(METRIC.orchestratorDecisions.name, filterMatchers(DECISION_FILTERS));
  return `sum by (${LABEL.path}, ${LABEL.reason}) (increase(${range(decisions, RANGE)})) > 0`;
}

/**
 * The request-duration bucket series whose exemplars point at kept traces, for `/api/v1/query_exemplars`
 * (a selector of literal values: exemplar queries run outside Grafana's variable interpolation).
 */
export function requestExemplarSelector(filters: Partial<Record<FilterVariable, readonly string[]>>): string {
  const matchers = REQUEST_FILTERS.flatMap((variable) => {
    const values = filters[variable];
    return values && values.length > 0 ? [oneOf(variable, values)] : [];
  });
  return selector(`${METRIC.requestDuration.name}_bucket`, matchers);
}

/** Alerts firing for some providers (instant query at the trace's time). */
export function firingAlertsOfProviders(providers: readonly string[]): string {
  return selector(PROMETHEUS_ALERTS.series, [
    eq(PROMETHEUS_ALERTS.alertState, ALERT_STATE.firing),
    oneOf(LABEL.provider, providers),
  ]);
}

/** The calibration values the job card compares, per backend. */
export const CALIBRATION_MEDIANS = {
  t1: CALIBRATION_METRIC.medianT1.name,
  t2: CALIBRATION_METRIC.medianT2.name,
  readout: CALIBRATION_METRIC.medianReadoutError.name,
  oneQubit: CALIBRATION_METRIC.median1qError.name,
  twoQubit: CALIBRATION_METRIC.median2qError.name,
} as const;

export const CALIBRATION_QUBIT = {
  t1: CALIBRATION_METRIC.qubitT1.name,
  t2: CALIBRATION_METRIC.qubitT2.name,
  readout: CALIBRATION_METRIC.qubitReadoutError.name,
  oneQubit: CALIBRATION_METRIC.qubit1qError.name,
} as const;

export type CalibrationQuantity = keyof typeof CALIBRATION_MEDIANS;

function backendMatchers(provider: string, backend: string): string[] {
  return [eq(LABEL.provider, provider), eq(LABEL.backend, backend)];
}

/**
 * The calibration in force at the query's instant: the last sample within CALIBRATION_LOOKBACK (the exporter's
 * backfill writes one an hour; a bare selector's 5-minute lookback found nothing between them, so the job card
 * showed no calibration for a job that ran between two samples). `last_over_time` keeps `__name__`.
 */
function inForce(vectorSelector: string): string {
  return `last_over_time(${range(vectorSelector, CALIBRATION_LOOKBACK)})`;
}

/**
 * Every backend median, one series each, told apart by `__name__` (one instant query per time instead of five).
 */
export function calibrationMedians(provider: string, backend: string): string {
  const names = Object.values(CALIBRATION_MEDIANS);
  return inForce(`{${[oneOf(NAME, names), ...backendMatchers(provider, backend)].join(',')}}`);
}

/** Per-qubit values of the job's qubits (T1, T2, readout and 1q error), told apart by `__name__`. */
export function calibrationOfQubits(provider: string, backend: string, qubits: readonly number[]): string {
  const names = Object.values(CALIBRATION_QUBIT);
  return inForce(
    `{${[oneOf(NAME, names), ...backendMatchers(provider, backend), oneOf(LABEL.qubit, qubits.map(String))].join(',')}}`
  );
}

/** Gates the provider reports uncalibrated (present only for those), for the job's qubits to be checked against. */
export function uncalibratedGates(provider: string, backend: string): string {
  return inForce(selector(CALIBRATION_METRIC.gateUncalibrated.name, backendMatchers(provider, backend)));
}

/**
 * How old the served calibration is, in units of the backend's usual interval between calibrations (above 1.5
 * it is stale), at the query's time.
 */
export function calibrationAgeRatio(provider: string, backend: string): string {
  const at = inForce(selector(CALIBRATION_METRIC.calibratedAt.name, backendMatchers(provider, backend)));
  const expected = inForce(selector(CALIBRATION_METRIC.expectedInterval.name, backendMatchers(provider, backend)));
  return `(time() - ${at}) / ${expected}`;
}

/** The calibration version label the backend served (`hybrid_calibration_info`). */
export function calibrationInfo(provider: string, backend: string): string {
  return inForce(selector(CALIBRATION_METRIC.info.name, backendMatchers(provider, backend)));
}
