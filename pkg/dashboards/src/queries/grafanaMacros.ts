/**
 * Grafana's query macros. The dashboards use them so that every figure follows the time range picked at
 * the top; the query test interpolates them as Grafana does.
 */
export const MACRO = {
  /** The whole time range picked at the top, e.g. `604800s`. */
  range: '$__range',
  /** A rate window that always spans at least four scrapes. */
  rateInterval: '$__rate_interval',
  /** The panel's step. */
  interval: '$__interval',
} as const;

/** A dashboard variable inside a PromQL string (Grafana expands a multi-value one to a regex). */
export function variableRef(name: string): string {
  return `$${name}`;
}
