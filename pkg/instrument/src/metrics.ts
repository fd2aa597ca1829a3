import * as conventions from '@hybridlens/conventions';
import type { MetricDef, MetricKey } from '@hybridlens/conventions';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { InstrumentInputError } from './errors';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { METRIC, TELEMETRY_SIGNAL } = conventions;

type AnyMetric = Counter<string> | Gauge<string> | Histogram<string>;
export type Labels = Record<string, string>;

function create(def: MetricDef, registry: Registry): AnyMetric {
  // A registry shared by two telemetry instances gets the metric once.
  const existing = registry.getSingleMetric(def.name);
  if (existing) {
    return existing as AnyMetric;
  }
  const base = { name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] };
  switch (def.type) {
    case 'counter':
      return new Counter(base);
    case 'gauge':
      return new Gauge(base);
    case 'histogram':
      return new Histogram({ ...base, buckets: [...(def.buckets ?? [])] });
  }
}

/** The contract's service metrics in one prom-client registry, with exactly the contract's label sets. */
export class ContractMetrics {
  private readonly metrics = new Map<MetricKey, AnyMetric>();

  constructor(readonly registry: Registry) {
    for (const key of Object.keys(METRIC) as MetricKey[]) {
      this.metrics.set(key, create(METRIC[key], registry));
    }
    const dropped = this.get('telemetryDropped') as Counter<string>;
    for (const signal of Object.values(TELEMETRY_SIGNAL)) {
      dropped.inc({ signal }, 0);
    }
  }

  inc(key: MetricKey, labels: Labels, value = 1): void {
    (this.checked(key, labels, 'counter') as Counter<string>).inc(labels, value);
  }

  observe(key: MetricKey, labels: Labels, value: number): void {
    (this.checked(key, labels, 'histogram') as Histogram<string>).observe(labels, value);
  }

  set(key: MetricKey, labels: Labels, value: number): void {
    (this.checked(key, labels, 'gauge') as Gauge<string>).set(labels, value);
  }

  private get(key: MetricKey): AnyMetric {
    return this.metrics.get(key)!;
  }

  /** Exactly the contract's label names, each a non-empty string: anything else is a bug in the SDK. */
  private checked(key: MetricKey, labels: Labels, type: MetricDef['type']): AnyMetric {
    const def = METRIC[key];
    if (def.type !== type) {
      throw new InstrumentInputError('metrics', def.name, `is a ${def.type}, not a ${type}`);
    }
    const names = Object.keys(labels);
    if (
      names.length !== def.labels.length ||
      def.labels.some((label) => typeof labels[label] !== 'string' || labels[label] === '')
    ) {
      throw new InstrumentInputError(
        'metrics',
        def.name,
        `needs labels {${def.labels.join(', ')}} with non-empty values (got {${names.join(', ')}})`
      );
    }
    return this.get(key);
  }
}
