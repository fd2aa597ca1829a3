import { SLO_SERIES } from '@hybridlens/conventions';
import { type RecordingRule } from '../ruleTypes';
import { type SloSpec } from '../spec';
import { sloLabels } from './sloSeries';

/** The one range read from the raw counters; every longer window is a sum of these increases. */
export const INCREASE_RANGE = '5m';

const increase = (sel: string) => `sum(increase(${sel}[${INCREASE_RANGE}]))`;

/**
 * `expr or total * 0`: a good or bad counter that has not been created yet (no bad request so far) has no
 * series, and `total - nothing` is nothing. `total * 0` fills the gap with a zero that has total's labels.
 */
function zeroWhenAbsent(expr: string, total: string): string {
  return `${expr} or ${total} * 0`;
}

/**
 * `(expr) >= 0 < +Inf`: keeps finite, non-negative samples only. NaN and ±Inf fail both comparisons, and a
 * negative bad count (a bucket scraped above its count) fails the first: the 5-minute slot drops out instead
 * of poisoning every window that sums it.
 */
export function finiteNonNegative(expr: string): string {
  return `(${expr} >= 0 < +Inf)`;
}

/**
 * The 5-minute increases every window is built from. Bad and total drop out together (each `and` the other),
 * so a dropped slot never skews a ratio. Counter resets are handled by `increase()`.
 */
export function increaseRules(spec: SloSpec): RecordingRule[] {
  const total = increase(spec.sli.total);
  const bad =
    spec.sli.bad !== undefined
      ? `(${zeroWhenAbsent(increase(spec.sli.bad), total)})`
      : `(${total} - (${zeroWhenAbsent(increase(spec.sli.good!), total)}))`;
  const finiteBad = finiteNonNegative(bad);
  const finiteTotal = finiteNonNegative(total);
  const labels = sloLabels(spec);
  return [
    { record: SLO_SERIES.badIncrease5m, expr: `${finiteBad} and ${finiteTotal}`, labels },
    { record: SLO_SERIES.totalIncrease5m, expr: `${finiteTotal} and ${finiteBad}`, labels },
  ];
}
