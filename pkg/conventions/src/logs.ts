/** Fields of the structured JSON log line every Hybrid Lens emitter writes (one object per line). */
export const LOG_FIELD = {
  timestamp: 'timestamp',
  level: 'level',
  message: 'message',
  traceId: 'trace_id',
  spanId: 'span_id',
  stage: 'stage',
  service: 'service',
  event: 'event',
  provider: 'provider',
  backend: 'backend',
  providerJobId: 'provider_job_id',
  promptHash: 'prompt_hash',
  outputHash: 'output_hash',
  resultHash: 'result_hash',
  errorType: 'error_type',
  action: 'action',
  actor: 'actor',
} as const;

export type LogFieldName = (typeof LOG_FIELD)[keyof typeof LOG_FIELD];

export const LOG_LEVEL = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' } as const;
export type LogLevel = (typeof LOG_LEVEL)[keyof typeof LOG_LEVEL];

/** Documentation of each log field, for TELEMETRY.md and validators. */
export const LOG_FIELD_DOC: Readonly<Record<LogFieldName, string>> = {
  timestamp: 'RFC 3339 time with milliseconds, UTC.',
  level: 'debug | info | warn | error.',
  message: 'Short human sentence; never a prompt or model output.',
  trace_id: 'W3C trace id (32 hex) of the active span.',
  span_id: 'W3C span id (16 hex) of the active span.',
  stage: 'Lifecycle stage: ingress, llm, orchestrator, quantum, postprocess.',
  service: 'Emitting service name.',
  event: 'Machine-readable event name, e.g. quantum_job_failed.',
  provider: 'Quantum provider, when the line is about a job.',
  backend: 'Quantum backend, when the line is about a job.',
  provider_job_id: "The provider's job id.",
  prompt_hash: 'Hash prefix of the prompt.',
  output_hash: 'Hash prefix of the model output.',
  result_hash: 'Hash prefix of the aggregated result.',
  error_type: 'Error class (see QUANTUM_ERROR_TYPE) on error lines.',
  action: 'Mitigation action taken (admin API / automation audit lines).',
  actor: 'Who triggered a mitigation: a user, or alertmanager:<alertname>.',
};

/** Values of the `event` log field written by @hybridlens/instrument (LogQL: `| json | event="..."`). */
export const LOG_EVENT = {
  requestFinished: 'request_finished',
  llmCallFinished: 'llm_call_finished',
  llmCallFailed: 'llm_call_failed',
  llmValidationFailed: 'llm_validation_failed',
  orchestratorDecision: 'orchestrator_decision',
  quantumJobEnqueued: 'quantum_job_enqueued',
  quantumJobRateLimited: 'quantum_job_rate_limited',
  quantumCompileFinished: 'quantum_compile_finished',
  quantumCompileFailed: 'quantum_compile_failed',
  quantumJobFinished: 'quantum_job_finished',
  quantumJobFailed: 'quantum_job_failed',
  fallbackUsed: 'fallback_used',
  postprocessFinished: 'postprocess_finished',
} as const;

export type LogEventName = (typeof LOG_EVENT)[keyof typeof LOG_EVENT];

/**
 * Loki stream labels. Logs reach Loki over OTLP (provisioning/loki/loki.yaml): only the resource's service.name is
 * indexed, as service_name; stage, event, provider, backend and the ids are structured metadata of each line,
 * matched with label filters after the stream selector (`{service_name=~".+"} | stage="quantum"`).
 */
export const LOKI_STREAM_LABEL = {
  serviceName: 'service_name',
} as const;

/**
 * Structured metadata Loki itself adds to an OTLP line (not contract fields): the record's severity text, and the
 * level Loki derives from it (`discover_log_levels`), which is how a query filters by level.
 */
export const LOKI_OTLP_METADATA = { severityText: 'severity_text', detectedLevel: 'detected_level' } as const;

/** Length of the hex hash prefixes that stand in for prompts, outputs and payloads. */
export const HASH_PREFIX_LENGTH = 16;
