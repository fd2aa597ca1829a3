import { median } from './summary';

const HOUR_SECONDS = 3600;

/**
 * How often providers usually recalibrate, when the exporter has not seen a device's history yet. IBM, IQM,
 * Rigetti and IonQ publish a new calibration about once a day; Google's published snapshots are irregular, so a
 * day is the working assumption there too. `--cadence PROVIDER=DURATION` overrides it per provider.
 */
export const DEFAULT_CADENCE_SECONDS = 24 * HOUR_SECONDS;

/** Gaps counted towards a learned cadence: shorter ones are re-exports, longer ones holes in the record. */
export const CADENCE_GAP_BOUNDS_SECONDS = { min: HOUR_SECONDS, max: 30 * 24 * HOUR_SECONDS } as const;

/**
 * A device's usual time between calibrations: the median gap between the distinct calibration times seen, over
 * the gaps within {@link CADENCE_GAP_BOUNDS_SECONDS} and only with at least two of them (three snapshots), so one
 * late recalibration or a hole in the history does not set it; otherwise the configured cadence of its provider,
 * otherwise the default.
 */
export function expectedIntervalSeconds(
  calibrationTimes: readonly number[],
  providerCadenceSeconds: number | undefined
): number {
  const distinct = [...new Set(calibrationTimes)].sort((a, b) => a - b);
  const gaps = distinct
    .slice(1)
    .map((t, i) => t - distinct[i]!)
    .filter((gap) => gap >= CADENCE_GAP_BOUNDS_SECONDS.min && gap <= CADENCE_GAP_BOUNDS_SECONDS.max);
  if (gaps.length >= 2) {
    return median(gaps)!;
  }
  return providerCadenceSeconds ?? DEFAULT_CADENCE_SECONDS;
}
