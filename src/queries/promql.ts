import { JOB_OUTCOME, LABEL, METRIC, PROMETHEUS_ALERTS, ALERT_STATE, REQUEST_OUTCOME } from '@hybridlens/conventions';
import { PROVIDER_FILTER, REQUEST_FILTERS, eq, selector } from './selectors';

/**
 * Every PromQL expression the app runs on service metrics is built here, from the contract's names.
 * `$__range` queries summarise the whole picked time range (stat tiles); `$__rate_interval` ones draw trends.
 */

const requests = (extra: readonly string[] = []) => selector(METRIC.requests.name, [...REQUEST_FILTERS, ...extra]);
const buckets = () => selector(`${METRIC.requestDuration.name}_bucket`, REQUEST_FILTERS);

/** Requests per second by outcome. */
export function requestRateByOutcome(): string {
  return `sum by (${LABEL.outcome}) (rate(${requests()}[$__rate_interval]))`;
}

/** Average requests per second over the picked range. */
export function requestRateOverRange(): string {
  return `sum(rate(${requests()}[$__range]))`;
}

/** Fraction of requests that ended in error, over the picked range. */
export function errorRatioOverRange(): string {
  return `sum(rate(${requests([eq(LABEL.outcome, REQUEST_OUTCOME.error)])}[$__range])) / sum(rate(${requests()}[$__range]))`;
}

/** Error ratio over time. */
export function errorRatio(): string {
  return `sum(rate(${requests([eq(LABEL.outcome, REQUEST_OUTCOME.error)])}[$__rate_interval])) / sum(rate(${requests()}[$__rate_interval]))`;
}

/** End-to-end P95 latency over the picked range. */
export function p95LatencyOverRange(): string {
  return `histogram_quantile(0.95, sum by (le) (rate(${buckets()}[$__range])))`;
}

/** End-to-end P95 latency over time. */
export function p95Latency(): string {
  return `histogram_quantile(0.95, sum by (le) (rate(${buckets()}[$__rate_interval])))`;
}

const jobs = (extra: readonly string[] = []) => selector(METRIC.quantumJobs.name, [...PROVIDER_FILTER, ...extra]);

/**
 * QPU jobs are few (a handful per provider per hour): over `$__rate_interval` most windows hold no job,
 * the ratio is 0/0 and the chart is empty. A 30-minute moving window always holds some.
 */
export const SPARSE_JOB_WINDOW = '30m';

/** Share of quantum jobs that succeeded, per provider, over a moving 30-minute window. */
export function quantumSuccessByProvider(): string {
  const by = `sum by (${LABEL.provider})`;
  return `${by} (increase(${jobs([eq(LABEL.outcome, JOB_OUTCOME.success)])}[${SPARSE_JOB_WINDOW}])) / ${by} (increase(${jobs()}[${SPARSE_JOB_WINDOW}]))`;
}

/** Fallback uses per second, by the path that took over and whether it served the request. */
export function fallbackRate(): string {
  return `sum by (${LABEL.toPath}, ${LABEL.outcome}) (rate(${METRIC.fallbacks.name}[$__rate_interval]))`;
}

/** Fallback uses over the picked range. */
export function fallbacksOverRange(): string {
  return `sum(increase(${METRIC.fallbacks.name}[$__range]))`;
}

/** Estimated quantum spend (USD) over the picked range, per provider. */
export function quantumSpendOverRange(): string {
  return `sum by (${LABEL.provider}) (increase(${selector(METRIC.quantumSpend.name, PROVIDER_FILTER)}[$__range]))`;
}

/** Alerts firing now, one series per alert instance (labels carry alertname, slo, provider, ...). */
export function firingAlerts(): string {
  return selector(PROMETHEUS_ALERTS.series, [eq(PROMETHEUS_ALERTS.alertState, ALERT_STATE.firing)]);
}
