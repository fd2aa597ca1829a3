import type { TraceLifecycle } from '../src';

/** What is wrong with the derived shape, as readable lines (one expect per trace keeps 300 seeds fast). */
export function shapeViolations(lc: TraceLifecycle): string[] {
  const bad: string[] = [];
  const n = lc.spans.length;
  const eps = 1e-6;
  for (const row of lc.spans) {
    const up = row.parent === -1 ? undefined : lc.spans[row.parent];
    // Pre-order: a parent comes before its children; depth and subtree bounds agree with the links.
    if (!up && row.depth !== 0) {
      bad.push(`root ${row.index} at depth ${row.depth}`);
    }
    if (up && (row.parent >= row.index || row.depth !== up.depth + 1 || up.subtreeEnd < row.subtreeEnd)) {
      bad.push(`span ${row.index} badly placed under ${row.parent}`);
    }
    if (row.subtreeEnd <= row.index || row.subtreeEnd > n) {
      bad.push(`span ${row.index} subtree ends at ${row.subtreeEnd}`);
    }
    if (row.selfMs < -eps || row.selfMs > row.durationMs + eps) {
      bad.push(`span ${row.index} self time ${row.selfMs} of ${row.durationMs}`);
    }
  }
  // The critical path covers the trace without overlap.
  let cursor = lc.startMs;
  for (const s of lc.criticalPath) {
    if (s.startMs < cursor - eps || s.endMs < s.startMs) {
      bad.push(`critical path overlaps at ${s.startMs}`);
    }
    cursor = s.endMs;
  }
  if (cursor > lc.endMs + eps) {
    bad.push('critical path runs past the trace');
  }
  const shares = lc.stages.reduce((sum, s) => sum + s.share, 0);
  if (lc.durationMs > 0 && Math.abs(shares - 1) > 1e-6) {
    bad.push(`stage shares add up to ${shares}`);
  }
  return bad;
}
