import { SimulatorUserError } from './errors';

/**
 * Bounds of every number a user can give the simulator (CLI flags and the backfill / live options alike),
 * checked before any work starts: outside them a run would take hours, run out of memory or mean nothing.
 */
export const LIMITS = {
  /** Days of history: 90 days take about 6 minutes and a few GB of OpenMetrics. */
  days: { min: 0.01, max: 90 },
  /**
   * Sample step of a history: under 5 s the files explode; above 2.5 min a 5-minute rate window may hold a
   * single sample (fine for hour-long windows only), and an hourly step serves daily and weekly views only
   * (the bundled dashboards' two-week test history); beyond an hour, not even those.
   */
  stepSeconds: { min: 5, max: 3600 },
  /** Traffic multiplier: at 50 the default topology simulates tens of requests per second. */
  load: { min: 0.01, max: 50 },
  /**
   * Days times load of one backfill: 180 is 30 days at load 6 or 90 days at load 2, about 3 million
   * requests and half an hour on a 2-core machine; beyond, a run would take hours.
   */
  loadDays: { min: 0, max: 180 },
  tracesPerHour: { min: 0, max: 3600 },
  /** Seeds are 32-bit. */
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

export type LimitName = keyof typeof LIMITS;

/** `value` if it is a finite number inside LIMITS[name], else a SimulatorUserError naming the field and the range. */
export function checkLimit(name: LimitName, field: string, value: number, integer = false): number {
  const { min, max } = LIMITS[name];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SimulatorUserError(`${field}: ${String(value)} is out of range (${min} to ${max})`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new SimulatorUserError(`${field}: ${value} is not a whole number`);
  }
  return value;
}
