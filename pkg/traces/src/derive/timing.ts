import type { SpanTree } from './tree';

/** Time inside a span that none of its children covers. */
export interface Gap {
  /** Display index of the span the gap is in. */
  spanIndex: number;
  startMs: number;
  endMs: number;
}

/** Gaps packed flat (span index, start, end per gap): a large trace has about one per span with children. */
export class GapList {
  private data = new Float64Array(48);
  length = 0;

  push(spanIndex: number, startMs: number, endMs: number): void {
    if ((this.length + 1) * 3 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.length * 3;
    this.data[at] = spanIndex;
    this.data[at + 1] = startMs;
    this.data[at + 2] = endMs;
    this.length++;
  }

  spanIndex(k: number): number {
    return this.data[k * 3]!;
  }

  startMs(k: number): number {
    return this.data[k * 3 + 1]!;
  }

  endMs(k: number): number {
    return this.data[k * 3 + 2]!;
  }
}

export interface Timing {
  /**
   * Each span's interval clipped to its parent's (clipped) interval: clock skew cannot make a child count
   * outside its parent. A child entirely outside its parent gets an empty interval at the parent's edge.
   */
  effStart: Float64Array;
  effEnd: Float64Array;
  /** Time of the span not covered by any child (clipped intervals), ms. */
  selfMs: Float64Array;
  /** Uncovered intervals of every span that has children, in display order then time order. */
  gaps: GapList;
}

export function computeTiming(tree: SpanTree): Timing {
  const n = tree.spans.length;
  const effStart = new Float64Array(n);
  const effEnd = new Float64Array(n);
  const selfMs = new Float64Array(n);
  const gaps = new GapList();
  // Pre-order: a parent's clipped interval is known before its children's.
  for (let i = 0; i < n; i++) {
    const span = tree.spans[i]!;
    const p = tree.parent[i]!;
    if (p === -1) {
      effStart[i] = span.startMs;
      effEnd[i] = span.endMs;
      continue;
    }
    const lo = effStart[p]!;
    const hi = effEnd[p]!;
    const s = Math.min(Math.max(span.startMs, lo), hi);
    effStart[i] = s;
    effEnd[i] = Math.max(s, Math.min(span.endMs, hi));
  }
  for (let i = 0; i < n; i++) {
    const kids = tree.children[i]!;
    const start = effStart[i]!;
    const end = effEnd[i]!;
    if (kids.length === 0) {
      selfMs[i] = end - start;
      continue;
    }
    // Children are sorted by start, and clipping keeps that order: one sweep merges their intervals.
    let cursor = start;
    let self = 0;
    for (const c of kids) {
      const cs = effStart[c]!;
      const ce = effEnd[c]!;
      if (cs > cursor) {
        self += cs - cursor;
        gaps.push(i, cursor, cs);
      }
      if (ce > cursor) {
        cursor = ce;
      }
    }
    if (end > cursor) {
      self += end - cursor;
      gaps.push(i, cursor, end);
    }
    selfMs[i] = self;
  }
  return { effStart, effEnd, selfMs, gaps };
}
