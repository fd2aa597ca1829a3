import { tableHeightFor } from '../src/panels/tableSize';

describe('tableHeightFor', () => {
  it('gives a taller panel for more rows, never a shorter one', () => {
    const heights = [1, 2, 5, 8, 9, 20].map(tableHeightFor);
    heights.slice(1).forEach((h, i) => expect(h).toBeGreaterThanOrEqual(heights[i]!));
    expect(tableHeightFor(20)).toBeGreaterThan(tableHeightFor(1));
  });

  it('refuses a row count that is not a whole number of at least 1, naming it', () => {
    for (const rows of [0, -1, 2.5, Number.NaN]) {
      expect(() => tableHeightFor(rows)).toThrow(
        `tableHeightFor: rows must be a whole number of at least 1, got ${rows}`
      );
    }
  });
});
