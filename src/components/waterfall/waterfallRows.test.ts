import { QUANTUM_ATTR, TRACE_STAGE } from '@hybridlens/conventions';
import { loadTrace } from '@hybridlens/traces';
import { generateSyntheticTrace } from '@hybridlens/traces/testing';
import {
  ancestorsOf,
  descendantErrorCounts,
  failedSpans,
  matchingSpans,
  mergedIntervals,
  nextFailedSpan,
  waterfallRows,
} from './waterfallRows';

const trace = generateSyntheticTrace({ spans: 400, seed: 3, quantumJobs: 2, failedJobs: 1 });
const lc = loadTrace(trace.document);
const allJobs = new Set(lc.quantumJobs.map((_, j) => j));

const BASE_MS = Date.UTC(2026, 10, 26);

/** A request whose envelope has time no child covers: 0–10, 20–60 and 70–100 ms. */
function gappyTrace() {
  const id = '1'.repeat(32);
  const span = (spanId: string, name: string, from: number, to: number, parentSpanId?: string) => ({
    traceId: id,
    spanId: spanId.repeat(16),
    ...(parentSpanId ? { parentSpanId: parentSpanId.repeat(16) } : {}),
    name,
    kind: 1,
    startTimeUnixNano: String(BigInt(BASE_MS + from) * BigInt(1_000_000)),
    endTimeUnixNano: String(BigInt(BASE_MS + to) * BigInt(1_000_000)),
  });
  return loadTrace({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          { spans: [span('a', 'root', 0, 100), span('b', 'one', 10, 20, 'a'), span('c', 'two', 60, 70, 'a')] },
        ],
      },
    ],
  });
}

