import type { LabelName } from './labels';

export type MetricType = 'counter' | 'gauge' | 'histogram';

/** Base units in the Prometheus sense; `ratio` is a 0..1 fraction, `1` a dimensionless count. */
export type MetricUnit =
  'seconds' | 'ratio' | 'usd' | 'tokens' | 'shots' | 'jobs' | 'requests' | 'gates' | 'qubits' | '1';

export interface MetricDef {
  /** The exposed name. Counters end in `_total`; the name is the one Prometheus stores. */
  readonly name: string;
  readonly type: MetricType;
  readonly unit: MetricUnit;
  readonly help: string;
  readonly labels: readonly LabelName[];
  /** Classic histogram upper bounds (without +Inf). */
  readonly buckets?: readonly number[];
  /** Who emits the series. */
  readonly emitter: 'service' | 'calibration-exporter' | 'sdk' | 'slo-rules';
}

export function defineMetrics<T extends Record<string, MetricDef>>(defs: T): T {
  return Object.freeze(defs);
}
