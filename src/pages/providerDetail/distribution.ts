/** One bar of a histogram: values in [from, to) (the last bar also holds `to`). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

export const DEFAULT_BINS = 12;

/**
 * Equal-width bins from the smallest to the largest measured value. Missing values (undefined, NaN) are left
 * out, never counted as 0: the caller says how many there were. All-equal values make one bin.
 */
export function histogram(values: ReadonlyArray<number | undefined>, bins = DEFAULT_BINS): Bin[] {
  const measured = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (measured.length === 0) {
    return [];
  }
  const min = Math.min(...measured);
  const max = Math.max(...measured);
  if (min === max || bins < 2) {
    return [{ from: min, to: max, count: measured.length }];
  }
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of measured) {
    out[Math.min(bins - 1, Math.floor((v - min) / width))]!.count += 1;
  }
  return out;
}
