import { LABEL, METRIC } from '@hybridlens/conventions';

/** Every PromQL expression the app runs is built here, from the contract's names. */

/** Requests per second by outcome. */
export function requestRateByOutcome(): string {
  return `sum by (${LABEL.outcome}) (rate(${METRIC.requests.name}[$__rate_interval]))`;
}

/** Whether the contract's request metric exists at all (used by wiring checks). */
export function contractPresence(): string {
  return `count(${METRIC.requests.name})`;
}
