/** The normalized span every reader produces, whatever the backend's format. Times are epoch milliseconds. */

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** Plain objects (fast in V8); a key `__proto__` is never stored, so no input can reach a prototype. */
export type Attributes = Record<string, AttributeValue>;

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type SpanStatusCode = 'unset' | 'ok' | 'error';

export interface SpanEvent {
  name: string;
  timeMs: number;
  attributes: Attributes;
}

export interface TraceSpan {
  /** 32 lower-case hex characters when the input id was valid hex or base64. */
  traceId: string;
  /** 16 lower-case hex characters when the input id was valid hex or base64. */
  spanId: string;
  /** Absent for a root span (no parent id, an empty one or all zeros). */
  parentSpanId?: string;
  name: string;
  kind: SpanKind;
  /**
   * Epoch milliseconds. Nanosecond inputs are split into milliseconds and a fraction, never passed through an
   * integer above 2^53; a double keeps about a quarter microsecond at this magnitude.
   */
  startMs: number;
  /** Never before `startMs`: a negative duration is counted as a problem and read as zero. */
  endMs: number;
  status: SpanStatusCode;
  statusMessage?: string;
  /** `service.name` of the resource (Jaeger: the process's serviceName); '' when the input has none. */
  serviceName: string;
  attributes: Attributes;
  /** Shared by the spans of one resource (Jaeger: one process). */
  resource: Attributes;
  /** Instrumentation scope name, when the input has one. */
  scope?: string;
  /** Read-only (spans without events share one frozen empty list). */
  events: readonly SpanEvent[];
  /**
   * Keys of the attributes and names of the events the reader dropped because they carry raw prompts or model
   * output (`RAW_CONTENT_ATTRIBUTES`, `RAW_CONTENT_EVENTS`); absent when nothing was dropped.
   */
  redacted?: readonly string[];
}

export const TRACE_FORMAT = {
  tempoV2: 'tempo-v2',
  tempoV1: 'tempo-v1',
  otlp: 'otlp',
  otlpJsonLines: 'otlp-jsonl',
  jaeger: 'jaeger',
} as const;

export type TraceFormat = (typeof TRACE_FORMAT)[keyof typeof TRACE_FORMAT];

/** Human names of the formats, used in messages. */
export const TRACE_FORMAT_LABEL: Readonly<Record<TraceFormat, string>> = {
  'tempo-v2': 'Tempo v2 (/api/v2/traces/<id>)',
  'tempo-v1': 'Tempo v1 (/api/traces/<id>, "batches")',
  otlp: 'OTLP JSON ("resourceSpans", also Tempo v1)',
  'otlp-jsonl': 'OTLP JSON lines (one ExportTraceServiceRequest per line)',
  jaeger: 'Jaeger JSON ("data[].spans")',
};

/** Whether the backend returned the whole trace (Tempo v2 says PARTIAL when it could not). */
export interface Completeness {
  status: 'complete' | 'partial';
  /** The backend's own explanation, when it gave one. */
  message?: string;
}
