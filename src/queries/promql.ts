import {
  ALERT_STATE,
  JOB_OUTCOME,
  LABEL,
  METRIC,
  PROMETHEUS_ALERTS,
  REQUEST_OUTCOME,
  eq,
  range,
  selector,
} from '@hybridlens/conventions';
import { QUANTUM_FILTERS, REQUEST_FILTERS, filterMatchers } from './filters';

/**
 * Every PromQL expression the app runs on service metrics is built here, from the contract's names and its
 * PromQL builder. `$__range` queries summarise the whole picked time range (stat tiles); `$__rate_interval`
 * ones draw trends.
 */

const RANGE = '$__range';
const RATE_INTERVAL = '$__rate_interval';

const requests = (extra: readonly string[] = []) =>
  selector(METRIC.requests.name, [...filterMatchers(REQUEST_FILTERS), ...extra]);
const buckets = () => selector(`${METRIC.requestDuration.name}_bucket`, filterMatchers(REQUEST_FILTERS));
const errors = () => requests([eq(LABEL.outcome, REQUEST_OUTCOME.error)]);

/** Requests per second by outcome. */
export function requestRateByOutcome(): string {
  return `sum by (${LABEL.outcome}) (rate(${range(requests(), RATE_INTERVAL)}))`;
}

/** Average requests per second over the picked range. */
export function requestRateOverRange(): string {
  return `sum(rate(${range(requests(), RANGE)}))`;
}

/** Fraction of requests that ended in error, over the picked range. */
export function errorRatioOverRange(): string {
  return `sum(rate(${range(errors(), RANGE)})) / sum(rate(${range(requests(), RANGE)}))`;
}

/** Error ratio over time. */
export function errorRatio(): string {
  return `sum(rate(${range(errors(), RATE_INTERVAL)})) / sum(rate(${range(requests(), RATE_INTERVAL)}))`;
}

/** End-to-end P95 latency over the picked range. */
export function p95LatencyOverRange(): string {
  return `histogram_quantile(0.95, sum by (le) (rate(${range(buckets(), RANGE)})))`;
}

/** End-to-end P95 latency over time. */
export function p95Latency(): string {
  return `histogram_quantile(0.95, sum by (le) (rate(${range(buckets(), RATE_INTERVAL)})))`;
}

const jobs = (extra: readonly string[] = []) =>
  selector(METRIC.quantumJobs.name, [...filterMatchers(QUANTUM_FILTERS), ...extra]);

/**
 * QPU jobs are few (a handful per provider per hour): over `$__rate_interval` most windows hold no job and
 * the ratio is 0/0. A 30-minute moving window holds some.
 */
export const SPARSE_JOB_WINDOW = '30m';

/** Fewer jobs than this in a window and its success share says nothing (one failure would be 25 %). */
export const MIN_JOBS_TO_JUDGE = 5;

/**
 * Share of quantum jobs that succeeded, per provider, over a moving 30-minute window; only where the window
 * held at least {@link MIN_JOBS_TO_JUDGE} jobs (0/0 would give NaN, which draws nothing and breaks the axis).
 */
export function quantumSuccessByProvider(): string {
  const by = `sum by (${LABEL.provider})`;
  const all = `${by} (increase(${range(jobs(), SPARSE_JOB_WINDOW)}))`;
  const ok = `${by} (increase(${range(jobs([eq(LABEL.outcome, JOB_OUTCOME.success)]), SPARSE_JOB_WINDOW)}))`;
  return `(${ok} / ${all}) and on (${LABEL.provider}) (${all} >= ${MIN_JOBS_TO_JUDGE})`;
}

/** Fallback uses per second, by the path that took over and whether it served the request. */
export function fallbackRate(): string {
  return `sum by (${LABEL.toPath}, ${LABEL.outcome}) (rate(${range(METRIC.fallbacks.name, RATE_INTERVAL)}))`;
}

/** Fallback uses over the picked range. */
export function fallbacksOverRange(): string {
  return `sum(increase(${range(METRIC.fallbacks.name, RANGE)}))`;
}

/** Estimated quantum spend (USD) over the picked range, per provider. */
export function quantumSpendOverRange(): string {
  const spend = selector(METRIC.quantumSpend.name, filterMatchers(QUANTUM_FILTERS));
  return `sum by (${LABEL.provider}) (increase(${range(spend, RANGE)}))`;
}

/** Alerts firing now, one series per alert instance (labels carry alertname, slo, provider, ...). */
export function firingAlerts(): string {
  return selector(PROMETHEUS_ALERTS.series, [eq(PROMETHEUS_ALERTS.alertState, ALERT_STATE.firing)]);
}
