import { TRACE_STAGE, type TraceStage } from '@hybridlens/conventions';
import type { CriticalSegment } from './criticalPath';
import type { StageOf } from './stage';
import type { Timing } from './timing';
import type { SpanTree } from './tree';

export interface StageTotal {
  stage: TraceStage;
  spanCount: number;
  errorCount: number;
  /** Self time of the stage's spans, summed (parallel spans add up, so this can exceed the trace). */
  selfMs: number;
  /** The stage's time on the critical path: across stages these add up to the trace duration. */
  criticalPathMs: number;
  /** criticalPathMs as a share of the trace duration, 0..1. */
  share: number;
}

const ORDER = Object.values(TRACE_STAGE);

/**
 * Which stage a stretch of a span's own time belongs to. A root with children is the request's envelope:
 * its time outside every child is time nothing in the trace explains, so it is unattributed.
 */
export function stageOfOwnTime(tree: SpanTree, stages: readonly StageOf[], index: number): TraceStage {
  if (index === -1 || (tree.parent[index] === -1 && tree.children[index]!.length > 0)) {
    return TRACE_STAGE.unattributed;
  }
  return stages[index]!.stage;
}

export function stageTotals(
  tree: SpanTree,
  stages: readonly StageOf[],
  timing: Timing,
  path: readonly CriticalSegment[],
  startMs: number,
  endMs: number
): StageTotal[] {
  const totals = new Map<TraceStage, StageTotal>();
  const totalFor = (stage: TraceStage) => {
    let t = totals.get(stage);
    if (!t) {
      t = { stage, spanCount: 0, errorCount: 0, selfMs: 0, criticalPathMs: 0, share: 0 };
      totals.set(stage, t);
    }
    return t;
  };
  for (let i = 0; i < tree.spans.length; i++) {
    const t = totalFor(stages[i]!.stage);
    t.spanCount++;
    if (tree.spans[i]!.status === 'error') {
      t.errorCount++;
    }
    if (timing.selfMs[i]! > 0) {
      totalFor(stageOfOwnTime(tree, stages, i)).selfMs += timing.selfMs[i]!;
    }
  }
  // Time of the trace outside every root (between the roots of a trace with several).
  let covered = 0;
  let cursor = startMs;
  // Roots come sorted by start.
  for (const r of tree.roots) {
    const s = Math.max(cursor, timing.effStart[r]!);
    const e = timing.effEnd[r]!;
    if (e > s) {
      covered += e - s;
      cursor = e;
    }
  }
  const outsideRoots = endMs - startMs - covered;
  if (outsideRoots > 0) {
    totalFor(TRACE_STAGE.unattributed).selfMs += outsideRoots;
  }
  for (const segment of path) {
    totalFor(stageOfOwnTime(tree, stages, segment.spanIndex)).criticalPathMs += segment.endMs - segment.startMs;
  }
  const duration = endMs - startMs;
  for (const t of totals.values()) {
    t.share = duration > 0 ? t.criticalPathMs / duration : 0;
  }
  return ORDER.filter((s) => totals.has(s)).map((s) => totals.get(s)!);
}
