import { createWriteStream, type WriteStream } from 'node:fs';
import type { ReadableSpan, SpanExporter } from '@hybridlens/instrument';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';

const EXPORT_SUCCESS = 0; // ExportResultCode.SUCCESS of @opentelemetry/core

/**
 * Writes spans as OTLP JSON, one ExportTraceServiceRequest per line (the OpenTelemetry Collector's
 * file format). Which traces reach it is decided upstream (TraceBudget).
 */
export class TraceFileExporter implements SpanExporter {
  private readonly out: WriteStream;
  private readonly decoder = new TextDecoder();
  private readonly traces = new Set<string>();
  private closed: Promise<void> | undefined;
  spansWritten = 0;

  constructor(file: string) {
    this.out = createWriteStream(file);
  }

  get tracesWritten(): number {
    return this.traces.size;
  }

  export(spans: ReadableSpan[], resultCallback: (result: { code: number }) => void): void {
    if (spans.length > 0) {
      this.out.write(this.decoder.decode(JsonTraceSerializer.serializeRequest(spans)) + '\n');
      this.spansWritten += spans.length;
      for (const span of spans) {
        this.traces.add(span.spanContext().traceId);
      }
    }
    resultCallback({ code: EXPORT_SUCCESS });
  }

  /** Idempotent: the SDK shuts its exporter down, and the backfill closes the file after it. */
  shutdown(): Promise<void> {
    this.closed ??= new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve()))
    );
    return this.closed;
  }

  async forceFlush(): Promise<void> {}
}
