/** Span names of the request lifecycle, in pipeline order. */
export const SPAN = {
  ingress: 'ingress.request',
  llm: 'llm.request',
  orchestrator: 'orchestrator.decision',
  quantumEnqueue: 'quantum.job.enqueue',
  quantumCompile: 'quantum.job.compile',
  quantumExecute: 'quantum.job.execute',
  postprocess: 'postprocess.aggregation',
} as const;

export type SpanName = (typeof SPAN)[keyof typeof SPAN];

/** The lifecycle stage each span belongs to (also the `stage` log field). */
export const STAGE = {
  ingress: 'ingress',
  llm: 'llm',
  orchestrator: 'orchestrator',
  quantum: 'quantum',
  postprocess: 'postprocess',
} as const;

export type Stage = (typeof STAGE)[keyof typeof STAGE];

export const SPAN_STAGE: Readonly<Record<SpanName, Stage>> = {
  [SPAN.ingress]: STAGE.ingress,
  [SPAN.llm]: STAGE.llm,
  [SPAN.orchestrator]: STAGE.orchestrator,
  [SPAN.quantumEnqueue]: STAGE.quantum,
  [SPAN.quantumCompile]: STAGE.quantum,
  [SPAN.quantumExecute]: STAGE.quantum,
  [SPAN.postprocess]: STAGE.postprocess,
};

export type AttributeType = 'string' | 'int' | 'double' | 'boolean' | 'string[]' | 'int[]';

export interface AttributeDef {
  readonly key: string;
  readonly type: AttributeType;
  readonly doc: string;
  /** Values that identify one customer or one request stay off metrics and are sent sparingly. */
  readonly highCardinality?: boolean;
}

function attr(key: string, type: AttributeType, doc: string, highCardinality = false): AttributeDef {
  return Object.freeze({ key, type, doc, ...(highCardinality ? { highCardinality } : {}) });
}

/** OpenTelemetry GenAI semantic conventions used on `llm.request`. */
export const GEN_AI_ATTR = {
  operationName: attr('gen_ai.operation.name', 'string', 'GenAI operation, e.g. "chat".'),
  providerName: attr('gen_ai.provider.name', 'string', 'GenAI provider, e.g. "openai", "aws.bedrock".'),
  requestModel: attr('gen_ai.request.model', 'string', 'Model requested.'),
  responseModel: attr('gen_ai.response.model', 'string', 'Model (version) that answered.'),
  requestTemperature: attr('gen_ai.request.temperature', 'double', 'Sampling temperature.'),
  responseFinishReasons: attr('gen_ai.response.finish_reasons', 'string[]', 'Why generation stopped.'),
  inputTokens: attr('gen_ai.usage.input_tokens', 'int', 'Prompt tokens.'),
  outputTokens: attr('gen_ai.usage.output_tokens', 'int', 'Completion tokens.'),
  evaluationName: attr('gen_ai.evaluation.name', 'string', 'Evaluator name on a gen_ai.evaluation.result event.'),
  evaluationScoreValue: attr('gen_ai.evaluation.score.value', 'double', 'Evaluator score.'),
  evaluationScoreLabel: attr('gen_ai.evaluation.score.label', 'string', 'Evaluator verdict, e.g. "pass" / "fail".'),
  evaluationExplanation: attr(
    'gen_ai.evaluation.explanation',
    'string',
    'Short, prompt-free explanation of the verdict.'
  ),
} as const;

/** The GenAI event name for validator verdicts on the LLM span. */
export const GEN_AI_EVALUATION_EVENT = 'gen_ai.evaluation.result';

/** Hybrid Lens attributes on the LLM span beyond the GenAI conventions. */
export const LLM_ATTR = {
  promptHash: attr(
    'hybrid.prompt.hash',
    'string',
    'Hash prefix of the prompt; the prompt itself never leaves the process.',
    true
  ),
  outputHash: attr('hybrid.output.hash', 'string', 'Hash prefix of the model output.', true),
  promptTemplateVersion: attr('hybrid.prompt.template_version', 'string', 'Version of the prompt template.'),
  coldStart: attr('hybrid.llm.cold_start', 'boolean', 'The call hit a cold model instance.'),
  timeToFirstToken: attr(
    'hybrid.llm.time_to_first_token',
    'double',
    'Seconds from the call to the first streamed token (streaming calls only).'
  ),
} as const;

