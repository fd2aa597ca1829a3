import type { Timing } from './timing';
import type { SpanTree } from './tree';

/** A stretch of the critical path: the span that was the bottleneck then (-1: no span, between roots). */
export interface CriticalSegment {
  spanIndex: number;
  startMs: number;
  endMs: number;
}

interface Frame {
  node: number;
  /** The frame's time still to explain, walking backwards from its end. */
  cursor: number;
  /** Children of the node by clipped end, latest first; `next` is the first not yet considered. */
  byEnd: number[];
  next: number;
  start: number;
}

/**
 * The critical path: walking back from the end of the trace, at each moment the span whose work the end was
 * waiting for. Within a span, the child that finished last before the current moment is on the path; the
 * time between children is the span's own. Children use clipped intervals (clock skew cannot stretch the
 * path past a parent). Iterative, so arbitrarily deep trees are fine. Segments come back in time order and
 * cover [startMs, endMs] of the trace without overlap.
 */
export function criticalPath(tree: SpanTree, timing: Timing, startMs: number, endMs: number): CriticalSegment[] {
  const { effStart, effEnd } = timing;
  const segments: CriticalSegment[] = [];
  const sortedByEnd = (kids: readonly number[]) =>
    kids.filter((c) => effEnd[c]! > effStart[c]!).sort((a, b) => effEnd[b]! - effEnd[a]! || b - a);
  const emit = (spanIndex: number, from: number, to: number) => {
    if (to > from) {
      segments.push({ spanIndex, startMs: from, endMs: to });
    }
  };
  const stack: Frame[] = [{ node: -1, cursor: endMs, byEnd: sortedByEnd(tree.roots), next: 0, start: startMs }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    let child = -1;
    while (frame.next < frame.byEnd.length) {
      const candidate = frame.byEnd[frame.next++]!;
      if (effEnd[candidate]! <= frame.cursor) {
        child = candidate;
        break;
      }
    }
    if (child === -1 || frame.cursor <= frame.start) {
      emit(frame.node, frame.start, frame.cursor);
      stack.pop();
      continue;
    }
    emit(frame.node, effEnd[child]!, frame.cursor);
    frame.cursor = Math.max(frame.start, effStart[child]!);
    stack.push({
      node: child,
      cursor: effEnd[child]!,
      byEnd: sortedByEnd(tree.children[child]!),
      next: 0,
      start: effStart[child]!,
    });
  }
  segments.sort((a, b) => a.startMs - b.startMs);
  return segments;
}
