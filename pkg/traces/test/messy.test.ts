import { PROBLEM, deriveLifecycle, readTrace } from '../src';
import { generateSyntheticTrace } from '../src/testing';
import { byName, derive, id, otlpDocument, otlpSpan } from './helpers';

describe('messy traces: each problem repaired, counted and reported', () => {
  it('orphans: a span whose parent is missing becomes a root, counted', () => {
    const lc = derive([
      { name: 'root', start: 0, end: 100 },
      { name: 'lost', parent: 'never-exported', start: 10, end: 20 },
      { name: 'lost-child', parent: 'lost', start: 12, end: 15 },
    ]);
    expect(lc.problems.counts[PROBLEM.orphanSpan]).toBe(1);
    expect(lc.problems.counts[PROBLEM.multipleRoots]).toBe(2);
    expect(lc.roots.map((r) => lc.spans[r]!.span.name)).toEqual(['root', 'lost']);
    expect(byName(lc, 'lost').problems).toContain(PROBLEM.orphanSpan);
    expect(byName(lc, 'lost-child').depth).toBe(1);
    expect(lc.problems.examples.find((e) => e.kind === PROBLEM.orphanSpan)!.detail).toContain(id('never-exported'));
  });

  it('several roots: time between them is unattributed, and stage shares still add up to the trace', () => {
    const lc = derive([
      { name: 'first', start: 0, end: 10 },
      { name: 'second', start: 30, end: 40 },
      { name: 'third', start: 35, end: 50 },
    ]);
    expect(lc.problems.counts[PROBLEM.multipleRoots]).toBe(3);
    expect(lc.durationMs).toBe(50);
    const unattributed = lc.stages.find((s) => s.stage === 'unattributed')!;
    // Nothing runs during 10–30 ms; on the critical path, 10–35 ms (second is not on it: third ends last).
    expect(unattributed.selfMs).toBeCloseTo(20, 6);
    expect(unattributed.criticalPathMs).toBeCloseTo(25, 6);
    expect(lc.criticalPathSpanIds).toEqual([id('first'), id('third')]);
    expect(lc.stages.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 9);
  });

  it.each([
    ['its own parent', [{ name: 'self', key: 'self', parent: 'self', start: 0, end: 10 }], 1],
    [
      'a two-span cycle',
      [
        { name: 'a', parent: 'b', start: 0, end: 10 },
        { name: 'b', parent: 'a', start: 1, end: 9 },
      ],
      1,
    ],
    [
      'a three-span cycle below a good root',
      [
        { name: 'root', start: 0, end: 100 },
        { name: 'a', parent: 'c', start: 5, end: 10 },
        { name: 'b', parent: 'a', start: 6, end: 9 },
        { name: 'c', parent: 'b', start: 7, end: 8 },
        { name: 'tail', parent: 'b', start: 6, end: 7 },
      ],
      1,
    ],
    [
      'two separate cycles',
      [
        { name: 'a', parent: 'b', start: 0, end: 10 },
        { name: 'b', parent: 'a', start: 1, end: 9 },
        { name: 'c', parent: 'd', start: 20, end: 30 },
        { name: 'd', parent: 'c', start: 21, end: 29 },
      ],
      2,
    ],
  ])('parent cycles (%s): one link per cycle is cut at the earliest span', (_, specs, cycles) => {
    const lc = derive(specs);
    expect(lc.problems.counts[PROBLEM.parentCycle]).toBe(cycles);
    expect(lc.spans).toHaveLength(specs.length);
    // Every span reaches a root: parents come before children in display order.
    for (const row of lc.spans) {
      expect(row.parent).toBeLessThan(row.index);
    }
    const cut = lc.spans.filter((s) => s.problems?.includes(PROBLEM.parentCycle)).map((s) => s.span.name);
    expect(cut).toEqual(specs.length === 4 && cycles === 2 ? ['a', 'c'] : [specs.find((s) => s.name !== 'root')!.name]);
  });

  it('duplicate span ids: the first is kept, the copy counted (identical or not)', () => {
    const original = otlpSpan({ name: 'once', start: 0, end: 10 });
    const impostor = { ...otlpSpan({ name: 'other', key: 'once', start: 2, end: 3 }) };
    const trace = readTrace(otlpDocument([original, original, impostor])).traces[0]!;
    const lc = deriveLifecycle(trace);
    expect(lc.spans.map((s) => s.span.name)).toEqual(['once']);
    expect(lc.problems.counts[PROBLEM.duplicateSpanId]).toBe(2);
    const details = lc.problems.examples.filter((e) => e.kind === PROBLEM.duplicateSpanId).map((e) => e.detail);
    expect(details[0]).toMatch(/appears twice/);
    expect(details[1]).toMatch(/two different spans share the id/);
  });

  it('clock skew: children outside their parent are counted and clipped for self time and the critical path', () => {
    const lc = derive([
      { name: 'parent', start: 100, end: 200 },
      { name: 'early', parent: 'parent', start: 80, end: 130 },
      { name: 'late', parent: 'parent', start: 170, end: 260 },
      { name: 'outside', parent: 'parent', start: 300, end: 310 },
    ]);
    expect(lc.problems.counts[PROBLEM.childStartsBeforeParent]).toBe(1);
    expect(lc.problems.counts[PROBLEM.childEndsAfterParent]).toBe(2);
    // Inside [100, 200]: early covers 100–130, late 170–200 (outside adds nothing): 40 ms of the parent's own.
    expect(byName(lc, 'parent').selfMs).toBeCloseTo(40, 6);
    expect(byName(lc, 'early').problems).toContain(PROBLEM.childStartsBeforeParent);
    expect(byName(lc, 'late').problems).toContain(PROBLEM.childEndsAfterParent);
    for (const segment of lc.criticalPath) {
      expect(segment.startMs).toBeGreaterThanOrEqual(lc.startMs);
      expect(segment.endMs).toBeLessThanOrEqual(lc.endMs);
    }
  });

  it('zero and negative durations are counted; a negative one reads as zero', () => {
    const a = otlpSpan({ name: 'zero', start: 10, end: 10 });
    const b = otlpSpan({ name: 'backwards', start: 50, end: 20 });
    const lc = deriveLifecycle(readTrace(otlpDocument([a, b])).traces[0]!);
    expect(lc.problems.counts[PROBLEM.zeroDuration]).toBe(1);
    expect(lc.problems.counts[PROBLEM.negativeDuration]).toBe(1);
    expect(byName(lc, 'backwards').durationMs).toBe(0);
  });

  it('missing times: no start drops the span (counted), no end reads as the start (counted)', () => {
    const noStart = { ...otlpSpan({ name: 'nostart', start: 0, end: 5 }), startTimeUnixNano: 'soon' };
    const noEnd = otlpSpan({ name: 'noend', start: 3, end: 4 }) as unknown as Record<string, unknown>;
    delete noEnd.endTimeUnixNano;
    const trace = readTrace(otlpDocument([noStart, noEnd as never])).traces[0]!;
    const lc = deriveLifecycle(trace);
    expect(lc.spans.map((s) => s.span.name)).toEqual(['noend']);
    expect(lc.problems.counts[PROBLEM.missingStartTime]).toBe(1);
    expect(lc.problems.counts[PROBLEM.missingEndTime]).toBe(1);
  });

  it('spans without any contract data are counted and classified by convention, else "other"', () => {
    const lc = derive([
      { name: 'GET /health', start: 0, end: 10, kind: 2, attributes: { 'url.path': '/health' } },
      { name: 'mystery', parent: 'GET /health', start: 1, end: 2 },
    ]);
    expect(lc.problems.counts[PROBLEM.noContractAttributes]).toBe(2);
    expect(byName(lc, 'mystery').stage).toBe('other');
  });

  it('ids and names that are missing or invalid are kept visible and counted', () => {
    const noId = { ...otlpSpan({ name: 'anon', start: 0, end: 5 }), spanId: '' };
    const badParent = { ...otlpSpan({ name: 'badparent', start: 1, end: 2 }), parentSpanId: 'zz-not-hex' };
    const noName = { ...otlpSpan({ name: 'x', start: 2, end: 3 }), name: 12 };
    const lc = deriveLifecycle(readTrace(otlpDocument([noId, badParent, noName as never])).traces[0]!);
    expect(lc.spans).toHaveLength(3);
    expect(lc.problems.counts[PROBLEM.missingSpanId]).toBe(1);
    expect(lc.problems.counts[PROBLEM.invalidId]).toBe(1);
    expect(lc.problems.counts[PROBLEM.orphanSpan]).toBe(1);
    expect(lc.problems.counts[PROBLEM.missingName]).toBe(1);
    expect(lc.spans.map((s) => s.span.spanId)).toContain('missing-1');
  });

  it('a chain of 20,000 nested spans (twice what recursion survives) does not overflow the stack', () => {
    const g = generateSyntheticTrace({ spans: 20_100, quantumJobs: 1, deepChain: 20_000, seed: 3 });
    const lc = deriveLifecycle(readTrace(g.document).traces[0]!);
    expect(lc.spans).toHaveLength(20_100);
    expect(lc.spans.reduce((max, s) => Math.max(max, s.depth), 0)).toBeGreaterThanOrEqual(20_000);
  });

  it('a cycle of 20,000 spans is cut without recursion', () => {
    const specs = Array.from({ length: 20_000 }, (_, i) => ({
      name: `s${i}`,
      parent: `s${(i + 1) % 20_000}`,
      start: i,
      end: i + 1,
    }));
    const lc = derive(specs);
    expect(lc.problems.counts[PROBLEM.parentCycle]).toBe(1);
    expect(lc.roots).toHaveLength(1);
    expect(lc.spans[lc.roots[0]!]!.span.name).toBe('s0');
  });
});
