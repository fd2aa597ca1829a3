import { rangeUtil } from '@grafana/data';

/** Grafana's Prometheus default scrape interval when the datasource does not set `timeInterval`. */
export const DEFAULT_SCRAPE_INTERVAL_SECONDS = 15;

/** Prometheus refuses more than 11,000 points per series; Grafana's datasource raises the step to stay below. */
const MAX_POINTS = 11_000;

/**
 * The step Grafana's Prometheus datasource sends: the panel's interval, at least the query's min interval
 * (or the scrape interval), at least range / 11000, in whole seconds.
 */
export function stepSeconds(
  intervalMs: number,
  rangeSeconds: number,
  minInterval: string | undefined,
  scrapeSeconds: number
): number {
  const min = minInterval ? rangeUtil.intervalToSeconds(minInterval) : scrapeSeconds;
  return Math.max(Math.ceil(intervalMs / 1000), min, Math.ceil(rangeSeconds / MAX_POINTS), 1);
}

/** `$__rate_interval` as Grafana defines it: max(interval + scrape interval, 4 × scrape interval). */
export function rateIntervalSeconds(stepS: number, scrapeSeconds: number): number {
  return Math.max(stepS + scrapeSeconds, 4 * scrapeSeconds);
}

/** Range start / end aligned to the step, as Grafana does so that refreshes hit the same points. */
export function alignRange(fromS: number, toS: number, stepS: number): { start: number; end: number } {
  return { start: Math.floor(fromS / stepS) * stepS, end: Math.floor(toS / stepS) * stepS };
}
