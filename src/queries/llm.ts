import { LABEL, METRIC, TOKEN_TYPE, VALIDATION_RESULT, VALIDATOR, eq, range, selector } from '@hybridlens/conventions';
import { type FilterVariable, filterMatchers } from './filters';

/**
 * Every PromQL the LLM quality page runs, per model, from the contract's names and PromQL builder.
 * `window` is `$__range` for one number over the picked range, `$__rate_interval` for a trend.
 */

/** LLM series carry the model label only (no route, region or path). */
export const LLM_FILTERS: readonly FilterVariable[] = ['model'];

export const RANGE = '$__range';
export const RATE_INTERVAL = '$__rate_interval';

const BY_MODEL = `sum by (${LABEL.model})`;

const series = (name: string, extra: readonly string[] = []) =>
  selector(name, [...filterMatchers(LLM_FILTERS), ...extra]);

function validatorShare(validator: string, result: string, window: string): string {
  const all = series(METRIC.llmValidations.name, [eq(LABEL.validator, validator)]);
  const some = series(METRIC.llmValidations.name, [eq(LABEL.validator, validator), eq(LABEL.result, result)]);
  return `${BY_MODEL} (rate(${range(some, window)})) / ${BY_MODEL} (rate(${range(all, window)}))`;
}

/** Share of responses the hallucination detector failed, per model. */
export function hallucinationRate(window: string): string {
  return validatorShare(VALIDATOR.hallucination, VALIDATION_RESULT.fail, window);
}

/** Share of responses that passed the schema validator, per model. */
export function schemaCompliance(window: string): string {
  return validatorShare(VALIDATOR.schema, VALIDATION_RESULT.pass, window);
}

function histogramMean(name: string, by: string, window: string): string {
  return `${by} (rate(${range(series(`${name}_sum`), window)})) / ${by} (rate(${range(series(`${name}_count`), window)}))`;
}

function histogramP95(name: string, window: string): string {
  return `histogram_quantile(0.95, sum by (${LABEL.model}, le) (rate(${range(series(`${name}_bucket`), window)})))`;
}

/** Mean similarity of repeated answers (0..1), per model. */
export function responseConsistency(window: string): string {
  return histogramMean(METRIC.llmConsistencyScore.name, BY_MODEL, window);
}

/** Mean tokens per LLM call, per model and direction (input / output). */
export function tokensPerRequest(window: string): string {
  return histogramMean(METRIC.llmTokensPerRequest.name, `sum by (${LABEL.model}, ${LABEL.tokenType})`, window);
}

/** Mean tokens per LLM call in one direction, per model. */
export function tokensPerRequestOf(tokenType: (typeof TOKEN_TYPE)[keyof typeof TOKEN_TYPE], window: string): string {
  const sel = (suffix: string) =>
    series(`${METRIC.llmTokensPerRequest.name}_${suffix}`, [eq(LABEL.tokenType, tokenType)]);
  return `${BY_MODEL} (rate(${range(sel('sum'), window)})) / ${BY_MODEL} (rate(${range(sel('count'), window)}))`;
}

/** P95 LLM inference latency (cold starts included), per model. */
export function llmLatencyP95(window: string): string {
  return histogramP95(METRIC.llmInferenceDuration.name, window);
}

/** P95 time to the first streamed token (streaming calls only), per model. */
export function timeToFirstTokenP95(window: string): string {
  return histogramP95(METRIC.llmTimeToFirstToken.name, window);
}

/** Share of LLM calls that hit a cold instance, per model. */
export function coldStartShare(window: string): string {
  const cold = series(METRIC.llmColdStarts.name);
  const calls = series(`${METRIC.llmInferenceDuration.name}_count`);
  const callRate = `${BY_MODEL} (rate(${range(calls, window)}))`;
  // A model that never started cold has no counter series at all: 0, not "no data", for it.
  return `(${BY_MODEL} (rate(${range(cold, window)})) or 0 * ${callRate}) / ${callRate}`;
}
