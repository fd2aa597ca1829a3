import { formatMs } from '../../components/waterfall/formatDuration';

/**
 * What a live check's observed value measures. Each has one way of being printed, so a count of jobs never reads
 * "595.000" and a duration reads like every other duration in the app.
 */
export type CheckUnit =
  /** Things counted (jobs, calls, shots): an integer with grouping. */
  | 'count'
  /** A share between 0 and 1: a percentage. */
  | 'ratio'
  /** A duration in seconds: the app's one duration format. */
  | 'seconds'
  /** Requests or operations per second: two significant decimals. */
  | 'perSecond'
  /** A value against a baseline (1.5 = one and a half times): a multiplier. */
  | 'factor';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const TWO_SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** Two significant decimals: 12.3456 → "12.35", 0.012345 → "0.012", 0 → "0". */
function significantDecimals(value: number): string {
  if (value === 0) {
    return '0';
  }
  return Math.abs(value) >= 1 ? TWO_DECIMALS.format(value) : TWO_SIGNIFICANT.format(value);
}

/** A check's observed value as the page prints it; "–" when Prometheus returned no number (NaN, ±Inf). */
export function formatCheckValue(value: number, unit: CheckUnit): string {
  if (!Number.isFinite(value)) {
    return '–';
  }
  switch (unit) {
    case 'count':
      // Rounding can give -0 for tiny negative noise; it reads as 0.
      return INTEGER.format(Math.round(value) || 0);
    case 'ratio':
      return PERCENT.format(value);
    case 'seconds':
      return formatMs(value * 1000);
    case 'perSecond':
      return `${significantDecimals(value)}/s`;
    case 'factor':
      return `${TWO_DECIMALS.format(value)}×`;
  }
}