/** `quantum.*` attributes on the quantum job spans. */
export const QUANTUM_ATTR = {
  provider: attr('quantum.provider', 'string', 'Quantum provider: ibm, braket, azure, google, local.'),
  backend: attr(
    'quantum.backend',
    'string',
    "The provider's own device id (see canonicalBackendId), e.g. ibm_sherbrooke, Garnet, ionq.qpu.aria-1."
  ),
  jobId: attr('quantum.job.id', 'string', "The provider's job id (IBM Runtime job id, Braket task ARN, ...).", true),
  jobStatus: attr(
    'quantum.job.status',
    'string',
    "The provider's own final state name (DONE, COMPLETED, FAILED, ...)."
  ),
  shots: attr('quantum.shots', 'int', 'Shots requested.'),
  shotsRequestedOriginal: attr('quantum.shots.original', 'int', 'Shots before a shot-reduction fallback.'),
  transpilerOptions: attr('quantum.transpiler.options', 'string', 'Transpiler options as compact JSON.'),
  optimizationLevel: attr('quantum.transpiler.optimization_level', 'int', 'Transpiler optimization level.'),
  simulator: attr('quantum.simulator', 'boolean', 'The job ran on a simulator.'),
  calibrationVersion: attr('quantum.calibration.version', 'string', 'Calibration the backend had when the job ran.'),
  circuitDepth: attr('quantum.circuit.depth', 'int', 'Circuit depth after transpilation.'),
  circuitWidth: attr('quantum.circuit.width', 'int', 'Circuit width (qubits + clbits).'),
  qubitsUsed: attr('quantum.qubits.used', 'int[]', 'Physical qubits the job used.'),
  queuePosition: attr('quantum.queue.position', 'int', 'Queue position at enqueue.'),
  errorType: attr('quantum.error.type', 'string', 'Error class when the job failed (see QUANTUM_ERROR_TYPE).'),
  estimatedSpendUsd: attr('quantum.spend.usd', 'double', 'Estimated cost of the job.'),
  fidelity: attr('quantum.fidelity', 'double', 'Estimated result fidelity, 0..1.'),
} as const;

/** Explainability of the routing decision on `orchestrator.decision`. */
export const ORCHESTRATOR_ATTR = {
  path: attr('orchestrator.decision.path', 'string', 'Chosen path: qpu, simulator or classical.'),
  reason: attr(
    'orchestrator.decision.reason',
    'string',
    'Why this path, e.g. "qpu_healthy", "queue_saturated", "flag_force_simulator".'
  ),
  provider: attr('orchestrator.decision.provider', 'string', 'Provider chosen for a quantum path.'),
  backend: attr('orchestrator.decision.backend', 'string', 'Backend chosen for a quantum path.'),
  inputQueueLength: attr('orchestrator.input.queue_length', 'int', 'Queue length seen when deciding.'),
  inputBacklogSeconds: attr('orchestrator.input.backlog_seconds', 'double', 'Backlog seen when deciding.'),
  inputRateLimitRemaining: attr(
    'orchestrator.input.rate_limit_remaining',
    'int',
    'Provider rate-limit budget seen when deciding.'
  ),
  inputCalibrationAgeSeconds: attr(
    'orchestrator.input.calibration_age_seconds',
    'double',
    'Age of the calibration used.'
  ),
  inputPredictedFidelity: attr(
    'orchestrator.input.predicted_fidelity',
    'double',
    'Predicted fidelity from calibration.'
  ),
  inputProviderAvailable: attr('orchestrator.input.provider_available', 'boolean', 'Provider reported available.'),
  inputFlags: attr('orchestrator.input.flags', 'string[]', 'Feature flags in force.'),
  fallback: attr('orchestrator.fallback', 'boolean', 'The chosen path is a fallback from the primary one.'),
} as const;

/** Attributes of ingress and post-processing spans. */
export const REQUEST_ATTR = {
  httpRoute: attr('http.route', 'string', 'Route template of the request.'),
  httpMethod: attr('http.request.method', 'string', 'HTTP method.'),
  httpStatus: attr('http.response.status_code', 'int', 'HTTP status returned.'),
  region: attr('hybrid.region', 'string', 'Serving region.'),
  tenant: attr('hybrid.tenant', 'string', 'Tenant id, sent sparingly (not on metrics).', true),
  degraded: attr('hybrid.response.degraded', 'boolean', 'The response was served by a fallback path.'),
  path: attr(
    'hybrid.request.path',
    'string',
    'Path that served the request: qpu, simulator, classical, or none when it ended before routing (the `path` label of the request metrics).'
  ),
  resultHash: attr('hybrid.result.hash', 'string', 'Hash prefix of the aggregated result.', true),
  stage: attr('hybrid.stage', 'string', 'Lifecycle stage of the span.'),
} as const;

