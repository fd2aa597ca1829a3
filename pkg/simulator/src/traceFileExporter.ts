import { createWriteStream, type WriteStream } from 'node:fs';
import type { ReadableSpan, SpanExporter } from '@hybridlens/instrument';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';

const EXPORT_SUCCESS = 0; // ExportResultCode.SUCCESS of @opentelemetry/core

/**
 * Writes spans as OTLP JSON, one ExportTraceServiceRequest per line (the OpenTelemetry Collector's
 * file format), keeping at most `tracesPerHour` whole traces per hour of (virtual) time so long
 * backfills stay small. Remembers which traces it kept so the matching log lines can be kept too.
 */
export class TraceFileExporter implements SpanExporter {
  private readonly out: WriteStream;
  private readonly kept = new Set<string>();
  private readonly rejected = new Set<string>();
  private hour = -1;
  private keptThisHour = 0;
  private readonly decoder = new TextDecoder();
  spansWritten = 0;
  tracesWritten = 0;

  constructor(
    file: string,
    private readonly tracesPerHour: number
  ) {
    this.out = createWriteStream(file);
  }

  export(spans: ReadableSpan[], resultCallback: (result: { code: number }) => void): void {
    const accepted = spans.filter((span) => this.accept(span));
    if (accepted.length > 0) {
      this.out.write(this.decoder.decode(JsonTraceSerializer.serializeRequest(accepted)) + '\n');
      this.spansWritten += accepted.length;
    }
    resultCallback({ code: EXPORT_SUCCESS });
  }

  /** Whether the trace was written (log lines of other traces are dropped with it). */
  isKept(traceId: string): boolean {
    return this.kept.has(traceId);
  }

  /** Forget old decisions: called once per written log batch, so memory stays flat. */
  forgetDecisions(): void {
    this.kept.clear();
    this.rejected.clear();
  }

  private closed: Promise<void> | undefined;

  /** Idempotent: the SDK shuts its exporter down, and the backfill closes the file after it. */
  shutdown(): Promise<void> {
    this.closed ??= new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve()))
    );
    return this.closed;
  }

  async forceFlush(): Promise<void> {}

  private accept(span: ReadableSpan): boolean {
    const traceId = span.spanContext().traceId;
    if (this.kept.has(traceId)) {
      return true;
    }
    if (this.rejected.has(traceId)) {
      return false;
    }
    const hour = Math.floor((span.startTime[0] * 1000 + span.startTime[1] / 1e6) / 3_600_000);
    if (hour !== this.hour) {
      this.hour = hour;
      this.keptThisHour = 0;
    }
    if (this.keptThisHour >= this.tracesPerHour) {
      this.rejected.add(traceId);
      return false;
    }
    this.keptThisHour++;
    this.tracesWritten++;
    this.kept.add(traceId);
    return true;
  }
}
