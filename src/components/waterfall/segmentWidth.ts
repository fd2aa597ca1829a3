/** Narrowest segment of a job's bar, % of the track: a 200 ms compile beside an hour of queue stays visible. */
export const MIN_SEGMENT_PERCENT = 0.2;

/** Width of a segment drawn from `fromPercent` to `toPercent` of the track, never under the narrowest. */
export function segmentWidthPercent(fromPercent: number, toPercent: number): number {
  return Math.max(toPercent - fromPercent, MIN_SEGMENT_PERCENT);
}
