import { parseDurationOrThrow } from '@hybridlens/conventions';

/**
 * Grafana's interpolation of its query macros and dashboard variables, for running a dashboard's queries
 * against Prometheus outside Grafana. Follows Grafana's rules: `$__interval` is the time range divided by
 * the panel's data points, rounded to a "nice" step, never below the panel's min interval or the
 * datasource's scrape interval; `$__rate_interval` is max(`$__interval` + scrape, 4 × scrape).
 */

/** Grafana's nice steps (kbn.roundInterval), in seconds. */
const NICE_STEPS = [
  1, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800,
];

export interface InterpolationContext {
  rangeSeconds: number;
  scrapeSeconds: number;
  /** The panel's data points (its pixel width in Grafana). */
  maxDataPoints?: number;
  /** The panel's min interval, e.g. `1d`. */
  minInterval?: string;
  /** Dashboard variable values; a multi-value "All" becomes the variable's allValue. */
  variables: Record<string, string>;
}

export function intervalSeconds(ctx: InterpolationContext): number {
  const raw = ctx.rangeSeconds / (ctx.maxDataPoints ?? 1000);
  const nice = NICE_STEPS.find((s) => s >= raw) ?? NICE_STEPS[NICE_STEPS.length - 1]!;
  const min = ctx.minInterval ? parseDurationOrThrow(ctx.minInterval, 'panel interval') / 1000 : ctx.scrapeSeconds;
  return Math.max(nice, min);
}

export function interpolate(expr: string, ctx: InterpolationContext): string {
  const interval = intervalSeconds(ctx);
  const rateInterval = Math.max(interval + ctx.scrapeSeconds, 4 * ctx.scrapeSeconds);
  let out = expr
    .replaceAll('$__rate_interval', `${rateInterval}s`)
    .replaceAll('$__interval', `${interval}s`)
    .replaceAll('$__range', `${Math.round(ctx.rangeSeconds)}s`);
  for (const [name, value] of Object.entries(ctx.variables)) {
    out = out.replace(new RegExp(`\\$\\{${name}\\}|\\$${name}\\b`, 'g'), value);
  }
  const left = /\$\{?[a-zA-Z_]\w*/.exec(out);
  if (left) {
    throw new Error(`query keeps an uninterpolated variable ${left[0]}: ${out}`);
  }
  return out;
}

/** Seconds of a relative Grafana time range start (`now-7d`). */
export function relativeRangeSeconds(from: string): number {
  const m = /^now-(\w+)$/.exec(from);
  if (!m) {
    throw new Error(`default time range "${from}" is not now-<duration>`);
  }
  return parseDurationOrThrow(m[1]!, 'time.from') / 1000;
}
