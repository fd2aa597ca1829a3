/**
 * The public shape of @hybridlens/instrument (types only). The simulator and user services code
 * against this file; additions are allowed, breaking changes are not.
 *
 * Times are epoch milliseconds. Every call accepts explicit times so a backfill can run in virtual
 * time; a live service omits them and gets `options.now()` (default Date.now).
 *
 * Errors: wrong arguments (unknown enum value, non-finite number, empty required string) throw an
 * `InstrumentInputError` naming the call and the field, because they are programming errors.
 * Anything that goes wrong while exporting (unreachable collector, full queue, slow log sink) never
 * throws into the caller: the items are dropped and counted in hybridlens_telemetry_dropped_total.
 */
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OpenMetricsContentType, Registry } from 'prom-client';
import type {
  ExecutionPath,
  JobOutcome,
  LogLevel,
  QuantumErrorType,
  RequestOutcome,
  Stage,
} from '@hybridlens/conventions';

export type { ExecutionPath, JobOutcome, LogLevel, QuantumErrorType, RequestOutcome, Stage };

export interface SamplingOptions {
  /** Share (0..1) of ordinary requests whose trace is kept; default 1. */
  ratio: number;
  /** A request at least this long always keeps its trace; default LATENCY_SLO_THRESHOLD_SECONDS (2 s). */
  slowRequestSeconds?: number;
  /** Per-route override of `ratio` for high-volume routes (route template → share 0..1). */
  routeRatios?: Record<string, number>;
}

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** deployment.environment.name resource attribute, e.g. "demo", "prod". */
  environment?: string;
  /** prom-client registry to register the contract's metrics in (default: a new Registry). */
  registry?: Registry | Registry<OpenMetricsContentType>;
  /**
   * The default registry speaks OpenMetrics (`registry.contentType` is
   * application/openmetrics-text), the only exposition format that carries exemplars. Default false
   * (Prometheus text format). A `registry` passed in keeps its own content type; combined with
   * `openMetrics: true` it must be an OpenMetrics one.
   */
  openMetrics?: boolean;
  /** Where spans go: an exporter (tests, backfill) or an OTLP/HTTP (protobuf) endpoint URL, e.g. http://tempo:4318/v1/traces; none = spans are created (for ids in logs) but not exported. */
  traceExporter?: SpanExporter;
  otlpTracesUrl?: string;
  /**
   * Also export every log record over OTLP/HTTP (protobuf): Loki's native endpoint
   * (http://loki:3100/otlp/v1/logs) or a collector's (http://collector:4318/v1/logs). Trace and
   * span ids go in the record's own fields, the level as severity, the message as body, the other
   * contract log fields as attributes, the service on the resource. JSON lines still go to
   * `logSink`. Bounded like spans (`maxQueueSize` records); lost records are counted as dropped logs.
   */
  otlpLogsUrl?: string;
  /** Instead of `otlpLogsUrl`: any logs SDK exporter (e.g. the re-exported InMemoryLogRecordExporter in tests). */
  logExporter?: LogRecordExporter;
  /**
   * Where JSON log lines go (one string per line, no newline); default: process.stdout, dropping
   * lines while its buffer is over 4 MiB. A sink may return false to say it dropped the line; a
   * sink that throws loses the line (counted), never the caller's request.
   */
  logSink?: (line: string) => void | boolean;
  /** Lowest level written; default 'info'. */
  logLevel?: LogLevel;
  /** Clock for defaults (epoch ms); default Date.now. */
  now?: () => number;
  /** Tail sampling of traces, decided when the request ends; errors, degraded and slow requests are always kept. Default: keep all. */
  sampling?: SamplingOptions;
  /** Bounded export queue (spans): items beyond it are dropped and counted in hybridlens_telemetry_dropped_total. Default 2048. */
  maxQueueSize?: number;
  /** Spans per export call; default 512. */
  maxExportBatchSize?: number;
  /** How often the queue is exported (ms); default 1000. Backfills call flush() instead. */
  scheduledDelayMillis?: number;
  /** An export that has not answered after this long counts as failed (its spans as dropped); default 10000. */
  exportTimeoutMillis?: number;
  /** Deterministic ids (trace/span ids) and sampling for reproducible backfills; default Math.random. */
  random?: () => number;
}

export interface RequestStart {
  /** Route template (low cardinality), e.g. "/v1/optimize". */
  route: string;
  /** LLM model id used for the request (label `model`). */
  model: string;
  region: string;
  /** Tenant id: on the ingress span only (sent sparingly), never on a metric. */
  tenant?: string;
  httpMethod?: string;
  startTime?: number;
}

/** @deprecated The first name of RequestStart (it shadowed the fetch API's RequestInit). */
export type RequestInit = RequestStart;

export interface QueueState {
  provider: string;
  backend: string;
  queueLength: number;
  backlogSeconds: number;
  time?: number;
}

/** What a provider's status API last reported for a backend. */
export interface ProviderAvailability {
  provider: string;
  backend: string;
  /** true = online; false = outage or maintenance. */
  available: boolean;
  time?: number;
}

