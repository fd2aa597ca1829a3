import { LABEL as L } from './labels';
import { defineMetrics } from './metricTypes';

/** The end-to-end latency SLO threshold of low-latency workloads; a histogram bucket sits exactly on it. */
export const LATENCY_SLO_THRESHOLD_SECONDS = 2;
/**
 * The end-to-end latency SLO threshold of QPU-backed requests: room for the provider queue, compilation
 * and execution (a histogram bucket sits exactly on it).
 */
export const QPU_LATENCY_SLO_THRESHOLD_SECONDS = 60;

export const REQUEST_DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30, 60, 120, 300] as const;
/** Start offsets and durations of lifecycle spans inside a request (lifecycle waterfall). */
export const REQUEST_SPAN_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] as const;
export const TIME_TO_FIRST_TOKEN_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10] as const;
export const LLM_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30] as const;
export const QUANTUM_PHASE_BUCKETS = [
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600,
] as const;
export const TOKEN_BUCKETS = [16, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384] as const;
export const SHOT_BUCKETS = [100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 100000] as const;
export const RATIO_BUCKETS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 1] as const;

/**
 * Metrics a hybrid service emits (through @hybridlens/instrument) and the simulator reproduces.
 * Label sets are closed: emitters must set exactly these labels.
 */
export const METRIC = defineMetrics({
  requests: {
    name: 'hybrid_requests_total',
    type: 'counter',
    unit: 'requests',
    help: 'Hybrid requests finished, by outcome (ok, degraded = served by a fallback path, error) and the path that served them (qpu, simulator, classical; none = ended before routing).',
    labels: [L.route, L.model, L.region, L.path, L.outcome],
    emitter: 'service',
  },
  requestDuration: {
    name: 'hybrid_request_duration_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'End-to-end request latency from ingress to response, by the path that served the request. Buckets sit at exactly 2 s and 60 s for the latency SLOs.',
    labels: [L.route, L.model, L.region, L.path],
    buckets: REQUEST_DURATION_BUCKETS,
    emitter: 'service',
  },
  requestSpanStartOffset: {
    name: 'hybrid_request_span_start_offset_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'When each lifecycle span started, counted from the start of its request (one observation per span; a request with two quantum jobs observes the quantum spans twice). Labelled like the request (route, model, region, served path) plus the provider of the quantum job on the served path (none for classical requests and requests that ended before routing).',
    labels: [L.route, L.model, L.region, L.path, L.provider, L.span],
    buckets: REQUEST_SPAN_BUCKETS,
    emitter: 'service',
  },
  requestSpanDuration: {
    name: 'hybrid_request_span_duration_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'Duration of each lifecycle span of a request (one observation per span). Same labels as the start offsets.',
    labels: [L.route, L.model, L.region, L.path, L.provider, L.span],
    buckets: REQUEST_SPAN_BUCKETS,
    emitter: 'service',
  },
  llmInferenceDuration: {
    name: 'hybrid_llm_inference_duration_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'LLM inference latency per call, cold starts included.',
    labels: [L.model, L.genAiProvider],
    buckets: LLM_DURATION_BUCKETS,
    emitter: 'service',
  },
  llmTimeToFirstToken: {
    name: 'hybrid_llm_time_to_first_token_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'Time from the LLM call to the first streamed token (calls that stream only).',
    labels: [L.model, L.genAiProvider],
    buckets: TIME_TO_FIRST_TOKEN_BUCKETS,
    emitter: 'service',
  },
  llmColdStarts: {
    name: 'hybrid_llm_cold_starts_total',
    type: 'counter',
    unit: '1',
    help: 'LLM calls that hit a cold model instance.',
    labels: [L.model, L.genAiProvider],
    emitter: 'service',
  },
  llmTokensPerRequest: {
    name: 'hybrid_llm_request_tokens',
    type: 'histogram',
    unit: 'tokens',
    help: 'Tokens used per LLM call, by direction (input, output).',
    labels: [L.model, L.tokenType],
    buckets: TOKEN_BUCKETS,
    emitter: 'service',
  },
  llmValidations: {
    name: 'hybrid_llm_validations_total',
    type: 'counter',
    unit: '1',
    help: 'Automated validator verdicts on LLM responses (validator = schema | hallucination; result = pass | fail).',
    labels: [L.model, L.validator, L.result],
    emitter: 'service',
  },
  llmConsistencyScore: {
    name: 'hybrid_llm_response_consistency_score',
    type: 'histogram',
    unit: 'ratio',
    help: 'Similarity of repeated answers to the same request, 0..1.',
    labels: [L.model],
    buckets: RATIO_BUCKETS,
    emitter: 'service',
  },
  llmModelInfo: {
    name: 'hybrid_llm_model_info',
    type: 'gauge',
    unit: '1',
    help: 'Always 1: the model version and prompt-template version in use for each model name, one series per model; a change of either replaces the series (the LLM quality page annotates each change).',
    labels: [L.model, L.modelVersion, L.promptTemplateVersion],
    emitter: 'service',
  },
  orchestratorDecisions: {
    name: 'hybrid_orchestrator_decisions_total',
    type: 'counter',
    unit: '1',
    help: 'Routing decisions of the orchestrator, by chosen path (qpu, simulator, classical) and reason.',
    labels: [L.path, L.reason],
    emitter: 'service',
  },
  fallbacks: {
    name: 'hybrid_fallbacks_total',
    type: 'counter',
    unit: '1',
    help: 'Fallback path uses: from the primary path to the fallback path, why, and whether the fallback served the request.',
    labels: [L.fromPath, L.toPath, L.reason, L.outcome],
    emitter: 'service',
  },
  quantumJobDuration: {
    name: 'hybrid_quantum_job_duration_seconds',
    type: 'histogram',
    unit: 'seconds',
    help: 'Quantum job latency by phase (enqueue, compile, execute, total).',
    labels: [L.provider, L.backend, L.phase],
    buckets: QUANTUM_PHASE_BUCKETS,
    emitter: 'service',
  },
  quantumJobs: {
    name: 'hybrid_quantum_jobs_total',
    type: 'counter',
    unit: 'jobs',
    help: 'Quantum jobs finished, by outcome (success, error, cancelled).',
    labels: [L.provider, L.backend, L.outcome],
    emitter: 'service',
  },
  quantumJobErrors: {
    name: 'hybrid_quantum_job_errors_total',
    type: 'counter',
    unit: 'jobs',
    help: 'Quantum job errors by type (hardware_failure, rate_limited, provider_unavailable, timeout, ...).',
    labels: [L.provider, L.backend, L.errorType],
    emitter: 'service',
  },
  quantumJobShots: {
    name: 'hybrid_quantum_job_shots',
    type: 'histogram',
    unit: 'shots',
    help: 'Shots per quantum job.',
    labels: [L.provider, L.backend],
    buckets: SHOT_BUCKETS,
    emitter: 'service',
  },
  quantumJobFidelity: {
    name: 'hybrid_quantum_job_fidelity_ratio',
    type: 'histogram',
    unit: 'ratio',
    help: 'Estimated fidelity of a finished job (when the provider or a check circuit gives one); average = sum / count.',
    labels: [L.provider, L.backend],
    buckets: RATIO_BUCKETS,
    emitter: 'service',
  },
  quantumCoherenceMargin: {
    name: 'hybrid_quantum_coherence_margin_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Coherence margin of the last job: median T2 of the qubits used minus the circuit duration.',
    labels: [L.provider, L.backend],
    emitter: 'service',
  },
  quantumQueueLength: {
    name: 'hybrid_quantum_queue_length',
    type: 'gauge',
    unit: 'jobs',
    help: 'Jobs waiting in the provider queue for a backend.',
    labels: [L.provider, L.backend],
    emitter: 'service',
  },
  quantumQueueBacklog: {
    name: 'hybrid_quantum_queue_backlog_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Estimated time to drain the backend queue.',
    labels: [L.provider, L.backend],
    emitter: 'service',
  },
  providerRateLimitRemaining: {
    name: 'hybrid_quantum_provider_rate_limit_remaining',
    type: 'gauge',
    unit: 'requests',
    help: 'Requests left in the provider API rate-limit window.',
    labels: [L.provider],
    emitter: 'service',
  },
  providerAvailable: {
    name: 'hybrid_quantum_provider_available',
    type: 'gauge',
    unit: '1',
    help: "What the provider's status API last reported for a backend: 1 online, 0 outage or maintenance (an SLA breach the provider itself reports).",
    labels: [L.provider, L.backend],
    emitter: 'service',
  },
  providerRateLimited: {
    name: 'hybrid_quantum_provider_rate_limited_total',
    type: 'counter',
    unit: 'requests',
    help: 'Provider API calls answered with HTTP 429.',
    labels: [L.provider],
    emitter: 'service',
  },
  quantumSpend: {
    name: 'hybrid_quantum_spend_usd_total',
    type: 'counter',
    unit: 'usd',
    help: "Estimated quantum spend from the providers' public price models.",
    labels: [L.provider, L.backend],
    emitter: 'service',
  },
  mitigationApplied: {
    name: 'hybrid_mitigation_applied_timestamp_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Unix time a mitigation in force was applied, by action (force_simulator, reduce_shots, disable_provider, deterministic_decoding) and provider (`all` for pipeline-wide ones). The series exists only while the mitigation is in force: any series means the system runs degraded.',
    labels: [L.action, L.provider],
    emitter: 'service',
  },
  telemetryDropped: {
    name: 'hybridlens_telemetry_dropped_total',
    type: 'counter',
    unit: '1',
    help: 'Telemetry items the SDK dropped (exporter unreachable or queue full), by signal.',
    labels: [L.signal],
    emitter: 'sdk',
  },
});

export type MetricKey = keyof typeof METRIC;
