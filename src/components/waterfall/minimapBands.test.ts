import { minimapBands } from './Minimap';

describe('minimapBands', () => {
  it('gives each row its own band when the trace has fewer rows than the strip has pixels', () => {
    const bands = minimapBands(3, 48, (i) => [i * 10, i * 10 + 5, 'red']);
    expect(bands.map((b) => [...b])).toEqual([[['red', [0, 5]]], [['red', [10, 15]]], [['red', [20, 25]]]]);
  });

  it('folds 10,000 rows into one band per pixel row, each colour covering the extent of its rows', () => {
    const colours = ['llm', 'quantum', 'other'];
    const bands = minimapBands(10_000, 48, (i) => [i, i + 2, colours[i % 3]!]);
    expect(bands).toHaveLength(48);
    const rects = bands.reduce((n, b) => n + b.size, 0);
    expect(rects).toBeLessThanOrEqual(48 * colours.length);
    // Every row lands in exactly one band, whose extent for its colour contains it.
    for (const i of [0, 1, 207, 208, 5000, 9999]) {
      const band = bands[Math.floor((i * 48) / 10_000)]!;
      const [from, to] = band.get(colours[i % 3]!)!;
      expect(from).toBeLessThanOrEqual(i);
      expect(to).toBeGreaterThanOrEqual(i + 2);
    }
    expect(bands[0]!.get('llm')).toEqual([0, 209]);
    expect(bands[47]!.get('other')).toEqual([9794, 10_000]);
  });

  it('draws nothing for an empty trace', () => {
    expect(minimapBands(0, 48, () => [0, 1, 'red'])).toEqual([]);
  });
});
