/**
 * A span duration for people, with about three significant digits: 420 µs, 12.3 ms, 1.53 s, 5m 03s, 1h 02m.
 * (The contract's `formatDuration` writes Prometheus durations; this is for display only.)
 */
export function formatSpanDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '?';
  }
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1) {
    return `${sign}${Math.round(abs * 1000)} µs`;
  }
  if (abs < 1000) {
    return `${sign}${abs < 10 ? abs.toFixed(2) : abs < 100 ? abs.toFixed(1) : Math.round(abs)} ms`;
  }
  const s = abs / 1000;
  if (s < 60) {
    return `${sign}${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  }
  const totalSeconds = Math.round(s);
  if (totalSeconds < 3600) {
    return `${sign}${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${sign}${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}