/** The versions serving one LLM model name now (a deployment or prompt rollout changes them). */
export interface LlmModelVersions {
  /** The model name requests use (the `model` label). */
  model: string;
  /** The provider's release of that model, e.g. gpt-4.1-mini-2025-04-14 (LLM_VERSION_PATTERN). */
  modelVersion: string;
  /** The prompt template version in use, e.g. v7 (LLM_VERSION_PATTERN). */
  promptTemplateVersion: string;
}

/** A mitigation in force: what, where, since when. */
export interface MitigationInForce {
  /** The MITIGATION_ACTION that applied it (force_simulator, reduce_shots, disable_provider, deterministic_decoding). */
  action: string;
  /** The provider it applies to; absent for pipeline-wide ones (label value MITIGATION_ALL_PROVIDERS). */
  provider?: string;
  /** When it was applied, epoch ms. */
  since: number;
}

export interface LogEntry {
  level: LogLevel;
  /** Machine-readable event name, e.g. "mitigation_applied". */
  event: string;
  /** Short human sentence; never a prompt or model output. */
  message: string;
  time?: number;
  /** Lifecycle stage the line is about (STAGE); request.log() defaults to ingress. */
  stage?: Stage;
  /**
   * Further fields: only LOG_FIELD names from @hybridlens/conventions are written (provider,
   * backend, provider_job_id, error_type, action, actor, ...); other keys are dropped so that every
   * line stays within the contract.
   */
  [field: string]: unknown;
}

/**
 * A trace-id exemplar as prom-client holds it: the latest kept request (or span, or quantum phase)
 * observed in one bucket of one series.
 */
export interface ExemplarSample {
  /** The bucket series, e.g. hybrid_request_duration_seconds_bucket. */
  series: string;
  /** The bucket's labels, `le` included (as exposed: "0.5", "+Inf"). */
  labels: Record<string, string>;
  /** The kept trace the exemplar points at (exemplar label `trace_id`). */
  traceId: string;
  /** The observed value (seconds). */
  value: number;
  /** When prom-client recorded it: epoch ms of the wall clock, not of an explicit (virtual) time. */
  time: number;
}

export interface HybridTelemetry {
  /**
   * Where the contract's metrics live. Typed as prom-client's default Registry; with
   * `openMetrics: true` (or an OpenMetrics registry passed in) its `contentType` is
   * application/openmetrics-text: serve /metrics with that header.
   */
  readonly registry: Registry;
  readonly serviceName: string;
  startRequest(init: RequestStart): RequestScope;
  /** Gauges outside one request: hybrid_quantum_queue_length / _backlog_seconds. */
  setQueueState(s: QueueState): void;
  /** hybrid_quantum_provider_rate_limit_remaining. */
  setRateLimitRemaining(s: { provider: string; remaining: number }): void;
  /** hybrid_quantum_provider_available: 1 online, 0 outage or maintenance, as the provider's status API says. */
  setProviderAvailable(s: ProviderAvailability): void;
  /**
   * The mitigations in force now, the whole set (hybrid_mitigation_applied_timestamp_seconds): each gets its
   * series, valued with the Unix time it was applied; series of mitigations no longer listed are removed.
   */
  setMitigationsInForce(mitigations: readonly MitigationInForce[]): void;
  /**
   * The model version and prompt-template version now serving `model` (hybrid_llm_model_info = 1). Call it at
   * start-up and whenever either changes; the model's previous series is removed, so each model has one.
   */
  setLlmModelInfo(versions: LlmModelVersions): void;
  /** One HTTP 429 from a provider API outside a job's enqueue (hybrid_quantum_provider_rate_limited_total). */
  recordRateLimited(s: { provider: string; time?: number }): void;
  /** A JSON log line outside a request (audit lines etc.). */
  log(entry: LogEntry): void;
  /**
   * The trace-id exemplars currently held, one per histogram bucket that has one
   * (hybrid_request_duration_seconds, the two span histograms, hybrid_quantum_job_duration_seconds).
   * An OpenMetrics registry exposes the same exemplars on /metrics.
   */
  exemplars(): Promise<ExemplarSample[]>;
  /** Telemetry items dropped so far, by signal (also in hybridlens_telemetry_dropped_total). */
  droppedCounts(): Readonly<Record<'traces' | 'logs' | 'metrics', number>>;
  /** Export everything pending (ends no open spans); never throws. */
  flush(): Promise<void>;
  /** Flush, then stop exporting; never throws. */
  shutdown(): Promise<void>;
}

export interface LlmInit {
  model: string;
  /** gen_ai.provider.name, e.g. "openai", "aws.bedrock". */
  provider: string;
  /** gen_ai.operation.name; default "chat". */
  operation?: string;
  /** Hashed inside (hybrid.prompt.hash); the text itself never leaves the process. */
  prompt: string;
  promptTemplateVersion?: string;
  temperature?: number;
  startTime?: number;
}

