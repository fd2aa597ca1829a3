import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BoundedExportQueue } from './exportQueue';

export interface TailSamplerOptions {
  /** Requests whose spans are buffered at once; the oldest is given up (counted) beyond it. */
  maxPendingTraces: number;
  maxSpansPerTrace: number;
  onDropped: (count: number) => void;
}

/** How many recent decisions are remembered for spans that end after their request. */
const DECISION_MEMORY = 1024;

/**
 * Tail sampling in-process: every span of a request waits here until the request ends, then the
 * whole trace is exported or dropped together (decide()). A sampled-out trace is a choice, not a
 * loss, so it is not counted as dropped.
 */
export class TailSamplingProcessor implements SpanProcessor {
  private readonly pending = new Map<string, ReadableSpan[]>();
  private readonly decided = new Map<string, boolean>();

  constructor(
    private readonly queue: BoundedExportQueue<ReadableSpan>,
    private readonly options: TailSamplerOptions
  ) {}

  get pendingTraces(): number {
    return this.pending.size;
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    const decision = this.decided.get(traceId);
    if (decision !== undefined) {
      if (decision) {
        this.queue.enqueue([span]);
      }
      return;
    }
    let buffer = this.pending.get(traceId);
    if (!buffer) {
      if (this.pending.size >= this.options.maxPendingTraces) {
        this.evictOldest();
      }
      buffer = [];
      this.pending.set(traceId, buffer);
    }
    if (buffer.length >= this.options.maxSpansPerTrace) {
      this.options.onDropped(1);
      return;
    }
    buffer.push(span);
  }

  /** The request ended: export (keep) or forget its spans. */
  decide(traceId: string, keep: boolean): void {
    const buffer = this.pending.get(traceId);
    this.pending.delete(traceId);
    this.decided.set(traceId, keep);
    if (this.decided.size > DECISION_MEMORY) {
      this.decided.delete(this.decided.keys().next().value!);
    }
    if (keep && buffer) {
      this.queue.enqueue(buffer);
    }
  }

  async forceFlush(): Promise<void> {
    await this.queue.flush();
  }

  async shutdown(): Promise<void> {
    const abandoned = [...this.pending.values()].reduce((sum, spans) => sum + spans.length, 0);
    if (abandoned > 0) {
      this.options.onDropped(abandoned);
    }
    this.pending.clear();
    await this.queue.shutdown();
  }

  private evictOldest(): void {
    const oldest = this.pending.keys().next();
    if (!oldest.done) {
      this.options.onDropped(this.pending.get(oldest.value)!.length);
      this.pending.delete(oldest.value);
    }
  }
}
