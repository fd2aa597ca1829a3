import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/*
 * The OTLP exporters are loaded on first use. Each brings its own copy of the OTLP protobuf code
 * (npm cannot hoist them next to the Grafana packages' older one), about a second of start-up on a
 * loaded machine that a service exporting elsewhere (in-memory, a file) should not pay.
 */

export interface OtlpHttpOptions {
  url: string;
  timeoutMillis: number;
}

export function otlpTraceExporter(options: OtlpHttpOptions): SpanExporter {
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter({ ...options, concurrencyLimit: 2 });
}

export function otlpLogExporter(options: OtlpHttpOptions): LogRecordExporter {
  const { OTLPLogExporter } =
    require('@opentelemetry/exporter-logs-otlp-proto') as typeof import('@opentelemetry/exporter-logs-otlp-proto');
  return new OTLPLogExporter({ ...options, concurrencyLimit: 2 });
}
