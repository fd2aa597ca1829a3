import { context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, suppressTracing } from '@opentelemetry/core';

/** What the SDK's span and log record exporters have in common. */
export interface ItemExporter<T> {
  export(items: T[], resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

export interface ExportQueueOptions {
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
  exportTimeoutMillis: number;
  /** Items lost: queue full, export failed or timed out. */
  onDropped: (count: number) => void;
}

/**
 * A bounded batching queue in front of an exporter (spans or log records). Unlike the SDK's batch
 * processors it counts every item it loses, gives up on an export that does not answer in time,
 * and keeps at most one export in flight, so a dead collector costs at most maxQueueSize items of
 * memory.
 */
export class BoundedExportQueue<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Resolves to whether the batch was delivered. */
  private inFlight: Promise<boolean> | undefined;
  private stopped = false;

  constructor(
    private readonly exporter: ItemExporter<T>,
    private readonly options: ExportQueueOptions
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  enqueue(items: readonly T[]): void {
    if (this.stopped) {
      this.options.onDropped(items.length);
      return;
    }
    const room = this.options.maxQueueSize - this.queue.length;
    if (room < items.length) {
      this.options.onDropped(items.length - Math.max(room, 0));
    }
    for (let i = 0; i < Math.min(room, items.length); i++) {
      this.queue.push(items[i]!);
    }
    this.scheduleExport();
  }

  /** One item, without an array around it (one log record per call). */
  enqueueOne(item: T): void {
    if (this.stopped || this.queue.length >= this.options.maxQueueSize) {
      this.options.onDropped(1);
      return;
    }
    this.queue.push(item);
    this.scheduleExport();
  }

  private scheduleExport(): void {
    this.schedule(this.queue.length >= this.options.maxExportBatchSize ? 0 : this.options.scheduledDelayMillis);
  }

  /**
   * Export everything queued now; resolves when done. Never rejects. When an export fails during
   * the flush the collector is taken as down and the rest of the queue is dropped (counted), so a
   * shutdown hook waits at most about one export timeout per batch in flight, not per queued batch.
   */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight || this.queue.length > 0) {
      const ok = await (this.inFlight ?? this.exportNextBatch());
      if (!ok && this.queue.length > 0) {
        this.options.onDropped(this.queue.length);
        this.queue = [];
      }
    }
    try {
      await this.exporter.forceFlush?.();
    } catch {
      // The exporter's own buffers are its business; nothing to count here.
    }
  }

  async shutdown(): Promise<void> {
    await this.flush();
    this.stopped = true;
    try {
      await this.exporter.shutdown();
    } catch {
      // Shutting down must never throw into the host.
    }
  }

  private schedule(delay: number): void {
    if (this.timer && delay > 0) {
      return;
    }
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.exportNextBatch().then(() => {
        if (this.queue.length > 0) {
          this.schedule(this.queue.length >= this.options.maxExportBatchSize ? 0 : this.options.scheduledDelayMillis);
        }
      });
    }, delay);
    // Telemetry must never keep the host process alive.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private exportNextBatch(): Promise<boolean> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.queue.length === 0) {
      return Promise.resolve(true);
    }
    const batch = this.queue.splice(0, this.options.maxExportBatchSize);
    this.inFlight = new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (ok: boolean): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(deadline);
        if (!ok) {
          this.options.onDropped(batch.length);
        }
        resolve(ok);
      };
      const deadline = setTimeout(() => settle(false), this.options.exportTimeoutMillis);
      deadline.unref();
      try {
        // Exporter HTTP calls must not be traced themselves.
        context.with(suppressTracing(context.active()), () => {
          this.exporter.export(batch, (result) => settle(result.code === ExportResultCode.SUCCESS));
        });
      } catch {
        settle(false);
      }
    }).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }
}
