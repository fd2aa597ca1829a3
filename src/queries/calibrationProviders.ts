import {
  CALIBRATION_METRIC as M,
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
  JOB_OUTCOME,
  LABEL,
  METRIC,
  QUANTUM_PHASE,
  VARIABLE,
  eq,
  range,
  selector,
} from '@hybridlens/conventions';
import { fromVariable } from './filters';
import { type BackendRef, MEDIAN_SERIES, asQuantity, backendMatchers, lastValue } from './calibration';
import { MIN_JOBS_TO_JUDGE, SPARSE_JOB_WINDOW } from './promql';

/**
 * PromQL of the Providers page and the jobs row of the backend page: job metrics of the services joined with the
 * calibration exporter's series on provider + backend (canonical ids, case kept). `scope` is either the page's
 * provider/backend filters or one backend.
 */

const RANGE = '$__range';
const BY_BACKEND = `${LABEL.provider}, ${LABEL.backend}`;

export type Scope = { kind: 'filters' } | { kind: 'backend'; backend: BackendRef };

export const FILTERS: Scope = { kind: 'filters' };

export function backendScope(backend: BackendRef): Scope {
  return { kind: 'backend', backend };
}

/** Matchers of a scope: the provider and backend pickers, or one backend exactly. */
export function scopeMatchers(scope: Scope): string[] {
  return scope.kind === 'filters'
    ? [fromVariable(LABEL.provider, VARIABLE.provider), fromVariable(LABEL.backend, VARIABLE.backend)]
    : backendMatchers(scope.backend);
}

/** Provider-level series (rate limits) know no backend: only the provider matcher applies. */
function providerMatchers(scope: Scope): string[] {
  return scope.kind === 'filters'
    ? [fromVariable(LABEL.provider, VARIABLE.provider)]
    : [eq(LABEL.provider, scope.backend.provider)];
}

const sel = (metric: string, scope: Scope, extra: readonly string[] = []) =>
  selector(metric, [...scopeMatchers(scope), ...extra]);

/** Jobs finished over the time range, by backend and outcome. */
export function jobsByOutcome(scope: Scope): string {
  return `sum by (${BY_BACKEND}, ${LABEL.outcome}) (increase(${range(sel(METRIC.quantumJobs.name, scope), RANGE)}))`;
}

/** Job errors over the time range, by backend and error type. */
export function errorsByType(scope: Scope): string {
  return `sum by (${BY_BACKEND}, ${LABEL.errorType}) (increase(${range(sel(METRIC.quantumJobErrors.name, scope), RANGE)}))`;
}

/** Share of the time range the provider's status API reported the backend online. */
export function availability(scope: Scope): string {
  return `avg by (${BY_BACKEND}) (avg_over_time(${range(sel(METRIC.providerAvailable.name, scope), RANGE)}))`;
}

/** Target availability from the provider's own status (Azure Quantum), as the calibration exporter serves it. */
export function targetAvailable(scope: Scope): string {
  return lastValue(M.targetAvailable.name, scopeMatchers(scope));
}

/** Average queue time the provider reports for a target (Azure Quantum). */
export function targetQueueSeconds(scope: Scope): string {
  return lastValue(M.targetQueueTime.name, scopeMatchers(scope));
}

/** Jobs waiting in the provider queue at the end of the range. */
export function queueLength(scope: Scope): string {
  return `max by (${BY_BACKEND}) (${sel(METRIC.quantumQueueLength.name, scope)})`;
}

/** Estimated time to drain the queue at the end of the range. */
export function queueBacklog(scope: Scope): string {
  return `max by (${BY_BACKEND}) (${sel(METRIC.quantumQueueBacklog.name, scope)})`;
}

const enqueueBuckets = (scope: Scope) =>
  sel(`${METRIC.quantumJobDuration.name}_bucket`, scope, [eq(LABEL.phase, QUANTUM_PHASE.enqueue)]);

/** P95 time to enqueue a job, over the time range. */
export function enqueueP95(scope: Scope): string {
  return `histogram_quantile(0.95, sum by (${BY_BACKEND}, le) (rate(${range(enqueueBuckets(scope), RANGE)})))`;
}

/** Fewest requests left in the provider's rate-limit window over the range (the headroom at its tightest). */
export function rateLimitHeadroom(scope: Scope): string {
  return `min by (${LABEL.provider}) (min_over_time(${range(selector(METRIC.providerRateLimitRemaining.name, providerMatchers(scope)), RANGE)}))`;
}

/** Provider API calls answered 429 over the range. */
export function rateLimited(scope: Scope): string {
  return `sum by (${LABEL.provider}) (increase(${range(selector(METRIC.providerRateLimited.name, providerMatchers(scope)), RANGE)}))`;
}

