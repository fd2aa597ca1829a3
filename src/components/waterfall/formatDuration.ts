import { formatSpanDuration } from '@hybridlens/traces';

/** Durations as the waterfall prints them (µs to hours), the trace package's own format. */
export function formatMs(ms: number): string {
  return formatSpanDuration(ms);
}
