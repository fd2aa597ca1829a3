/** z of a two-sided 95 % interval. */
const Z = 1.96;

export interface JudgeInput {
  /** Events over the SLO period. */
  events?: number;
  /** Bad events / events over the period. */
  errorRatio?: number;
  /** Objective as a ratio (0.99). */
  objective?: number;
  /** The app setting: at least this many events and the SLI is always judged. */
  minEvents: number;
}

/** The 95 % Wilson score interval of a ratio seen over `n` trials (sound for few events and ratios near 0 or 1). */
export function wilsonInterval(ratio: number, n: number): { low: number; high: number } {
  const z2 = Z * Z;
  const centre = (ratio + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((ratio * (1 - ratio)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Whether the period's events are enough to say "missed" or "within": at least `minEvents`, or fewer whose error
 * ratio is clearly (its 95 % interval entirely) on one side of the error budget. A budget spent by 19 bad jobs out of
 * 75 is a miss however few the jobs; 11 clean jobs say nothing about a 95 % objective.
 */
export function canJudge({ events, errorRatio, objective, minEvents }: JudgeInput): boolean {
  if (events === undefined || !Number.isFinite(events)) {
    return true;
  }
  if (events >= minEvents) {
    return true;
  }
  if (events <= 0 || errorRatio === undefined || objective === undefined || !Number.isFinite(errorRatio)) {
    return false;
  }
  const budget = 1 - objective;
  const { low, high } = wilsonInterval(Math.min(1, Math.max(0, errorRatio)), events);
  return low > budget || high < budget;
}
