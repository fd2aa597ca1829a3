import { CALIBRATION_METRIC } from './calibrationMetrics';
import { LABEL } from './labels';
import { LOG_FIELD } from './logs';
import { METRIC } from './metrics';
import { GEN_AI_ATTR, LLM_ATTR, QUANTUM_ATTR, SPAN } from './spans';

export interface OpsGuideMapping {
  /** The name as the ops guide writes it. */
  readonly opsGuide: string;
  readonly kind: 'metric' | 'label' | 'span' | 'attribute' | 'log field';
  /** The contract's name. */
  readonly contract: string;
  /** How the contract expresses it when it is not a one-to-one rename. */
  readonly note?: string;
}

const m = (opsGuide: string, contract: string, note?: string): OpsGuideMapping => ({
  opsGuide,
  kind: 'metric',
  contract,
  note,
});
const a = (opsGuide: string, contract: string, note?: string): OpsGuideMapping => ({
  opsGuide,
  kind: 'attribute',
  contract,
  note,
});

/** How each name in the ops guide's telemetry blueprint maps onto the contract. */
export const OPS_GUIDE_MAP: readonly OpsGuideMapping[] = [
  m('request_count', METRIC.requests.name, 'sum over all outcomes'),
  m('request_success_count', METRIC.requests.name, 'outcome="ok" or "degraded"'),
  m('request_error_count', METRIC.requests.name, 'outcome="error"'),
  { opsGuide: 'model_id', kind: 'label', contract: LABEL.model },
  {
    opsGuide: 'tenant',
    kind: 'label',
    contract: LABEL.tenant,
    note: 'kept off metrics by default (cardinality); on spans as hybrid.tenant',
  },
  m('request_latency_seconds', METRIC.requestDuration.name, 'histogram; bucket at exactly 2 s'),
  m('end_to_end_latency', METRIC.requestDuration.name),
  m('llm_inference_latency_seconds', METRIC.llmInferenceDuration.name),
  m('quantum_job_latency_seconds', METRIC.quantumJobDuration.name, 'phase = enqueue | compile | execute | total'),
  m('job_enqueue_latency', METRIC.quantumJobDuration.name, 'phase="enqueue"'),
  m('quantum_job_success_rate', METRIC.quantumJobs.name, 'outcome="success" / all outcomes'),
  m('quantum_error_rate', METRIC.quantumJobErrors.name, 'by error_type, over hybrid_quantum_jobs_total'),
  m('quantum_errors_total', METRIC.quantumJobErrors.name),
  m('shots_per_job', METRIC.quantumJobShots.name),
  m('average_fidelity', METRIC.quantumJobFidelity.name, 'sum / count of the histogram'),
  m('coherence_margin_seconds', METRIC.quantumCoherenceMargin.name),
  m('job_queue_length', METRIC.quantumQueueLength.name),
  m('quantum_job_queue_length', METRIC.quantumQueueLength.name),
  m('job_backlog_seconds', METRIC.quantumQueueBacklog.name),
  m('provider_rate_limit_remaining', METRIC.providerRateLimitRemaining.name),
  m('hallucination_rate', METRIC.llmValidations.name, 'validator="hallucination": result="fail" / all'),
  m('schema compliance', METRIC.llmValidations.name, 'validator="schema": result="pass" / all'),
  m('response_consistency_score', METRIC.llmConsistencyScore.name),
  m('token_usage_per_request', METRIC.llmTokensPerRequest.name, 'token_type = input | output'),
  m('fallback path use', METRIC.fallbacks.name, 'outcome = success | failure'),
  m('estimated quantum spend', METRIC.quantumSpend.name),
  m('T1/T2, gate fidelity, readout', CALIBRATION_METRIC.qubitT1.name, 'and the other hybrid_calibration_* series'),
  { opsGuide: 'ingress.request … postprocess.aggregation', kind: 'span', contract: Object.values(SPAN).join(', ') },
  a('provider_job_id', QUANTUM_ATTR.jobId.key),
  a('provider_name', QUANTUM_ATTR.provider.key),
  a('shot_count', QUANTUM_ATTR.shots.key),
  a('transpiler_options', QUANTUM_ATTR.transpilerOptions.key),
  a('simulator_flag', QUANTUM_ATTR.simulator.key),
  a('calibration_version', QUANTUM_ATTR.calibrationVersion.key),
  a('prompt_hash', LLM_ATTR.promptHash.key, 'a hash prefix; the prompt never leaves the process'),
  a('model version', GEN_AI_ATTR.responseModel.key),
  { opsGuide: 'provider_job_id (logs)', kind: 'log field', contract: LOG_FIELD.providerJobId },
  {
    opsGuide: 'short payload hashes (logs)',
    kind: 'log field',
    contract: [LOG_FIELD.promptHash, LOG_FIELD.outputHash, LOG_FIELD.resultHash].join(', '),
  },
];
