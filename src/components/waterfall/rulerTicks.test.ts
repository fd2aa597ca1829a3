import { timeAxis } from '@hybridlens/traces';
import { formatOffset, niceStep, rulerTicks } from './rulerTicks';

const HOUR = 3_600_000;

function expectDistinctIncreasing(ticks: ReturnType<typeof rulerTicks>['ticks']) {
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < ticks.length; i++) {
    expect(ticks[i]!.offsetMs).toBeGreaterThan(ticks[i - 1]!.offsetMs);
    expect(ticks[i]!.x).toBeGreaterThan(ticks[i - 1]!.x);
  }
  expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
}

describe('rulerTicks', () => {
  test('no gap: round offsets from 0 to the end, each label once, positions on the axis', () => {
    const axis = timeAxis(1_000, 1_000 + 1_234);
    const { ticks, breaks } = rulerTicks(axis);
    expect(breaks).toEqual([]);
    expectDistinctIncreasing(ticks);
    expect(ticks.map((t) => t.label)).toEqual(['0', '200 ms', '400 ms', '600 ms', '800 ms', '1.0 s', '1.2 s']);
    for (const tick of ticks) {
      expect(tick.x).toBeCloseTo(axis.x(axis.startMs + tick.offsetMs), 9);
    }
  });

  test('a compressed one-hour queue gap: ticks on both sides are later real times, the gap is a break with its length', () => {
    const start = 50_000;
    // 1.2 s of work, the job queued for one hour, then 1.3 s of work.
    const gap = { startMs: start + 1_200, endMs: start + 1_200 + HOUR };
    const end = gap.endMs + 1_300;
    const axis = timeAxis(start, end, [gap]);
    const { ticks, breaks } = rulerTicks(axis);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!.durationMs).toBe(HOUR);
    expect(breaks[0]!.label).toBe('⋯ 1h 00m ⋯');
    expectDistinctIncreasing(ticks);
    const before = ticks.filter((t) => t.x < breaks[0]!.fromX);
    const after = ticks.filter((t) => t.x > breaks[0]!.toX);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(before.length + after.length).toBe(ticks.length);
    for (const tick of after) {
      expect(tick.offsetMs).toBeGreaterThanOrEqual(HOUR + 1_200);
      expect(tick.label).toMatch(/^1h 00m 0\d\.\ds$/);
    }
    for (const tick of ticks) {
      expect(tick.x).toBeCloseTo(axis.x(axis.startMs + tick.offsetMs), 9);
    }
  });

  test('break marks close together print one label, not one over the other', () => {
    const gaps = [
      { startMs: 1_000, endMs: 61_000 },
      { startMs: 61_010, endMs: 68_000 },
      { startMs: 70_000, endMs: 130_000 },
    ];
    const { breaks } = rulerTicks(timeAxis(0, 131_000, gaps));
    expect(breaks.map((b) => b.showLabel)).toEqual([true, false, true]);
  });

  test('a gap the user turned off compression for is a plain axis again', () => {
    const axis = timeAxis(0, HOUR + 2_500);
    const { ticks, breaks } = rulerTicks(axis);
    expect(breaks).toEqual([]);
    expectDistinctIncreasing(ticks);
    expect(ticks[1]!.label).toBe('10m');
  });
});

describe('formatOffset', () => {
  test.each([
    [0, 100, '0'],
    [250, 50, '250 ms'],
    [0.25, 0.05, '0.25 ms'],
    [1_200, 200, '1.2 s'],
    [59_999.99, 10, '60.00 s'],
    [HOUR + 1_200, 200, '1h 00m 01.2s'],
    [61_000, 1_000, '1m 01s'],
    [2 * 60_000, 60_000, '2m'],
  ])('%p ms at a %p ms step reads %p', (offset, step, text) => {
    expect(formatOffset(offset, step)).toBe(text);
  });

  test('niceStep rounds up to 1, 2 or 5 × 10^k below a second, to clock units above', () => {
    expect([0.3, 1, 1.5, 154, 200, 1_001, 450_000, 4_000_001].map(niceStep)).toEqual([
      0.5,
      1,
      2,
      200,
      200,
      2_000,
      600_000,
      2 * HOUR,
    ]);
  });
});
