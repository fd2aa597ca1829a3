import {
  ENQUEUE_SLO_THRESHOLD_SECONDS,
  FALLBACK_OUTCOME,
  JOB_OUTCOME,
  LABEL,
  LATENCY_SLO_THRESHOLD_SECONDS,
  METRIC,
  QPU_LATENCY_SLO_THRESHOLD_SECONDS,
  QUANTUM_PHASE,
  QUANTUM_PROVIDER,
  SIMULATOR_PROVIDERS,
  SLI_TYPE,
  SLO_PERIOD,
  VALIDATION_RESULT,
  VALIDATOR,
  WORKLOAD_PATHS,
  eq,
  leMatcher,
  neq,
  oneOf,
  selector,
} from '@hybridlens/conventions';
import { type LinkScope, type SliCounters, type SloSpec } from './spec';

const DEFAULTS = 'defaults';
const bucket = (histogram: string) => `${histogram}_bucket`;
const count = (histogram: string) => `${histogram}_count`;

/** Bad events needed in a long window before a burn-rate alert may fire. */
const MIN_BAD_REQUESTS = 5;
/** QPU jobs (and QPU-backed requests) are few: a single failed one must never page. */
const MIN_BAD_JOBS = 3;

/** Ops guide: QPU-driven workloads 95% (hardware variability), simulator-backed 98%. */
const QPU_JOB_SUCCESS = 0.95;
const SIMULATOR_JOB_SUCCESS = 0.98;
/** Ops guide: 99% of low-latency requests under 2 s. */
const LOW_LATENCY_OBJECTIVE = 0.99;
/** QPU-backed requests wait for the provider queue: a looser objective at a looser threshold. */
const QPU_LATENCY_OBJECTIVE = 0.95;

/**
 * Requests of one workload class under a latency threshold: the request-duration histogram's bucket at the
 * threshold over its count, both restricted to the class's request paths.
 */
function requestLatencySli(paths: readonly string[], thresholdSeconds: number): SliCounters {
  const h = METRIC.requestDuration.name;
  const scope = oneOf(LABEL.path, paths);
  return { total: selector(count(h), [scope]), good: selector(bucket(h), [scope, leMatcher(thresholdSeconds)]) };
}

function pathScope(paths: readonly string[]): LinkScope {
  return { path: paths.length === 1 ? paths[0]! : paths };
}

function latency(): SloSpec {
  return {
    name: 'end-to-end-latency',
    displayName: `End-to-end latency under ${LATENCY_SLO_THRESHOLD_SECONDS} s (low-latency paths)`,
    service: 'hybrid-pipeline',
    sliType: SLI_TYPE.latency,
    description:
      `Fraction of low-latency requests (served by the ${WORKLOAD_PATHS.lowLatency.join(', ')} paths) answered in under ` +
      `${LATENCY_SLO_THRESHOLD_SECONDS} s, ingress to response. QPU-backed requests have their own objective.`,
    objective: LOW_LATENCY_OBJECTIVE,
    period: SLO_PERIOD,
    sli: requestLatencySli(WORKLOAD_PATHS.lowLatency, LATENCY_SLO_THRESHOLD_SECONDS),
    minBadEvents: MIN_BAD_REQUESTS,
    scope: pathScope(WORKLOAD_PATHS.lowLatency),
    source: DEFAULTS,
  };
}

function qpuLatency(): SloSpec {
  return {
    name: 'qpu-request-latency',
    displayName: `QPU-backed request latency under ${QPU_LATENCY_SLO_THRESHOLD_SECONDS} s`,
    service: 'hybrid-pipeline',
    sliType: SLI_TYPE.latency,
    description:
      `Fraction of requests served by a QPU answered in under ${QPU_LATENCY_SLO_THRESHOLD_SECONDS} s, ingress to ` +
      'response: room for the provider queue, compilation and execution.',
    objective: QPU_LATENCY_OBJECTIVE,
    period: SLO_PERIOD,
    sli: requestLatencySli(WORKLOAD_PATHS.quantumHardware, QPU_LATENCY_SLO_THRESHOLD_SECONDS),
    minBadEvents: MIN_BAD_JOBS,
    scope: pathScope(WORKLOAD_PATHS.quantumHardware),
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
      total: selector(jobs, [eq(LABEL.provider, provider), neq(LABEL.outcome, JOB_OUTCOME.cancelled)]),
      bad: selector(jobs, [eq(LABEL.provider, provider), eq(LABEL.outcome, JOB_OUTCOME.error)]),
    },
    minBadEvents: MIN_BAD_JOBS,
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
    scope: {},
    source: DEFAULTS,
  };
}

/**
 * The providers the default deployment runs quantum jobs on, each with a job-success SLO. The ops guide sets
 * job-success SLOs for the workloads that run (simulator-backed 98%, QPU-driven 95%). Not Google Quantum AI: it
 * offers no public pay-per-use access, so the simulator routes it no jobs (its calibration is exported all the
 * same) and its SLO would read "no events" forever. A deployment that runs jobs there adds the SLO in a spec file.
 */
export const JOB_SUCCESS_PROVIDERS: readonly string[] = Object.values(QUANTUM_PROVIDER).filter(
  (provider) => provider !== QUANTUM_PROVIDER.google
);

/**
 * The ops guide's SLIs and SLOs ("Suggested SLIs and SLOs"): latency per workload class, one job-success
 * SLO per provider jobs run on, schema compliance, queueing and fallback availability. Playbooks come from the
 * SLI type.
 */
export function defaultSpecs(): SloSpec[] {
  return [
    latency(),
    qpuLatency(),
    ...JOB_SUCCESS_PROVIDERS.map(quantumJobSuccess),
    schemaCompliance(),
    queueing(),
    fallbackAvailability(),
  ];
}
