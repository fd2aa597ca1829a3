import {
  ENQUEUE_SLO_THRESHOLD_SECONDS,
  FALLBACK_OUTCOME,
  JOB_OUTCOME,
  LABEL,
  LATENCY_SLO_THRESHOLD_SECONDS,
  METRIC,
  PLAYBOOK,
  QUANTUM_PHASE,
  QUANTUM_PROVIDER,
  SIMULATOR_PROVIDERS,
  SLI_TYPE,
  SLO_PERIOD,
  VALIDATION_RESULT,
  VALIDATOR,
} from '@hybridlens/conventions';
import { eq, leMatcher, selector } from './promql';
import { type SloSpec } from './spec';

const DEFAULTS = 'defaults';
const bucket = (histogram: string) => `${histogram}_bucket`;
const count = (histogram: string) => `${histogram}_count`;

/** Bad events needed in a long window before a burn-rate alert may fire. */
const MIN_BAD_REQUESTS = 5;
/** QPU jobs are few: a single failed job must never page. */
const MIN_BAD_JOBS = 3;

/** Ops guide: QPU-driven workloads 95% (hardware variability), simulator-backed 98%. */
const QPU_JOB_SUCCESS = 0.95;
const SIMULATOR_JOB_SUCCESS = 0.98;

function latency(): SloSpec {
  const h = METRIC.requestDuration.name;
  return {
    name: 'end-to-end-latency',
    displayName: `End-to-end latency under ${LATENCY_SLO_THRESHOLD_SECONDS} s`,
    service: 'hybrid-pipeline',
    sliType: SLI_TYPE.latency,
    description: `Fraction of hybrid requests answered in under ${LATENCY_SLO_THRESHOLD_SECONDS} s, ingress to response.`,
    objective: 0.99,
    period: SLO_PERIOD,
    sli: { total: count(h), good: selector(bucket(h), [leMatcher(LATENCY_SLO_THRESHOLD_SECONDS)]) },
    minBadEvents: MIN_BAD_REQUESTS,
    playbook: PLAYBOOK.latency,
    scope: {},
    source: DEFAULTS,
  };
}

function quantumJobSuccess(provider: string): SloSpec {
  const simulator = SIMULATOR_PROVIDERS.includes(provider);
  const jobs = METRIC.quantumJobs.name;
  return {
    name: `quantum-job-success-${provider}`,
    displayName: `Quantum job success (${provider}, ${simulator ? 'simulator' : 'QPU'})`,
    service: 'quantum',
    sliType: SLI_TYPE.quantumJobSuccess,
    description: `Fraction of ${provider} quantum jobs that return a valid result (${simulator ? 'simulator-backed' : 'QPU-driven'}).`,
    objective: simulator ? SIMULATOR_JOB_SUCCESS : QPU_JOB_SUCCESS,
    period: SLO_PERIOD,
    // Cancelled jobs are neither good nor bad: the user withdrew them.
    sli: {
      total: selector(jobs, [eq(LABEL.provider, provider), `${LABEL.outcome}!="${JOB_OUTCOME.cancelled}"`]),
      bad: selector(jobs, [eq(LABEL.provider, provider), eq(LABEL.outcome, JOB_OUTCOME.error)]),
    },
    minBadEvents: MIN_BAD_JOBS,
    playbook: PLAYBOOK.quantumErrors,
    scope: { provider },
    source: DEFAULTS,
  };
}

function schemaCompliance(): SloSpec {
  const v = METRIC.llmValidations.name;
  return {
    name: 'llm-schema-compliance',
    displayName: 'LLM schema compliance',
    service: 'llm',
    sliType: SLI_TYPE.schemaCompliance,
    description: 'Fraction of LLM responses that pass the schema validator.',
    objective: 0.99,
    period: SLO_PERIOD,
    sli: {
      total: selector(v, [eq(LABEL.validator, VALIDATOR.schema)]),
      bad: selector(v, [eq(LABEL.validator, VALIDATOR.schema), eq(LABEL.result, VALIDATION_RESULT.fail)]),
    },
    minBadEvents: MIN_BAD_REQUESTS,
    playbook: PLAYBOOK.llmDrift,
    scope: {},
    source: DEFAULTS,
  };
}

function queueing(): SloSpec {
  const h = METRIC.quantumJobDuration.name;
  const enqueue = eq(LABEL.phase, QUANTUM_PHASE.enqueue);
  return {
    name: 'quantum-enqueue-latency',
    displayName: `Quantum enqueue under ${ENQUEUE_SLO_THRESHOLD_SECONDS} s`,
    service: 'quantum',
    sliType: SLI_TYPE.queueing,
    // "enqueue latency P95 < X" is the same promise as "95% of enqueues finish within X".
    description: `Fraction of quantum job submissions whose enqueue phase finishes within ${ENQUEUE_SLO_THRESHOLD_SECONDS} s (P95 target).`,
    objective: 0.95,
    period: SLO_PERIOD,
    sli: {
      total: selector(count(h), [enqueue]),
      good: selector(bucket(h), [enqueue, leMatcher(ENQUEUE_SLO_THRESHOLD_SECONDS)]),
    },
    minBadEvents: MIN_BAD_JOBS,
    playbook: PLAYBOOK.queueSaturation,
    scope: {},
    source: DEFAULTS,
  };
}

function fallbackAvailability(): SloSpec {
  const f = METRIC.fallbacks.name;
  return {
    name: 'fallback-availability',
    displayName: 'Fallback path availability',
    service: 'hybrid-pipeline',
    sliType: SLI_TYPE.fallback,
    // The guide asks for 100%, which leaves no error budget to burn; 99.9% is the tightest SLO that can alert on burn.
    description: 'Fraction of fallback attempts (simulator or classical path) that served the request.',
    objective: 0.999,
    period: SLO_PERIOD,
    sli: { total: f, bad: selector(f, [eq(LABEL.outcome, FALLBACK_OUTCOME.failure)]) },
    minBadEvents: MIN_BAD_JOBS,
    playbook: PLAYBOOK.providerOutage,
    scope: {},
    source: DEFAULTS,
  };
}

/** The ops guide's SLIs and SLOs ("Suggested SLIs and SLOs"), one job-success SLO per provider. */
export function defaultSpecs(): SloSpec[] {
  return [
    latency(),
    ...Object.values(QUANTUM_PROVIDER).map(quantumJobSuccess),
    schemaCompliance(),
    queueing(),
    fallbackAvailability(),
  ];
}
