import * as otel from '@opentelemetry/api';
import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import * as conventions from '@hybridlens/conventions';
import type { Stage } from '@hybridlens/conventions';
import type { JsonLogger, LogRecord } from './logger';
import type { ContractMetrics, Labels } from './metrics';
import type { SpanTimeline } from './spanTimeline';
import type { TailSamplingProcessor } from './tailSampler';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { REQUEST_ATTR } = conventions;
const { SpanKind, trace } = otel;

/** What every scope shares: the instruments, the clock and the sampling policy. */
export interface TelemetryCore {
  readonly serviceName: string;
  readonly metrics: ContractMetrics;
  readonly logger: JsonLogger;
  readonly tracer: Tracer;
  readonly sampler?: TailSamplingProcessor;
  readonly now: () => number;
  readonly random: () => number;
  /** Keep the trace of an ordinary (ok, fast) request on this route? */
  sampleOrdinary(route: string): boolean;
  readonly slowRequestSeconds: number;
}

/** What a request hands the stage scopes it opens. */
export interface RequestParent {
  /** Context holding the ingress span: the parent of every stage span. */
  readonly context: Context;
  /** Where stage spans leave their times for the request's span histograms. */
  readonly timeline: SpanTimeline;
  /**
   * hybrid_quantum_job_duration_seconds for one phase of a job of this request. Held until the
   * request ends, when the tail sampler has decided whether the exemplar's trace is kept.
   */
  jobDuration(labels: Labels, seconds: number): void;
}

export interface SpanHandle {
  span: Span;
  traceId: string;
  spanId: string;
}

const STAGE_KEY = REQUEST_ATTR.stage.key;

/**
 * A child span with explicit start time under `parent`. Attributes are set after the start because
 * the sampler does not look at them: that skips two defensive copies in the SDK's startSpan.
 * Undefined attribute values are ignored by the SDK.
 */
export function startChildSpan(
  core: TelemetryCore,
  parent: Context,
  name: string,
  stage: Stage,
  startTime: number,
  attributes: Attributes,
  kind: otel.SpanKind = SpanKind.INTERNAL,
  more?: Attributes
): SpanHandle {
  const span = core.tracer.startSpan(name, { kind, startTime }, parent);
  span.setAttributes(attributes);
  if (more) {
    span.setAttributes(more);
  }
  span.setAttribute(STAGE_KEY, stage);
  const { traceId, spanId } = span.spanContext();
  return { span, traceId, spanId };
}

export function contextOf(parent: Context, span: Span): Context {
  return trace.setSpan(parent, span);
}

/** Log with the trace ids of the span the line is about. */
export function logFor(core: TelemetryCore, handle: SpanHandle, record: LogRecord): void {
  record.traceId = handle.traceId;
  record.spanId = handle.spanId;
  core.logger.write(record);
}

/** Event attributes without undefined values (events are not sanitized like span attributes). */
export function defined(attributes: Record<string, Attributes[string] | undefined>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

export function seconds(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / 1000;
}

/** Contract `int` attributes must be encoded as OTLP intValue: JS numbers are rounded first. */
export function int(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value);
}