export const ALL_ATTRIBUTE_GROUPS = {
  genAi: GEN_AI_ATTR,
  llm: LLM_ATTR,
  quantum: QUANTUM_ATTR,
  orchestrator: ORCHESTRATOR_ATTR,
  request: REQUEST_ATTR,
} as const;

/** Which attributes belong on which span (a span may carry every attribute of its groups). */
export const SPAN_ATTRIBUTES: Readonly<Record<SpanName, readonly AttributeDef[]>> = {
  [SPAN.ingress]: [...Object.values(REQUEST_ATTR)],
  [SPAN.llm]: [...Object.values(GEN_AI_ATTR), ...Object.values(LLM_ATTR), REQUEST_ATTR.stage],
  [SPAN.orchestrator]: [...Object.values(ORCHESTRATOR_ATTR), REQUEST_ATTR.stage],
  [SPAN.quantumEnqueue]: [...Object.values(QUANTUM_ATTR), REQUEST_ATTR.stage],
  [SPAN.quantumCompile]: [...Object.values(QUANTUM_ATTR), REQUEST_ATTR.stage],
  [SPAN.quantumExecute]: [...Object.values(QUANTUM_ATTR), REQUEST_ATTR.stage],
  [SPAN.postprocess]: [REQUEST_ATTR.degraded, REQUEST_ATTR.resultHash, REQUEST_ATTR.stage],
};

/** Resource attributes of every emitting process. */
export const RESOURCE_ATTR = {
  serviceName: 'service.name',
  serviceVersion: 'service.version',
  deploymentEnvironment: 'deployment.environment.name',
} as const;

/**
 * Stages a trace model gives spans and time beyond the lifecycle's own `STAGE`s: work that OpenTelemetry
 * conventions describe outside the contract spans (outgoing HTTP calls, databases, messaging), spans nothing
 * classifies (`other`), and time inside a request that no child span covers (`unattributed`).
 */
export const TRACE_STAGE = {
  ...STAGE,
  http: 'http',
  db: 'db',
  messaging: 'messaging',
  other: 'other',
  unattributed: 'unattributed',
} as const;

export type TraceStage = (typeof TRACE_STAGE)[keyof typeof TRACE_STAGE];

/**
 * Attribute namespaces (key prefixes, dot included) that classify a span whose name is not a contract span:
 * the contract's own groups first, then the OpenTelemetry semantic-convention namespaces.
 */
export const ATTRIBUTE_NAMESPACE = {
  quantum: 'quantum.',
  genAi: 'gen_ai.',
  orchestrator: 'orchestrator.',
  http: 'http.',
  db: 'db.',
  messaging: 'messaging.',
} as const;

/**
 * Attributes that carry raw prompts, instructions, tool arguments, retrieved documents or model output: the
 * OpenTelemetry GenAI conventions (current and older spellings) and the other emitters a foreign trace may come
 * from (OpenLLMetry / Traceloop, OpenInference). Hybrid Lens never emits them; the trace reader and the raw
 * trace view drop them (a key matches when it equals an entry or starts with the entry plus a dot, as in
 * `gen_ai.prompt.0.content`), so they are never shown. Only hashes (`hybrid.prompt.hash`, `hybrid.output.hash`) are.
 */
export const RAW_CONTENT_ATTRIBUTES: readonly string[] = [
  // OpenTelemetry GenAI semantic conventions.
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
  'gen_ai.retrieval.documents',
  // Their older spellings, still written by OpenLLMetry (`gen_ai.prompt.<n>.content`, ...).
  'gen_ai.prompt',
  'gen_ai.completion',
  // OpenLLMetry / Traceloop.
  'llm.prompts',
  'llm.completions',
  'traceloop.entity.input',
  'traceloop.entity.output',
  // OpenInference (Arize Phoenix).
  'llm.input_messages',
  'llm.output_messages',
  'llm.prompt_template.variables',
  'input.value',
  'output.value',
  'retrieval.documents',
];

export const RAW_CONTENT_EVENTS: readonly string[] = [
  'gen_ai.client.inference.operation.details',
  'gen_ai.system.message',
  'gen_ai.user.message',
  'gen_ai.assistant.message',
  'gen_ai.tool.message',
  'gen_ai.choice',
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
];
