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

/** Share of requests that ended in an error (0 when none did). */
export function errorRatio(): string {
  const errors = `sum(rate(${range(requests([eq(LABEL.outcome, REQUEST_OUTCOME.error)]), MACRO.rateInterval)}))`;
  return `(${errors} or vector(0)) / sum(rate(${range(requests(), MACRO.rateInterval)}))`;
}

/** 95th percentile of end-to-end latency by serving path. */
export function p95LatencyByPath(): string {
  const buckets = selector(`${METRIC.requestDuration.name}_bucket`);
  return `histogram_quantile(0.95, sum by (le, ${LABEL.path}) (rate(${range(buckets, MACRO.rateInterval)})))`;
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
  return `(${by} (rate(${range(failed, MACRO.rateInterval)})) or ${by} (rate(${range(all, MACRO.rateInterval)})) * 0) / ${by} (rate(${range(all, MACRO.rateInterval)}))`;
}

/** Share of LLM answers the hallucination check failed, by model. */
export function hallucinationRatioByModel(): string {
  return validationFailureRatio(VALIDATOR.hallucination);
}

/** Share of LLM answers that matched the response schema, by model. */
export function schemaComplianceByModel(): string {
  return `1 - (${validationFailureRatio(VALIDATOR.schema)})`;
}
