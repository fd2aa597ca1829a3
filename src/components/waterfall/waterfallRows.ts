import { TRACE_STAGE } from '@hybridlens/conventions';
import type { LifecycleSpan, TraceLifecycle, UnattributedGap } from '@hybridlens/traces';

/**
 * A row of the waterfall: a span, a stretch of a request no span covers ("unattributed time"), or a quantum job
 * (one bar whose segments are its queue, compile and execute phases; its phase spans are rows under it).
 */
export type WaterfallRow =
  | { kind: 'span'; index: number; depth: number }
  | { kind: 'gap'; gap: UnattributedGap; depth: number; parentIndex: number }
  | { kind: 'job'; job: number; depth: number };

/** For each span, the quantum job (index in `lc.quantumJobs`) whose phase it is, or -1. */
export function jobOfPhaseSpan(lc: TraceLifecycle): Int32Array {
  const out = new Int32Array(lc.spans.length).fill(-1);
  lc.quantumJobs.forEach((job, j) => job.phases.forEach((p) => (out[p.spanIndex] = j)));
  return out;
}

/**
 * The rows shown, in display order: spans depth first, each followed by its unattributed stretches; the
 * subtree of a collapsed span is left out. A quantum job's row takes the place of its first phase span; its
 * phase spans (and their subtrees) follow one level deeper when the job is in `expandedJobs`, else they are
 * left out (the job's bar shows them). Linear in the number of spans (10,000-span traces re-flow on every
 * collapse).
 */
export function waterfallRows(
  lc: TraceLifecycle,
  collapsed: ReadonlySet<number>,
  expandedJobs: ReadonlySet<number> = new Set()
): WaterfallRow[] {
  const jobOf = jobOfPhaseSpan(lc);
  const jobShown = new Uint8Array(lc.quantumJobs.length);
  const gapsBySpan = new Map<string, UnattributedGap[]>();
  for (const gap of lc.gaps) {
    if (gap.stage !== TRACE_STAGE.unattributed) {
      continue;
    }
    const list = gapsBySpan.get(gap.spanId) ?? [];
    list.push(gap);
    gapsBySpan.set(gap.spanId, list);
  }
  const rows: WaterfallRow[] = [];
  // Spans before this index sit inside an expanded job's phase: one level deeper than their tree depth.
  let deeperUntil = -1;
  let i = 0;
  while (i < lc.spans.length) {
    const s = lc.spans[i]!;
    const job = jobOf[i]!;
    if (job >= 0) {
      if (!jobShown[job]) {
        jobShown[job] = 1;
        rows.push({ kind: 'job', job, depth: s.depth });
      }
      if (!expandedJobs.has(job)) {
        i = s.subtreeEnd;
        continue;
      }
      deeperUntil = Math.max(deeperUntil, s.subtreeEnd);
    }
    const depth = i < deeperUntil ? s.depth + 1 : s.depth;
    rows.push({ kind: 'span', index: i, depth });
    const isCollapsed = collapsed.has(i);
    if (!isCollapsed) {
      for (const gap of gapsBySpan.get(s.span.spanId) ?? []) {
        rows.push({ kind: 'gap', gap, depth: depth + 1, parentIndex: i });
      }
    }
    i = isCollapsed ? s.subtreeEnd : i + 1;
  }
  return rows;
}

/** Lower-case text a search matches in a span: name, service, ids, stage and attribute values. */
export function searchText(s: LifecycleSpan): string {
  const parts = [s.span.name, s.span.serviceName, s.span.spanId, s.stage];
  for (const [key, value] of Object.entries(s.span.attributes)) {
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(' ').toLowerCase();
}

/** Indexes of the spans matching a search (every word must appear). */
export function matchingSpans(lc: TraceLifecycle, query: string): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [];
  }
  const out: number[] = [];
  for (const s of lc.spans) {
    const text = searchText(s);
    if (words.every((w) => text.includes(w))) {
      out.push(s.index);
    }
  }
  return out;
}

/** The spans to expand so that span `index` is visible. */
export function ancestorsOf(lc: TraceLifecycle, index: number): number[] {
  const out: number[] = [];
  for (let p = lc.spans[index]?.parent ?? -1; p >= 0; p = lc.spans[p]!.parent) {
    out.push(p);
  }
  return out;
}

/** Union of the intervals of a stage's spans (a lane draws this, not thousands of overlapping bars). */
export function mergedIntervals(intervals: Array<{ startMs: number; endMs: number }>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const out: Array<[number, number]> = [];
  for (const { startMs, endMs } of sorted) {
    const last = out[out.length - 1];
    if (last && startMs <= last[1]) {
      last[1] = Math.max(last[1], endMs);
    } else {
      out.push([startMs, endMs]);
    }
  }
  return out;
}

/** Indexes of the failed spans, in display order. */
export function failedSpans(lc: TraceLifecycle): number[] {
  return lc.spans.filter((s) => s.error).map((s) => s.index);
}

/**
 * For each span, how many of its descendants failed (a collapsed row shows this, as Jaeger does). Spans are
 * in depth-first order with `subtreeEnd` exclusive, so one prefix sum answers every span.
 */
export function descendantErrorCounts(lc: TraceLifecycle): Int32Array {
  const prefix = new Int32Array(lc.spans.length + 1);
  lc.spans.forEach((s, i) => (prefix[i + 1] = prefix[i]! + (s.error ? 1 : 0)));
  const out = new Int32Array(lc.spans.length);
  lc.spans.forEach((s, i) => (out[i] = prefix[s.subtreeEnd]! - prefix[i + 1]!));
  return out;
}

/** The failed span after the selected one in display order, wrapping round; the first when none is selected. */
export function nextFailedSpan(failed: readonly number[], selectedIndex: number | undefined): number | undefined {
  if (failed.length === 0) {
    return undefined;
  }
  if (selectedIndex === undefined) {
    return failed[0];
  }
  return failed.find((i) => i > selectedIndex) ?? failed[0];
}
