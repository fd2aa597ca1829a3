import type { Tracer } from '@opentelemetry/api';
import { AlwaysOnSampler, BasicTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { BoundedExportQueue } from './exportQueue';
import { SeededIdGenerator } from './ids';
import { otlpTraceExporter } from './lazyExporters';
import { contractResource, type ServiceIdentity } from './resource';
import { TailSamplingProcessor } from './tailSampler';

export interface TracingOptions extends ServiceIdentity {
  exporter?: SpanExporter;
  otlpTracesUrl?: string;
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
  exportTimeoutMillis: number;
  random?: () => number;
  onDropped: (count: number) => void;
}

export interface Tracing {
  tracer: Tracer;
  /** Undefined when no exporter is configured: spans then only give ids to log lines. */
  sampler?: TailSamplingProcessor;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACER_NAME = '@hybridlens/instrument';

export function createTracing(options: TracingOptions): Tracing {
  const exporter =
    options.exporter ??
    (options.otlpTracesUrl
      ? otlpTraceExporter({ url: options.otlpTracesUrl, timeoutMillis: options.exportTimeoutMillis })
      : undefined);
  const sampler = exporter
    ? new TailSamplingProcessor(
        new BoundedExportQueue(exporter, {
          maxQueueSize: options.maxQueueSize,
          maxExportBatchSize: options.maxExportBatchSize,
          scheduledDelayMillis: options.scheduledDelayMillis,
          exportTimeoutMillis: options.exportTimeoutMillis,
          onDropped: options.onDropped,
        }),
        // A request rarely has more than a dozen spans; the bounds only matter for requests never ended.
        { maxPendingTraces: Math.max(64, options.maxQueueSize), maxSpansPerTrace: 256, onDropped: options.onDropped }
      )
    : undefined;
  const provider = new BasicTracerProvider({
    resource: contractResource(options),
    // Every span is recorded; what is kept is decided at request end by the tail sampler.
    sampler: new AlwaysOnSampler(),
    ...(options.random ? { idGenerator: new SeededIdGenerator(options.random) } : {}),
    spanProcessors: sampler ? [sampler] : [],
  });
  const tracer = provider.getTracer(TRACER_NAME);
  return {
    tracer,
    ...(sampler ? { sampler } : {}),
    async flush() {
      try {
        await provider.forceFlush();
      } catch {
        // flush never throws into the host
      }
    },
    async shutdown() {
      try {
        await provider.shutdown();
      } catch {
        // shutdown never throws into the host
      }
    },
  };
}
