import * as conventions from '@hybridlens/conventions';
import type { MetricDef, MetricKey } from '@hybridlens/conventions';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ExemplarSample } from './api';
import { InstrumentInputError } from './errors';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { METRIC, TELEMETRY_SIGNAL } = conventions;

type AnyMetric = Counter<string> | Gauge<string> | Histogram<string>;
export type Labels = Record<string, string>;

/**
 * Histograms that carry trace-id exemplars (in an OpenMetrics registry): the ones a trace explains
 * (a slow request, a slow stage, a slow quantum phase). Only requests whose trace the tail sampler
 * keeps get one.
 */
export const EXEMPLAR_METRICS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'requestDuration',
  'requestSpanStartOffset',
  'requestSpanDuration',
  'quantumJobDuration',
]);

/** The exemplar label holding the trace id (the contract's EXEMPLAR_LABEL). */
export const EXEMPLAR_TRACE_ID = conventions.EXEMPLAR_LABEL.traceId;

/** The registry's declared type says Prometheus text; at run time it may be OpenMetrics (createTelemetry's openMetrics). */
export function isOpenMetrics(registry: Registry): boolean {
  return (registry.contentType as string) === Registry.OPENMETRICS_CONTENT_TYPE;
}

function create(key: MetricKey, def: MetricDef, registry: Registry): AnyMetric {
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
      return new Histogram({
        ...base,
        buckets: [...(def.buckets ?? [])],
        // prom-client refuses exemplars on a registry whose exposition format cannot carry them.
        enableExemplars: EXEMPLAR_METRICS.has(key) && isOpenMetrics(registry),
      });
  }
}

/** prom-client swaps a histogram's observe() for an object-taking one when exemplars are enabled. */
function takesExemplars(metric: AnyMetric): boolean {
  return (metric as { enableExemplars?: boolean }).enableExemplars === true;
}

/** The runtime shape of prom-client's histogram values (its typings leave out the exemplar). */
interface HistogramValue {
  labels: Record<string, string | number>;
  metricName?: string;
  exemplar?: { labelSet: Record<string, string>; value: number; timestamp?: number } | null;
}

/** Exemplar labels of one kept request: one object shared by all its observations (prom-client only reads it). */
export type ExemplarLabels = Readonly<Record<string, string>>;

export function exemplarLabels(traceId: string): ExemplarLabels {
  return { [EXEMPLAR_TRACE_ID]: traceId };
}

/** One contract metric with what each update needs, looked up once. */
interface Instrument {
  readonly def: MetricDef;
  readonly labelNames: readonly string[];
  readonly metric: AnyMetric;
  readonly exemplars: boolean;
}

/** The contract's service metrics in one prom-client registry, with exactly the contract's label sets. */
export class ContractMetrics {
  /** A plain object, not a Map: call sites pass constant keys, which property lookups cache. */
  private readonly instruments = {} as Record<MetricKey, Instrument>;

  constructor(readonly registry: Registry) {
    for (const key of Object.keys(METRIC) as MetricKey[]) {
      const def = METRIC[key];
      const metric = create(key, def, registry);
      this.instruments[key] = { def, labelNames: def.labels, metric, exemplars: takesExemplars(metric) };
    }
    const dropped = this.get('telemetryDropped') as Counter<string>;
    for (const signal of Object.values(TELEMETRY_SIGNAL)) {
      dropped.inc({ signal }, 0);
    }
  }

  inc(key: MetricKey, labels: Labels, value = 1): void {
    (this.checked(key, labels, 'counter') as Counter<string>).inc(labels, value);
  }

  /** `exemplar`: labels of a request whose trace is kept (ignored on histograms without exemplars). */
  observe(key: MetricKey, labels: Labels, value: number, exemplar?: ExemplarLabels): void {
    const instrument = this.instrument(key, labels, 'histogram');
    const histogram = instrument.metric as Histogram<string>;
    if (!instrument.exemplars) {
      histogram.observe(labels, value);
    } else if (exemplar) {
      histogram.observe({ labels, value, exemplarLabels: exemplar });
    } else {
      histogram.observe({ labels, value });
    }
  }

  set(key: MetricKey, labels: Labels, value: number): void {
    (this.checked(key, labels, 'gauge') as Gauge<string>).set(labels, value);
  }

  /** Removes a gauge's series (a state that no longer holds is absent, not zero). */
  unset(key: MetricKey, labels: Labels): void {
    (this.checked(key, labels, 'gauge') as Gauge<string>).remove(labels);
  }

  /** The latest exemplar of every bucket that has one (prom-client keeps one per bucket and series). */
  async exemplars(): Promise<ExemplarSample[]> {
    const out: ExemplarSample[] = [];
    for (const [key, instrument] of Object.entries(this.instruments) as Array<[MetricKey, Instrument]>) {
      if (!instrument.exemplars) {
        continue;
      }
      const data = await instrument.metric.get();
      for (const value of data.values as unknown as HistogramValue[]) {
        const exemplar = value.exemplar;
        const traceId = exemplar?.labelSet[EXEMPLAR_TRACE_ID];
        if (!exemplar || traceId === undefined) {
          continue;
        }
        const labels: Record<string, string> = {};
        for (const [name, labelValue] of Object.entries(value.labels)) {
          labels[name] = String(labelValue);
        }
        out.push({
          series: value.metricName ?? `${METRIC[key].name}_bucket`,
          labels,
          traceId,
          value: exemplar.value,
          time: Math.round((exemplar.timestamp ?? 0) * 1000),
        });
      }
    }
    return out;
  }

  private get(key: MetricKey): AnyMetric {
    return this.instruments[key].metric;
  }

  private checked(key: MetricKey, labels: Labels, type: MetricDef['type']): AnyMetric {
    return this.instrument(key, labels, type).metric;
  }

  /**
   * Exactly the contract's label names, each a non-empty string: anything else is a bug in the SDK.
   * Checked on every update without allocating (it runs about thirty times per request).
   */
  private instrument(key: MetricKey, labels: Labels, type: MetricDef['type']): Instrument {
    const instrument = this.instruments[key];
    const { def, labelNames } = instrument;
    let ok = def.type === type;
    for (let i = 0; ok && i < labelNames.length; i++) {
      const value = labels[labelNames[i]!];
      ok = typeof value === 'string' && value !== '';
    }
    if (ok) {
      let count = 0;
      for (const _name in labels) {
        count++;
      }
      ok = count === labelNames.length;
    }
    if (!ok) {
      throw def.type === type
        ? new InstrumentInputError(
            'metrics',
            def.name,
            `needs labels {${def.labels.join(', ')}} with non-empty values (got {${Object.keys(labels).join(', ')}})`
          )
        : new InstrumentInputError('metrics', def.name, `is a ${def.type}, not a ${type}`);
    }
    return instrument;
  }
}
