export type * from './api';
export { createTelemetry } from './createTelemetry';
export { InstrumentInputError } from './errors';
export { hashPrefix } from './hash';
export { stdoutSink } from './logger';
// Re-exported so that users get the SDK 2.x types and in-memory exporter this package is built on.
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
export { InMemoryLogRecordExporter, type LogRecordExporter, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
