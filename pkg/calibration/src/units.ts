import { CalibrationInputError } from './errors';

// Providers disagree on unit spelling: IBM "us", Braket v1 "S" (upper case), IonQ v3 "s".
// Divisors rather than factors: 20 / 1e6 is exactly 2e-5, 20 * 1e-6 is not.
const UNITS_PER_SECOND: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  ms: 1e3,
  us: 1e6,
  µs: 1e6,
  μs: 1e6,
  micros: 1e6,
  ns: 1e9,
  ps: 1e12,
};

/** Convert a time value to seconds; unknown units are an error naming the field. */
export function toSeconds(value: number, unit: unknown, source: string, field: string): number {
  const key = typeof unit === 'string' ? unit.trim() : '';
  const divisor = UNITS_PER_SECOND[key] ?? UNITS_PER_SECOND[key.toLowerCase()];
  if (divisor === undefined) {
    throw new CalibrationInputError(
      source,
      field,
      `unknown time unit ${JSON.stringify(unit)} (expected s, ms, us or ns)`
    );
  }
  return value / divisor;
}
