import { histogram } from './distribution';

describe('histogram', () => {
  it('counts every measured value once, the largest in the last bin, and leaves missing values out', () => {
    const values = [0.001, 0.002, 0.002, 0.01, undefined, NaN, 0.05];
    const bins = histogram(values, 5);
    expect(bins).toHaveLength(5);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(bins[0]).toMatchObject({ from: 0.001, count: 4 });
    expect(bins[4]).toMatchObject({ to: 0.05, count: 1 });
    // Bins tile the range without gaps.
    bins.slice(1).forEach((b, i) => expect(b.from).toBeCloseTo(bins[i]!.to, 12));
  });

  it('is empty when nothing is measured and one bin when every value is the same', () => {
    expect(histogram([undefined, NaN])).toEqual([]);
    expect(histogram([0.5, 0.5, 0.5])).toEqual([{ from: 0.5, to: 0.5, count: 3 }]);
  });
});