describe('waterfall rows', () => {
  it('puts each unattributed stretch of the request right under the request', () => {
    const rows = waterfallRows(gappyTrace(), new Set());
    expect(
      rows.map((r) =>
        r.kind === 'gap'
          ? `gap ${r.gap.startMs - BASE_MS}-${r.gap.endMs - BASE_MS}`
          : `${r.kind} ${r.kind === 'span' ? r.index : r.job}`
      )
    ).toEqual(['span 0', 'gap 0-10', 'gap 20-60', 'gap 70-100', 'span 1', 'span 2']);
    // Collapsed, the request hides its stretches with its children.
    expect(waterfallRows(gappyTrace(), new Set([0]))).toEqual([{ kind: 'span', index: 0, depth: 0 }]);
  });

  it('lists every span once, depth first, when every quantum job is open', () => {
    const rows = waterfallRows(lc, new Set(), allJobs);
    const spans = rows.filter((r) => r.kind === 'span').map((r) => (r.kind === 'span' ? r.index : -1));
    expect(spans).toEqual(lc.spans.map((_, i) => i));
    const gaps = rows.filter((r) => r.kind === 'gap');
    expect(gaps).toHaveLength(lc.gaps.filter((g) => g.stage === TRACE_STAGE.unattributed).length);
    for (const [i, row] of rows.entries()) {
      if (row.kind === 'gap') {
        // Right after its span or after another stretch of the same span.
        const before = rows[i - 1]!;
        expect(before.kind === 'span' ? before.index : before.kind === 'gap' ? before.parentIndex : -1).toBe(
          row.parentIndex
        );
      }
    }
  });

  it('shows each quantum job as one row where its first phase span was; its phase spans only when it is open', () => {
    expect(lc.quantumJobs).toHaveLength(2);
    const phaseSpans = new Set(lc.quantumJobs.flatMap((j) => j.phases.map((p) => p.spanIndex)));
    const closed = waterfallRows(lc, new Set());
    const jobRows = closed.filter((r) => r.kind === 'job');
    expect(jobRows.map((r) => (r.kind === 'job' ? r.job : -1))).toEqual([0, 1]);
    const shownSpans = closed.flatMap((r) => (r.kind === 'span' ? [r.index] : []));
    expect(shownSpans).toEqual(lc.spans.map((_, i) => i).filter((i) => !phaseSpans.has(i)));
    for (const [j, job] of lc.quantumJobs.entries()) {
      const first = Math.min(...job.phases.map((p) => p.spanIndex));
      const at = closed.findIndex((r) => r.kind === 'job' && r.job === j);
      // Right after the span shown just before the first phase span, at that phase span's depth.
      expect(closed[at]!.depth).toBe(lc.spans[first]!.depth);
      const before = closed[at - 1]!;
      expect(before.kind === 'span' ? before.index : before.kind === 'gap' ? before.parentIndex : -1).toBe(
        Math.max(...shownSpans.filter((i) => i < first))
      );
    }
    // One job open: its phase spans follow its row, one level deeper than in the tree; the other stays closed.
    const open = waterfallRows(lc, new Set(), new Set([1]));
    const at = open.findIndex((r) => r.kind === 'job' && r.job === 1);
    const phases = lc.quantumJobs[1]!.phases.map((p) => p.spanIndex).sort((a, b) => a - b);
    expect(open.slice(at + 1, at + 1 + phases.length)).toEqual(
      phases.map((i) => ({ kind: 'span', index: i, depth: lc.spans[i]!.depth + 1 }))
    );
    expect(open.filter((r) => r.kind === 'span').length).toBe(shownSpans.length + phases.length);
  });

  it('leaves a collapsed span’s subtree out, and only it', () => {
    const parent = lc.spans.findIndex((s) => s.subtreeEnd - s.index > 3 && s.parent >= 0);
    expect(parent).toBeGreaterThanOrEqual(0);
    const hidden = lc.spans[parent]!.subtreeEnd - parent - 1;
    const rows = waterfallRows(lc, new Set([parent]), allJobs).filter((r) => r.kind === 'span');
    expect(rows).toHaveLength(lc.spans.length - hidden);
    expect(rows.some((r) => r.kind === 'span' && r.index > parent && r.index < lc.spans[parent]!.subtreeEnd)).toBe(
      false
    );
  });

  it('search needs every word, matches attribute values, and expands the path to a hit', () => {
    const jobId = trace.quantumJobIds[1]!;
    const hits = matchingSpans(lc, `${QUANTUM_ATTR.jobId.key}=${jobId}`);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((i) => lc.spans[i]!.span.attributes[QUANTUM_ATTR.jobId.key] === jobId)).toBe(true);
    expect(matchingSpans(lc, `${jobId} no-such-word`)).toEqual([]);
    expect(matchingSpans(lc, '   ')).toEqual([]);
    const ancestors = ancestorsOf(lc, hits[0]!);
    expect(ancestors.at(-1)).toBe(lc.spans.findIndex((s) => s.parent < 0));
    for (const a of ancestors) {
      expect(a).toBeLessThan(hits[0]!);
      expect(lc.spans[a]!.subtreeEnd).toBeGreaterThan(hits[0]!);
    }
  });

  it('merges overlapping intervals of a lane', () => {
    expect(
      mergedIntervals([
        { startMs: 5, endMs: 9 },
        { startMs: 0, endMs: 2 },
        { startMs: 1, endMs: 3 },
        { startMs: 9, endMs: 10 },
      ])
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });
});

describe('failed spans under collapsed rows', () => {
  it('counts the failed descendants of every span, so a collapsed ancestor can show them', () => {
    const failed = failedSpans(lc);
    expect(failed.length).toBeGreaterThan(0);
    const counts = descendantErrorCounts(lc);
    for (const s of lc.spans) {
      // The slow way: walk up from every failed span.
      const expected = failed.filter((f) => ancestorsOf(lc, f).includes(s.index)).length;
      expect(counts[s.index]).toBe(expected);
    }
    for (const root of lc.roots) {
      expect(counts[root]).toBe(failed.filter((f) => f !== root && ancestorsOf(lc, f).length > 0).length);
    }
    // A leaf that failed counts nothing below itself.
    const leaf = failed.find((f) => lc.spans[f]!.children.length === 0);
    expect(leaf === undefined || counts[leaf] === 0).toBe(true);
  });

  it('steps through the failed spans in display order, wrapping round', () => {
    expect(nextFailedSpan([], undefined)).toBeUndefined();
    expect(nextFailedSpan([4, 9, 20], undefined)).toBe(4);
    expect(nextFailedSpan([4, 9, 20], 4)).toBe(9);
    expect(nextFailedSpan([4, 9, 20], 10)).toBe(20);
    expect(nextFailedSpan([4, 9, 20], 20)).toBe(4);
  });
});
