/**
 * Prometheus label names used by the contract's metrics.
 * Tenant exists as a name so that it can be deliberately *excluded*: it never appears on a
 * metric by default because it multiplies series by the number of customers.
 */
export const LABEL = {
  route: 'route',
  model: 'model',
  region: 'region',
  outcome: 'outcome',
  provider: 'provider',
  /**
   * Query-time only, never on a stored series: the provider's display name (QUANTUM_PROVIDER_NAME) that a dashboard
   * picker's query adds with label_replace, so the picker shows the name and keeps the id as its value.
   */
  providerName: 'provider_name',
  backend: 'backend',
  phase: 'phase',
  errorType: 'error_type',
  path: 'path',
  reason: 'reason',
  fromPath: 'from_path',
  toPath: 'to_path',
  validator: 'validator',
  result: 'result',
  tokenType: 'token_type',
  genAiProvider: 'gen_ai_provider',
  signal: 'signal',
  qubit: 'qubit',
  qubits: 'qubits',
  gate: 'gate',
  calibrationVersion: 'calibration_version',
  processorFamily: 'processor_family',
  source: 'source',
  // Calibration exporter: what an ingest error is about, and the device's layout and measurement facts.
  field: 'field',
  quantity: 'quantity',
  method: 'method',
  layout: 'layout',
  x: 'x',
  y: 'y',
  vendor: 'vendor',
  native1qGate: 'native_1q_gate',
  native2qGate: 'native_2q_gate',
  backendVersion: 'backend_version',
  tenant: 'tenant',
  // SLO metadata and recording-rule labels.
  slo: 'slo',
  sloService: 'slo_service',
  sliType: 'sli_type',
  objective: 'objective',
  window: 'window',
  severity: 'severity',
  tier: 'tier',
  playbook: 'playbook',
  /** Which lifecycle span a stage histogram sample is about (values: the contract's SPAN names). */
  span: 'span',
  /** The mitigation in force (a MITIGATION_ACTION that applies one) on hybrid_mitigation_applied_timestamp_seconds. */
  action: 'action',
  /** The model version serving an LLM model name (on hybrid_llm_model_info; an LLM_VERSION_PATTERN value). */
  modelVersion: 'model_version',
  /** The prompt template version in use for an LLM model (on hybrid_llm_model_info; an LLM_VERSION_PATTERN value). */
  promptTemplateVersion: 'prompt_template_version',
} as const;

export type LabelName = (typeof LABEL)[keyof typeof LABEL];

/**
 * The exemplar label that carries a trace id on histogram buckets (OpenMetrics). The provisioned Prometheus
 * datasource's exemplar link to Tempo reads this name; it is the name the log lines use for the same id.
 */
export const EXEMPLAR_LABEL = { traceId: 'trace_id' } as const;

/** Labels that must never be attached to a metric by default (cardinality or privacy). */
export const HIGH_CARDINALITY_LABELS: readonly string[] = [LABEL.tenant, 'prompt_hash', 'trace_id', 'job_id'];

/** Closed value sets of enum-like labels: emitters validate against these, queries match them. */
export const REQUEST_OUTCOME = { ok: 'ok', degraded: 'degraded', error: 'error' } as const;
export const QUANTUM_PHASE = { enqueue: 'enqueue', compile: 'compile', execute: 'execute', total: 'total' } as const;
export const JOB_OUTCOME = { success: 'success', error: 'error', cancelled: 'cancelled' } as const;
export const EXECUTION_PATH = { qpu: 'qpu', simulator: 'simulator', classical: 'classical' } as const;
/**
 * The `path` of a finished request: the execution path that served it (after any fallback), or `none`
 * when it ended before the orchestrator chose one (e.g. the LLM call failed).
 */
export const REQUEST_PATH = { ...EXECUTION_PATH, none: 'none' } as const;
/**
 * Workload classes, as sets of request paths. The ops guide sets the 2 s latency objective for
 * low-latency workloads and a looser one where a QPU run adds unavoidable queue and execution time.
 */
export const WORKLOAD_PATHS = {
  lowLatency: [REQUEST_PATH.simulator, REQUEST_PATH.classical, REQUEST_PATH.none],
  quantumHardware: [REQUEST_PATH.qpu],
} as const satisfies Record<string, readonly string[]>;
export const FALLBACK_OUTCOME = { success: 'success', failure: 'failure' } as const;
export const VALIDATOR = { schema: 'schema', hallucination: 'hallucination' } as const;
export const VALIDATION_RESULT = { pass: 'pass', fail: 'fail' } as const;
export const TOKEN_TYPE = { input: 'input', output: 'output' } as const;
export const QUANTUM_ERROR_TYPE = {
  hardwareFailure: 'hardware_failure',
  rateLimited: 'rate_limited',
  providerUnavailable: 'provider_unavailable',
  timeout: 'timeout',
  compileError: 'compile_error',
  invalidResult: 'invalid_result',
  calibrationInvalid: 'calibration_invalid',
} as const;
export const TELEMETRY_SIGNAL = { traces: 'traces', logs: 'logs', metrics: 'metrics' } as const;
/** Quantum providers (values of the `provider` label): `local` is the local simulator, the others drive QPUs. */
export const QUANTUM_PROVIDER = {
  ibm: 'ibm',
  braket: 'braket',
  azure: 'azure',
  google: 'google',
  local: 'local',
} as const;
/**
 * The `provider` of a request's lifecycle-span observations whose served path ran no quantum job (classical,
 * none, or a quantum path that named no provider): a value no QUANTUM_PROVIDER takes, so a pick of one provider
 * leaves these requests out and "all providers" keeps them.
 */
export const NO_PROVIDER = 'none';
/** Providers whose jobs run on simulators (the ops guide's 98% job-success SLO instead of 95% for QPUs). */
export const SIMULATOR_PROVIDERS: readonly string[] = [QUANTUM_PROVIDER.local];

export type RequestOutcome = (typeof REQUEST_OUTCOME)[keyof typeof REQUEST_OUTCOME];
export type QuantumPhase = (typeof QUANTUM_PHASE)[keyof typeof QUANTUM_PHASE];
export type JobOutcome = (typeof JOB_OUTCOME)[keyof typeof JOB_OUTCOME];
export type ExecutionPath = (typeof EXECUTION_PATH)[keyof typeof EXECUTION_PATH];
export type RequestPath = (typeof REQUEST_PATH)[keyof typeof REQUEST_PATH];
export type QuantumErrorType = (typeof QUANTUM_ERROR_TYPE)[keyof typeof QUANTUM_ERROR_TYPE];
