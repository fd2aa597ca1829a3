/**
 * Prometheus's `increase()` of one counter over the range [end − range, end], written out from its
 * documented behaviour (Prometheus 2: closed range; counter resets add the value before the drop;
 * extrapolation to the range edges unless the gap exceeds 1.1 × the average sample spacing, and never
 * below zero). Used to recompute recorded SLO windows from raw samples the rules never touched.
 */
export function extrapolatedIncrease(
  samples: ReadonlyArray<[number, number]>,
  endMs: number,
  rangeMs: number
): number | undefined {
  const startMs = endMs - rangeMs;
  const inRange = samples.filter(([t]) => t >= startMs && t <= endMs);
  if (inRange.length < 2) {
    return undefined;
  }
  const [firstT, first] = inRange[0]!;
  const [lastT, last] = inRange[inRange.length - 1]!;
  let result = last - first;
  for (let i = 1; i < inRange.length; i++) {
    if (inRange[i]![1] < inRange[i - 1]![1]) {
      result += inRange[i - 1]![1];
    }
  }
  const sampled = (lastT - firstT) / 1000;
  const average = sampled / (inRange.length - 1);
  let toStart = (firstT - startMs) / 1000;
  const toEnd = (endMs - lastT) / 1000;
  if (result > 0 && first >= 0) {
    const toZero = sampled * (first / result);
    if (toZero < toStart) {
      toStart = toZero;
    }
  }
  const threshold = average * 1.1;
  let interval = sampled;
  interval += toStart < threshold ? toStart : average / 2;
  interval += toEnd < threshold ? toEnd : average / 2;
  return result * (interval / sampled);
}
