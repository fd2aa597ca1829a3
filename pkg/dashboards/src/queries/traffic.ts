import {
  LABEL,
  METRIC,
  REQUEST_OUTCOME,
  VALIDATION_RESULT,
  VALIDATOR,
  eq,
  neq,
  range,
  selector,
} from '@hybridlens/conventions';
import { MACRO } from './grafanaMacros';

const requests = (matchers: string[] = []) => selector(METRIC.requests.name, matchers);

/** `increase` over the time range, optionally the same length of time earlier (`offset $__range`). */
export function increaseOverRange(sel: string, previous = false): string {
  return `increase(${range(sel, MACRO.range)}${previous ? ` offset ${MACRO.range}` : ''})`;
}

/** Requests finished in the time range (or in the period before it). */
export function requestsInRange(previous = false): string {
  return `sum(${increaseOverRange(requests(), previous)})`;
}

/** Share of requests answered without an error (served by a fallback counts as served). */
export function servedRatioInRange(previous = false): string {
  return `sum(${increaseOverRange(requests([neq(LABEL.outcome, REQUEST_OUTCOME.error)]), previous)}) / ${requestsInRange(previous)}`;
}

/** Relative change from the period before: 0.1 = 10 % more. */
export function relativeChange(current: string, previous: string): string {
  return `(${current}) / (${previous}) - 1`;
}

/** Requests per panel step, for a volume chart. */
export function requestsPerStep(): string {
  return `sum(increase(${range(requests(), MACRO.interval)}))`;
}

/** Requests per second by the path that served them. */
export function requestRateByPath(): string {
  return `sum by (${LABEL.path}) (rate(${range(requests(), MACRO.rateInterval)}))`;
}

/**
 * A rate in the denominator of a ratio, kept only where it is above 0: a window without events then has no point
 * (a gap in the chart) instead of 0 / 0 = NaN, which a chart cannot draw and a reader cannot read.
 */
export function positive(rateExpr: string): string {
  return `(${rateExpr} > 0)`;
}

/** Share of requests that ended in an error (0 when none did; no point where no request finished). */
export function errorRatio(): string {
  const errors = `sum(rate(${range(requests([eq(LABEL.outcome, REQUEST_OUTCOME.error)]), MACRO.rateInterval)}))`;
  return `(${errors} or vector(0)) / ${positive(`sum(rate(${range(requests(), MACRO.rateInterval)}))`)}`;
}

/**
 * 95th percentile of end-to-end latency by serving path, for the paths that finished a request in the window
 * (histogram_quantile over buckets that all grew by 0 is NaN).
 */
export function p95LatencyByPath(): string {
  const buckets = selector(`${METRIC.requestDuration.name}_bucket`);
  const finished = selector(`${METRIC.requestDuration.name}_count`);
  const served = positive(`sum by (${LABEL.path}) (rate(${range(finished, MACRO.rateInterval)}))`);
  return `histogram_quantile(0.95, sum by (le, ${LABEL.path}) (rate(${range(buckets, MACRO.rateInterval)})) and on (${LABEL.path}) ${served})`;
}

/** Fallback uses per second, from which path to which and why. */
export function fallbackRate(): string {
  return `sum by (${LABEL.fromPath}, ${LABEL.toPath}, ${LABEL.reason}) (rate(${range(selector(METRIC.fallbacks.name), MACRO.rateInterval)}))`;
}

function validationFailureRatio(validator: string): string {
  const all = selector(METRIC.llmValidations.name, [eq(LABEL.validator, validator)]);
  const failed = selector(METRIC.llmValidations.name, [
    eq(LABEL.validator, validator),
    eq(LABEL.result, VALIDATION_RESULT.fail),
  ]);
  const by = `sum by (${LABEL.model})`;
  const allRate = `${by} (rate(${range(all, MACRO.rateInterval)}))`;
  return `(${by} (rate(${range(failed, MACRO.rateInterval)})) or ${allRate} * 0) / ${positive(allRate)}`;
}

/** Share of LLM answers the hallucination check failed, by model. */
export function hallucinationRatioByModel(): string {
  return validationFailureRatio(VALIDATOR.hallucination);
}

/** Share of LLM answers that matched the response schema, by model. */
export function schemaComplianceByModel(): string {
  return `1 - (${validationFailureRatio(VALIDATOR.schema)})`;
}
