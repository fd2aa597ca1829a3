import { CALIBRATION_METRIC } from './calibrationMetrics';
import { METRIC } from './metrics';
import type { MetricDef } from './metricTypes';
import { ALL_ATTRIBUTE_GROUPS, GEN_AI_EVALUATION_EVENT, type AttributeDef, SPAN } from './spans';

/** Every metric of the contract, whoever emits it. */
export const ALL_METRICS: readonly MetricDef[] = [...Object.values(METRIC), ...Object.values(CALIBRATION_METRIC)];

/** Every span attribute key of the contract. */
export const ALL_ATTRIBUTES: readonly AttributeDef[] = Object.values(ALL_ATTRIBUTE_GROUPS).flatMap((group) =>
  Object.values(group)
);

/**
 * The series names Prometheus stores for a metric: a histogram becomes `_bucket`, `_sum` and
 * `_count`; other types keep their name.
 */
export function exposedSeriesNames(metric: MetricDef): string[] {
  return metric.type === 'histogram'
    ? [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`]
    : [metric.name];
}

const SERIES_TO_METRIC = new Map<string, MetricDef>(
  ALL_METRICS.flatMap((metric) => exposedSeriesNames(metric).map((series) => [series, metric] as const))
);

/** The contract metric a stored series name belongs to, or undefined when it is not in the contract. */
export function metricForSeries(seriesName: string): MetricDef | undefined {
  return SERIES_TO_METRIC.get(seriesName);
}

const SPAN_NAMES = new Set<string>(Object.values(SPAN));
const ATTRIBUTE_KEYS = new Set<string>(ALL_ATTRIBUTES.map((attribute) => attribute.key));

export function isContractSpanName(name: string): boolean {
  return SPAN_NAMES.has(name);
}

export function isContractAttribute(key: string): boolean {
  return ATTRIBUTE_KEYS.has(key);
}

export function isContractEventName(name: string): boolean {
  return name === GEN_AI_EVALUATION_EVENT;
}