/** What the orchestrator saw when it decided (orchestrator.input.* attributes). */
export interface OrchestratorDecisionInputs {
  queueLength?: number;
  backlogSeconds?: number;
  rateLimitRemaining?: number;
  calibrationAgeSeconds?: number;
  predictedFidelity?: number;
  providerAvailable?: boolean;
  flags?: string[];
}

export interface OrchestratorDecision {
  path: ExecutionPath;
  /** Low-cardinality reason, e.g. "qpu_healthy", "queue_saturated", "flag_force_simulator". */
  reason: string;
  provider?: string;
  backend?: string;
  inputs: OrchestratorDecisionInputs;
  /** Set when `path` is a fallback from this primary path (orchestrator.fallback = true). */
  fallbackFrom?: ExecutionPath;
  startTime?: number;
  endTime?: number;
}

export interface QuantumJobInit {
  provider: string;
  backend: string;
  simulator: boolean;
  shots: number;
  /** Shots before a shot-reduction fallback. */
  originalShots?: number;
  calibrationVersion?: string;
  circuitDepth?: number;
  circuitWidth?: number;
  qubitsUsed?: number[];
  /** Serialized as compact JSON on the spans (quantum.transpiler.options). */
  transpilerOptions?: Record<string, unknown>;
  optimizationLevel?: number;
}

export interface FallbackRecord {
  from: ExecutionPath;
  to: ExecutionPath;
  reason: string;
  outcome: 'success' | 'failure';
  time?: number;
}

export interface RequestScope {
  readonly traceId: string;
  /** Span id of the ingress.request span. */
  readonly spanId: string;
  llm(init: LlmInit): LlmScope;
  orchestratorDecision(d: OrchestratorDecision): void;
  quantumJob(init: QuantumJobInit): QuantumJobScope;
  /** hybrid_fallbacks_total and a warn log line. */
  fallback(f: FallbackRecord): void;
  /** postprocess.aggregation span; `result` is hashed inside. */
  postprocess(p: { result: string; degraded: boolean; startTime?: number; endTime?: number }): void;
  /** A JSON log line carrying this request's trace_id / span_id (stage ingress). */
  log(entry: LogEntry): void;
  /**
   * Ends ingress.request, counts the request, and decides whether its trace is kept. Observes
   * hybrid_request_span_start_offset_seconds / _duration_seconds once per lifecycle span that ended
   * before this call (the ingress span included, offset 0), labelled with the request's final path.
   * Calls after the first are ignored.
   */
  end(e: { outcome: RequestOutcome; httpStatus?: number; endTime?: number }): void;
}

export interface LlmScope {
  readonly spanId: string;
  /** gen_ai.evaluation.result event on the span + hybrid_llm_validations_total. */
  evaluation(e: {
    validator: 'schema' | 'hallucination';
    pass: boolean;
    score?: number;
    explanation?: string;
    time?: number;
  }): void;
  /** hybrid_llm_response_consistency_score (0..1), also a gen_ai.evaluation.result event named "consistency". */
  consistency(score: number, time?: number): void;
  /** Ends llm.request; `output` is hashed inside. */
  end(e: LlmEnd): void;
}

export interface QuantumJobScope {
  /**
   * quantum.job.enqueue span and the enqueue phase. `rateLimited: true` means the provider
   * answered 429: it counts one hybrid_quantum_provider_rate_limited_total (do not also call
   * recordRateLimited for the same 429) and marks the span with error type rate_limited.
   */
  enqueue(p: QuantumEnqueue): void;
  compile(p: QuantumCompile): void;
  /**
   * quantum.job.execute span, the execute phase, and the job's totals: jobs by outcome, errors by
   * type, shots, fidelity, spend, coherence margin, and the total phase (first stage start → end).
   */
  execute(p: QuantumExecute): void;
}

/** Explicit span times (epoch ms); omitted → now. */
export interface StageTimes {
  startTime?: number;
  endTime?: number;
}

export interface LlmEnd {
  output: string;
  inputTokens: number;
  outputTokens: number;
  responseModel?: string;
  coldStart?: boolean;
  finishReasons?: string[];
  /** Short error class (never a model output); marks the span as failed. */
  error?: string;
  endTime?: number;
  /**
   * When the first streamed token arrived (epoch ms, between the call's start and end); streaming
   * calls only. Observed in hybrid_llm_time_to_first_token_seconds and set on the span
   * (hybrid.llm.time_to_first_token, seconds).
   */
  firstTokenTime?: number;
}

export interface QuantumEnqueue extends StageTimes {
  queuePosition?: number;
  providerJobId?: string;
  rateLimited?: boolean;
}

export interface QuantumCompile extends StageTimes {
  error?: string;
}

export interface QuantumExecute extends StageTimes {
  providerJobId: string;
  /** The provider's own state name (DONE, COMPLETED, FAILED, ...). */
  providerStatus: string;
  outcome: JobOutcome;
  errorType?: QuantumErrorType;
  fidelity?: number;
  spendUsd?: number;
  coherenceMarginSeconds?: number;
}
