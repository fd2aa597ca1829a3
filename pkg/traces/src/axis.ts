/**
 * A time axis for a waterfall with idle gaps compressed: each gap gets a small fixed width, the rest of the
 * width is shared by the other stretches in proportion to their duration. Positions are fractions 0..1.
 */
export interface AxisSegment {
  startMs: number;
  endMs: number;
  fromX: number;
  toX: number;
  compressed: boolean;
}

export interface TimeAxis {
  startMs: number;
  endMs: number;
  segments: AxisSegment[];
  /** Position of a time (clamped to the axis). */
  x(timeMs: number): number;
  /** Time at a position (the inverse of `x`; inside a compressed gap, linear within the gap). */
  time(x: number): number;
}

export interface TimeAxisOptions {
  /** Width of each compressed gap as a fraction of the axis (default 0.04; all gaps together at most half). */
  compressedWidth?: number;
}

function search(segments: readonly AxisSegment[], value: number, key: 'startMs' | 'fromX'): AxisSegment {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]![key] <= value) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return segments[lo]!;
}

/** `gaps` must lie within [startMs, endMs], in time order, without overlap (as `idleGaps` returns them). */
export function timeAxis(
  startMs: number,
  endMs: number,
  gaps: ReadonlyArray<{ startMs: number; endMs: number }> = [],
  options: TimeAxisOptions = {}
): TimeAxis {
  const duration = Math.max(0, endMs - startMs);
  const pieces: Array<{ startMs: number; endMs: number; compressed: boolean }> = [];
  let cursor = startMs;
  for (const g of gaps) {
    if (g.startMs > cursor) {
      pieces.push({ startMs: cursor, endMs: g.startMs, compressed: false });
    }
    pieces.push({ startMs: g.startMs, endMs: g.endMs, compressed: true });
    cursor = g.endMs;
  }
  if (endMs > cursor || pieces.length === 0) {
    pieces.push({ startMs: cursor, endMs: Math.max(cursor, endMs), compressed: false });
  }
  const compressedCount = pieces.filter((p) => p.compressed).length;
  const uncompressedMs = pieces.filter((p) => !p.compressed).reduce((s, p) => s + (p.endMs - p.startMs), 0);
  const gapWidth =
    compressedCount === 0 || uncompressedMs === 0
      ? 0
      : Math.min(options.compressedWidth ?? 0.04, 0.5 / compressedCount);
  const linearWidth = 1 - gapWidth * compressedCount;
  let x = 0;
  const segments: AxisSegment[] = pieces.map((p) => {
    const width = p.compressed
      ? gapWidth
      : uncompressedMs > 0
        ? (linearWidth * (p.endMs - p.startMs)) / uncompressedMs
        : duration > 0
          ? (p.endMs - p.startMs) / duration
          : 1;
    const segment = { ...p, fromX: x, toX: x + width };
    x += width;
    return segment;
  });
  const last = segments[segments.length - 1]!;
  last.toX = 1;
  return {
    startMs,
    endMs,
    segments,
    x(timeMs: number): number {
      if (timeMs <= startMs) {
        return 0;
      }
      if (timeMs >= endMs) {
        return 1;
      }
      const s = search(segments, timeMs, 'startMs');
      const span = s.endMs - s.startMs;
      return span > 0 ? s.fromX + ((timeMs - s.startMs) / span) * (s.toX - s.fromX) : s.fromX;
    },
    time(position: number): number {
      if (position <= 0) {
        return startMs;
      }
      if (position >= 1) {
        return endMs;
      }
      const s = search(segments, position, 'fromX');
      const width = s.toX - s.fromX;
      return width > 0 ? s.startMs + ((position - s.fromX) / width) * (s.endMs - s.startMs) : s.startMs;
    },
  };
}
