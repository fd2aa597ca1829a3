/** Independent arithmetic for the ops alerts: windows of per-minute cumulative counters and histogram_quantile. */

/** Increase of a cumulative per-minute counter over the `w` minutes ending at minute t. */
export function inc(cum: readonly number[], t: number, w: number): number {
  return cum[Math.min(t, cum.length - 1)]! - cum[Math.max(0, t - w)]!;
}

/** Prometheus's histogram_quantile over (upper bound, cumulative count) pairs, the last one +Inf. */
export function histogramQuantile(q: number, buckets: ReadonlyArray<{ le: number; count: number }>): number {
  const total = buckets[buckets.length - 1]!.count;
  if (total === 0) {
    return NaN;
  }
  let rank = q * total;
  const b = buckets.findIndex((x) => x.count >= rank);
  if (b === buckets.length - 1) {
    return buckets[buckets.length - 2]!.le;
  }
  let start = 0;
  let count = buckets[b]!.count;
  if (b > 0) {
    start = buckets[b - 1]!.le;
    count -= buckets[b - 1]!.count;
    rank -= buckets[b - 1]!.count;
  }
  return start + (buckets[b]!.le - start) * (rank / count);
}

/** First minute in [from, to] where `cond` has held at every minute of the last `forMinutes`. */
export function firstFiringFor(
  cond: (t: number) => boolean,
  forMinutes: number,
  from: number,
  to: number
): number | undefined {
  for (let t = from; t <= to; t++) {
    let ok = true;
    for (let s = t - forMinutes; s <= t && ok; s++) {
      ok = cond(s);
    }
    if (ok) {
      return t;
    }
  }
  return undefined;
}
