import {
  CALIBRATION_METRIC,
  EXECUTION_PATH,
  LABEL,
  METRIC,
  QUANTUM_ERROR_TYPE,
  QUANTUM_PHASE,
  REQUEST_OUTCOME,
  TOKEN_TYPE,
  VALIDATION_RESULT,
  VALIDATOR,
  VARIABLE,
  WORKLOAD_PATHS,
  eq,
  oneOf,
  range,
  selector,
} from '@hybridlens/conventions';
import { fromVariable } from './filters';

/**
 * The live checks of the playbook steps: instant PromQL over a short recent window (what holds now, as the
 * alerts see it), one series per provider / backend / model, scoped by the page's variables.
 */

/** The window a check looks back over: the alerts' own 10 minutes. */
export const CHECK_WINDOW = '10m';

const provider = () => fromVariable(LABEL.provider, VARIABLE.provider);
const backend = () => fromVariable(LABEL.backend, VARIABLE.backend);
const model = () => fromVariable(LABEL.model, VARIABLE.model);
const quantumScope = () => [provider(), backend()];

const increase = (sel: string, by: readonly string[]) =>
  `sum by (${by.join(', ')}) (increase(${range(sel, CHECK_WINDOW)}))`;
/** A ratio of counts that is only defined with traffic, never NaN. */
const ratio = (num: string, den: string) => `(${num} / (${den} > 0))`;

const PB = [LABEL.provider, LABEL.backend];

/** Jobs waiting in the provider queue, per backend. */
export function queueLength(): string {
  return `max by (${PB.join(', ')}) (${selector(METRIC.quantumQueueLength.name, quantumScope())})`;
}

/** Estimated seconds to drain the backend queue. */
export function queueBacklog(): string {
  return `max by (${PB.join(', ')}) (${selector(METRIC.quantumQueueBacklog.name, quantumScope())})`;
}

/** Requests left in the provider's rate-limit window. */
export function rateLimitRemaining(): string {
  return `min by (${LABEL.provider}) (${selector(METRIC.providerRateLimitRemaining.name, [provider()])})`;
}

/** Provider API calls answered 429 over the window. */
export function rateLimitedCalls(): string {
  return increase(selector(METRIC.providerRateLimited.name, [provider()]), [LABEL.provider]);
}

/** What the provider's status API reports per backend: 1 online, 0 down. */
export function providerAvailable(): string {
  return `min by (${PB.join(', ')}) (${selector(METRIC.providerAvailable.name, quantumScope())})`;
}

/** P95 of one quantum job phase, per backend. */
export function phaseP95(phase: (typeof QUANTUM_PHASE)[keyof typeof QUANTUM_PHASE]): string {
  const sel = selector(`${METRIC.quantumJobDuration.name}_bucket`, [...quantumScope(), eq(LABEL.phase, phase)]);
  return `histogram_quantile(0.95, sum by (${PB.join(', ')}, le) (rate(${range(sel, CHECK_WINDOW)})))`;
}

/** Share of jobs that failed with one error type, per backend. */
export function jobErrorShare(errorType?: string): string {
  const errors = selector(METRIC.quantumJobErrors.name, [
    ...quantumScope(),
    ...(errorType ? [eq(LABEL.errorType, errorType)] : []),
  ]);
  const jobs = selector(METRIC.quantumJobs.name, quantumScope());
  return ratio(increase(errors, PB), increase(jobs, PB));
}

export function hardwareFailureShare(): string {
  return jobErrorShare(QUANTUM_ERROR_TYPE.hardwareFailure);
}

/** Mean shots per job, per backend: shows a shot reduction taking effect. */
export function meanShots(): string {
  const sum = selector(`${METRIC.quantumJobShots.name}_sum`, quantumScope());
  const count = selector(`${METRIC.quantumJobShots.name}_count`, quantumScope());
  return ratio(increase(sum, PB), increase(count, PB));
}

/** Fallbacks per second by the path that took over, and whether it served the request. */
export function fallbackRate(): string {
  return `sum by (${LABEL.toPath}, ${LABEL.outcome}) (rate(${range(selector(METRIC.fallbacks.name), CHECK_WINDOW)}))`;
}

/** Routing decisions to the simulator per second, by reason (a forced simulator shows as a flag reason). */
export function simulatorDecisions(): string {
  const sel = selector(METRIC.orchestratorDecisions.name, [eq(LABEL.path, EXECUTION_PATH.simulator)]);
  return `sum by (${LABEL.reason}) (rate(${range(sel, CHECK_WINDOW)}))`;
}

/** Share of requests served degraded (by a fallback path). */
export function degradedShare(): string {
  const all = selector(METRIC.requests.name);
  const degraded = selector(METRIC.requests.name, [eq(LABEL.outcome, REQUEST_OUTCOME.degraded)]);
  return ratio(`sum (increase(${range(degraded, CHECK_WINDOW)}))`, `sum (increase(${range(all, CHECK_WINDOW)}))`);
}

