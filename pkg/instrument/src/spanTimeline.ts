import type { SpanName } from '@hybridlens/conventions';

/**
 * A request's lifecycle spans only needs observing once the request's final path is known (its
 * end), but they end earlier: their times wait here. Bounded, so a request that opens spans in a
 * loop cannot grow memory; spans past the bound are still traced, just not in the span histograms.
 */
export const MAX_SPANS_PER_REQUEST = 256;

export class SpanTimeline {
  /** Parallel arrays: cheaper than one object per span on the per-request path. */
  readonly names: SpanName[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private closed = false;

  get size(): number {
    return this.names.length;
  }

  /** A span ended; ignored once the request has ended (its histograms are already observed). */
  add(name: SpanName, start: number, end: number): void {
    if (this.closed || this.names.length >= MAX_SPANS_PER_REQUEST) {
      return;
    }
    this.names.push(name);
    this.starts.push(start);
    this.ends.push(end);
  }

  close(): void {
    this.closed = true;
  }
}