/** Shots run over the range. */
export function shots(scope: Scope): string {
  return `sum by (${BY_BACKEND}) (increase(${range(sel(`${METRIC.quantumJobShots.name}_sum`, scope), RANGE)}))`;
}

/** Estimated spend (USD) over the range. */
export function spend(scope: Scope): string {
  return `sum by (${BY_BACKEND}) (increase(${range(sel(METRIC.quantumSpend.name, scope), RANGE)}))`;
}

/** The five calibration medians of every backend in scope, told apart by `quantity`. */
export function calibrationMedians(scope: Scope): string {
  return (Object.entries(MEDIAN_SERIES) as Array<[CalibrationQuantity, string]>)
    .map(([q, metric]) => asQuantity(lastValue(metric, scopeMatchers(scope)), q))
    .join(' or ');
}

/**
 * Median standard error of each quantity per backend, where the provider publishes uncertainties (Braket, IQM):
 * the uncertainty that goes with the median beside it.
 */
export function calibrationUncertainty(scope: Scope): string {
  const qubits = `${lastValue(M.qubitTimeStderr.name, scopeMatchers(scope))} or ${lastValue(M.qubitErrorStderr.name, scopeMatchers(scope))}`;
  const couplers = asQuantity(
    lastValue(M.couplerErrorStderr.name, scopeMatchers(scope)),
    CALIBRATION_QUANTITY.twoQubitError
  );
  return `quantile by (${BY_BACKEND}, ${LABEL.quantity}) (0.5, ${qubits} or ${couplers})`;
}

/** Unix time of each backend's calibration. */
export function calibrationTimes(scope: Scope): string {
  return lastValue(M.calibratedAt.name, scopeMatchers(scope));
}

/** Each backend's usual calibration cadence. */
export function calibrationCadence(scope: Scope): string {
  return lastValue(M.expectedInterval.name, scopeMatchers(scope));
}

/** How long the exporter has been failing to read each backend's source. */
export function calibrationLastGoodAge(scope: Scope): string {
  return lastValue(M.lastGoodAge.name, scopeMatchers(scope));
}

/** Device facts (vendor, layout, native gates, QPU version). */
export function calibrationDevices(scope: Scope): string {
  return lastValue(M.deviceInfo.name, scopeMatchers(scope));
}

/** Qubits in each backend's calibration. */
export function calibrationQubitCount(scope: Scope): string {
  return lastValue(M.qubitCount.name, scopeMatchers(scope));
}

/** Values measured per method (RB, interleaved RB, XEB, ...) per quantity, where the provider says. */
export function calibrationMethods(scope: Scope): string {
  return lastValue(M.methodValues.name, scopeMatchers(scope));
}

// Correlation over time (range queries).

const sparseJobs = (scope: Scope, extra: readonly string[] = []) =>
  `sum by (${BY_BACKEND}) (increase(${range(sel(METRIC.quantumJobs.name, scope, extra), SPARSE_JOB_WINDOW)}))`;

/**
 * Share of jobs that failed per backend over a moving 30-minute window, where the window held enough jobs to judge
 * (as the Overview's success chart).
 */
export function jobFailureRatio(scope: Scope): string {
  const failed = sparseJobs(scope, [eq(LABEL.outcome, JOB_OUTCOME.error)]);
  const all = sparseJobs(scope);
  return `(${failed} / ${all}) and on (${BY_BACKEND}) (${all} >= ${MIN_JOBS_TO_JUDGE})`;
}

/** Median 2q error per backend over time. */
export function median2qErrorTrend(scope: Scope): string {
  return lastValue(M.median2qError.name, scopeMatchers(scope));
}

/**
 * P95 enqueue time per backend over a moving 30-minute window (jobs are few), only where the window enqueued
 * something: a window without jobs gives NaN (0/0 in every bucket), which in the harness's graph broke the y axis
 * of the whole chart so that no backend's line was drawn. Without a sample the point is a gap, as it should be.
 */
export function enqueueP95Trend(scope: Scope): string {
  const quantile = `histogram_quantile(0.95, sum by (${BY_BACKEND}, le) (rate(${range(enqueueBuckets(scope), SPARSE_JOB_WINDOW)})))`;
  const enqueued = `sum by (${BY_BACKEND}) (increase(${range(sel(`${METRIC.quantumJobDuration.name}_count`, scope, [eq(LABEL.phase, QUANTUM_PHASE.enqueue)]), SPARSE_JOB_WINDOW)})) > 0`;
  return `${quantile} and on (${BY_BACKEND}) (${enqueued})`;
}

/** Jobs pending in each backend's queue over time. */
export function queueLengthTrend(scope: Scope): string {
  return queueLength(scope);
}