/** Share of requests that ended in error. */
export function requestErrorShare(): string {
  const all = selector(METRIC.requests.name);
  const errors = selector(METRIC.requests.name, [eq(LABEL.outcome, REQUEST_OUTCOME.error)]);
  return ratio(`sum (increase(${range(errors, CHECK_WINDOW)}))`, `sum (increase(${range(all, CHECK_WINDOW)}))`);
}

/** End-to-end P95 of the low-latency paths, per path. */
export function lowLatencyP95(): string {
  const sel = selector(`${METRIC.requestDuration.name}_bucket`, [oneOf(LABEL.path, WORKLOAD_PATHS.lowLatency)]);
  return `histogram_quantile(0.95, sum by (${LABEL.path}, le) (rate(${range(sel, CHECK_WINDOW)})))`;
}

/** P95 duration of each lifecycle span: which stage is slow. */
export function spanP95(): string {
  const sel = selector(`${METRIC.requestSpanDuration.name}_bucket`);
  return `histogram_quantile(0.95, sum by (${LABEL.span}, le) (rate(${range(sel, CHECK_WINDOW)})))`;
}

function validatorShare(validator: string, result: string): string {
  const all = selector(METRIC.llmValidations.name, [model(), eq(LABEL.validator, validator)]);
  const some = selector(METRIC.llmValidations.name, [
    model(),
    eq(LABEL.validator, validator),
    eq(LABEL.result, result),
  ]);
  return ratio(increase(some, [LABEL.model]), increase(all, [LABEL.model]));
}

/** Share of responses the hallucination detector failed, per model. */
export function hallucinationShare(): string {
  return validatorShare(VALIDATOR.hallucination, VALIDATION_RESULT.fail);
}

/** Share of responses that failed the schema validator, per model. */
export function schemaFailureShare(): string {
  return validatorShare(VALIDATOR.schema, VALIDATION_RESULT.fail);
}

/** Mean output tokens per call now, against the same window a day earlier, per model (1 = unchanged). */
export function outputTokenGrowth(): string {
  const sel = (suffix: string) =>
    selector(`${METRIC.llmTokensPerRequest.name}_${suffix}`, [model(), eq(LABEL.tokenType, TOKEN_TYPE.output)]);
  const mean = (offset: string) =>
    `(sum by (${LABEL.model}) (increase(${range(sel('sum'), CHECK_WINDOW)}${offset})) / (sum by (${LABEL.model}) (increase(${range(sel('count'), CHECK_WINDOW)}${offset})) > 0))`;
  return `${mean('')} / ${mean(' offset 1d')}`;
}

/** Mean consistency of repeated answers, per model. */
export function consistency(): string {
  const sum = selector(`${METRIC.llmConsistencyScore.name}_sum`, [model()]);
  const count = selector(`${METRIC.llmConsistencyScore.name}_count`, [model()]);
  return ratio(increase(sum, [LABEL.model]), increase(count, [LABEL.model]));
}

/** Median two-qubit gate error now, against its own 24-hour average (1 = unchanged), per backend. */
export function twoQubitErrorDrift(): string {
  const sel = selector(CALIBRATION_METRIC.median2qError.name, quantumScope());
  return `max by (${PB.join(', ')}) (${sel}) / max by (${PB.join(', ')}) (avg_over_time(${range(sel, '24h')}))`;
}

/** Median T1 now, against its own 24-hour average (below 1 = coherence dropped), per backend. */
export function t1Drift(): string {
  const sel = selector(CALIBRATION_METRIC.medianT1.name, quantumScope());
  return `min by (${PB.join(', ')}) (${sel}) / min by (${PB.join(', ')}) (avg_over_time(${range(sel, '24h')}))`;
}

/** Mean estimated fidelity of finished jobs, per backend (simulator divergence compares paths). */
export function meanFidelity(): string {
  const sum = selector(`${METRIC.quantumJobFidelity.name}_sum`, quantumScope());
  const count = selector(`${METRIC.quantumJobFidelity.name}_count`, quantumScope());
  return ratio(increase(sum, PB), increase(count, PB));
}

/**
 * How far back the "what changed" checks of playbook C look: a drift is often noticed hours after the release
 * that caused it.
 */
export const CHANGE_WINDOW = '6h';

/**
 * Distinct values of one version label of hybrid_llm_model_info per model over the change window: the SDK
 * replaces the model's series when either version changes, so more than one value means a change (a rollout, or
 * one and its rollback).
 */
function versionsServed(versionLabel: string): string {
  const sel = selector(METRIC.llmModelInfo.name, [model()]);
  return `count by (${LABEL.model}) (count by (${LABEL.model}, ${versionLabel}) (count_over_time(${range(sel, CHANGE_WINDOW)})))`;
}

/** Model versions (the provider's snapshot behind the model name) served per model over the change window. */
export function modelVersionsServed(): string {
  return versionsServed(LABEL.modelVersion);
}

/** Prompt-template versions in use per model over the change window. */
export function promptTemplateVersionsServed(): string {
  return versionsServed(LABEL.promptTemplateVersion);
}
