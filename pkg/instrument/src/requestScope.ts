import * as otel from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import * as conventions from '@hybridlens/conventions';
import type { RequestOutcome, RequestPath } from '@hybridlens/conventions';
import type {
  FallbackRecord,
  LlmInit,
  LlmScope,
  LogEntry,
  OrchestratorDecision,
  QuantumJobInit,
  QuantumJobScope,
  RequestStart,
  RequestScope,
} from './api';
import * as core from './core';
import type { RequestParent, SpanHandle, TelemetryCore } from './core';
import * as errors from './errors';
import * as hash from './hash';
import { LlmScopeImpl } from './llmScope';
import { QuantumJobScopeImpl } from './quantumJobScope';
import { entryToRecord } from './logEntry';
import * as metrics from './metrics';
import type { ExemplarLabels, Labels } from './metrics';
import { MAX_SPANS_PER_REQUEST, SpanTimeline } from './spanTimeline';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const {
  EXECUTION_PATH,
  FALLBACK_OUTCOME,
  LABEL,
  LOG_EVENT,
  LOG_FIELD,
  NO_PROVIDER,
  ORCHESTRATOR_ATTR,
  REQUEST_ATTR,
  REQUEST_OUTCOME,
  REQUEST_PATH,
  SPAN,
  STAGE,
} = conventions;
const { ROOT_CONTEXT, SpanKind, SpanStatusCode } = otel;
const { contextOf, int, logFor, seconds, startChildSpan } = core;
const { optionalNumber, requireOneOf, requireString, timeOr } = errors;
const { hashPrefix } = hash;
const { exemplarLabels } = metrics;

export class RequestScopeImpl implements RequestScope, RequestParent {
  readonly traceId: string;
  readonly spanId: string;
  readonly context: Context;
  readonly timeline = new SpanTimeline();
  private readonly handle: SpanHandle;
  private readonly route: string;
  private readonly model: string;
  private readonly region: string;
  private readonly startTime: number;
  private ended = false;
  /** Set at end: the exemplar of this request's observations when its trace is kept. */
  private exemplar: ExemplarLabels | undefined;
  /** Quantum phase durations waiting for the tail decision (labels, seconds, labels, seconds, ...). */
  private pendingJobDurations: Array<Labels | number> | undefined;
  /** The path serving the request so far: the last decision's, then each fallback's target. */
  private servedPath: RequestPath = REQUEST_PATH.none;
  /** The provider on the served path so far: the last decision's, then the last quantum job's; a fallback clears it. */
  private servedProvider: string | undefined;

  constructor(
    private readonly core: TelemetryCore,
    init: RequestStart
  ) {
    const call = 'startRequest()';
    this.route = requireString(call, 'route', init.route);
    this.model = requireString(call, 'model', init.model);
    this.region = requireString(call, 'region', init.region);
    this.startTime = timeOr(call, 'startTime', init.startTime, core.now);
    this.handle = startChildSpan(
      core,
      ROOT_CONTEXT,
      SPAN.ingress,
      STAGE.ingress,
      this.startTime,
      {
        [REQUEST_ATTR.httpRoute.key]: this.route,
        [REQUEST_ATTR.httpMethod.key]: init.httpMethod,
        [REQUEST_ATTR.region.key]: this.region,
        [REQUEST_ATTR.tenant.key]: init.tenant,
      },
      SpanKind.SERVER
    );
    this.traceId = this.handle.traceId;
    this.spanId = this.handle.spanId;
    this.context = contextOf(ROOT_CONTEXT, this.handle.span);
  }

  jobDuration(labels: Labels, value: number): void {
    const pending = this.ended ? undefined : (this.pendingJobDurations ??= []);
    if (!pending || pending.length >= 2 * MAX_SPANS_PER_REQUEST) {
      // After the decision (a job outliving its request), or past the bound: observe right away.
      this.core.metrics.observe('quantumJobDuration', labels, value, this.exemplar);
      return;
    }
    pending.push(labels, value);
  }

  llm(init: LlmInit): LlmScope {
    return new LlmScopeImpl(this.core, this, init);
  }

  orchestratorDecision(d: OrchestratorDecision): void {
    const call = 'orchestratorDecision()';
    const path = requireOneOf(call, 'path', d.path, EXECUTION_PATH);
    const reason = requireString(call, 'reason', d.reason);
    const fallbackFrom =
      d.fallbackFrom === undefined ? undefined : requireOneOf(call, 'fallbackFrom', d.fallbackFrom, EXECUTION_PATH);
    const inputs = d.inputs ?? {};
    optionalNumber(call, 'inputs.queueLength', inputs.queueLength, 0);
    optionalNumber(call, 'inputs.predictedFidelity', inputs.predictedFidelity, 0, 1);
    const start = timeOr(call, 'startTime', d.startTime, this.core.now);
    const end = d.endTime === undefined ? start : optionalNumber(call, 'endTime', d.endTime, start)!;
    const handle = startChildSpan(this.core, this.context, SPAN.orchestrator, STAGE.orchestrator, start, {
      [ORCHESTRATOR_ATTR.path.key]: path,
      [ORCHESTRATOR_ATTR.reason.key]: reason,
      [ORCHESTRATOR_ATTR.provider.key]: d.provider,
      [ORCHESTRATOR_ATTR.backend.key]: d.backend,
      [ORCHESTRATOR_ATTR.inputQueueLength.key]: int(inputs.queueLength),
      [ORCHESTRATOR_ATTR.inputBacklogSeconds.key]: inputs.backlogSeconds,
      [ORCHESTRATOR_ATTR.inputRateLimitRemaining.key]: int(inputs.rateLimitRemaining),
      [ORCHESTRATOR_ATTR.inputCalibrationAgeSeconds.key]: inputs.calibrationAgeSeconds,
      [ORCHESTRATOR_ATTR.inputPredictedFidelity.key]: inputs.predictedFidelity,
      [ORCHESTRATOR_ATTR.inputProviderAvailable.key]: inputs.providerAvailable,
      [ORCHESTRATOR_ATTR.inputFlags.key]: inputs.flags,
      [ORCHESTRATOR_ATTR.fallback.key]: fallbackFrom !== undefined,
    });
    handle.span.end(end);
    this.timeline.add(SPAN.orchestrator, start, end);
    this.servedPath = path;
    this.servedProvider = d.provider;
    this.core.metrics.inc('orchestratorDecisions', { [LABEL.path]: path, [LABEL.reason]: reason });
    logFor(this.core, handle, {
      level: 'info',
      event: LOG_EVENT.orchestratorDecision,
      message: fallbackFrom
        ? `routed to ${path} instead of ${fallbackFrom}: ${reason}`
        : `routed to ${path}: ${reason}`,
      time: end,
      stage: STAGE.orchestrator,
      fields: { [LOG_FIELD.provider]: d.provider, [LOG_FIELD.backend]: d.backend },
    });
  }

  quantumJob(init: QuantumJobInit): QuantumJobScope {
    const job = new QuantumJobScopeImpl(this.core, this, init);
    this.servedProvider = init.provider;
    return job;
  }

  fallback(f: FallbackRecord): void {
    const call = 'fallback()';
    const from = requireOneOf(call, 'from', f.from, EXECUTION_PATH);
    const to = requireOneOf(call, 'to', f.to, EXECUTION_PATH);
    const reason = requireString(call, 'reason', f.reason);
    const outcome = requireOneOf(call, 'outcome', f.outcome, FALLBACK_OUTCOME);
    const time = timeOr(call, 'time', f.time, this.core.now);
    this.servedPath = to;
    this.servedProvider = undefined;
    this.core.metrics.inc('fallbacks', {
      [LABEL.fromPath]: from,
      [LABEL.toPath]: to,
      [LABEL.reason]: reason,
      [LABEL.outcome]: outcome,
    });
    logFor(this.core, this.handle, {
      level: 'warn',
      event: LOG_EVENT.fallbackUsed,
      message: `fell back from ${from} to ${to} (${reason}): ${outcome}`,
      time,
      stage: STAGE.orchestrator,
    });
  }

  postprocess(p: { result: string; degraded: boolean; startTime?: number; endTime?: number }): void {
    const call = 'postprocess()';
    if (typeof p.result !== 'string') {
      requireString(call, 'result', p.result);
    }
    const start = timeOr(call, 'startTime', p.startTime, this.core.now);
    const end =
      p.endTime === undefined ? Math.max(start, this.core.now()) : optionalNumber(call, 'endTime', p.endTime, start)!;
    const resultHash = hashPrefix(p.result);
    const handle = startChildSpan(this.core, this.context, SPAN.postprocess, STAGE.postprocess, start, {
      [REQUEST_ATTR.degraded.key]: Boolean(p.degraded),
      [REQUEST_ATTR.resultHash.key]: resultHash,
    });
    handle.span.end(end);
    this.timeline.add(SPAN.postprocess, start, end);
    if (!this.core.logger.enabled('debug')) {
      return;
    }
    logFor(this.core, handle, {
      level: 'debug',
      event: LOG_EVENT.postprocessFinished,
      message: p.degraded ? 'aggregated a degraded result' : 'aggregated the result',
      time: end,
      stage: STAGE.postprocess,
      fields: { [LOG_FIELD.resultHash]: resultHash },
    });
  }

  log(entry: LogEntry): void {
    const record = entryToRecord('request.log()', entry, this.core.now);
    logFor(this.core, this.handle, { ...record, stage: record.stage ?? STAGE.ingress });
  }

  end(e: { outcome: RequestOutcome; httpStatus?: number; endTime?: number }): void {
    if (this.ended) {
      return;
    }
    const call = 'request.end()';
    const outcome = requireOneOf(call, 'outcome', e.outcome, REQUEST_OUTCOME);
    const httpStatus = optionalNumber(call, 'httpStatus', e.httpStatus, 100, 599);
    const endTime =
      e.endTime === undefined
        ? Math.max(this.startTime, this.core.now())
        : optionalNumber(call, 'endTime', e.endTime, this.startTime)!;
    this.ended = true;
    const duration = seconds(this.startTime, endTime);
    const { span } = this.handle;
    span.setAttributes({
      [REQUEST_ATTR.httpStatus.key]: int(httpStatus),
      [REQUEST_ATTR.degraded.key]: outcome === REQUEST_OUTCOME.degraded,
      [REQUEST_ATTR.path.key]: this.servedPath,
    });
    if (outcome === REQUEST_OUTCOME.error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end(endTime);
    this.timeline.add(SPAN.ingress, this.startTime, endTime);
    this.timeline.close();

    const routeLabels = {
      [LABEL.route]: this.route,
      [LABEL.model]: this.model,
      [LABEL.region]: this.region,
      [LABEL.path]: this.servedPath,
    };
    // Tail decision: failures, degraded answers and slow requests are always kept.
    const keep =
      outcome !== REQUEST_OUTCOME.ok ||
      duration >= this.core.slowRequestSeconds ||
      this.core.sampleOrdinary(this.route);
    const sampler = this.core.sampler;
    if (sampler) {
      sampler.decide(this.traceId, keep);
      // An exemplar is only worth its bytes when the trace it points at is exported.
      this.exemplar = keep ? exemplarLabels(this.traceId) : undefined;
    }

    this.core.metrics.inc('requests', { ...routeLabels, [LABEL.outcome]: outcome });
    this.core.metrics.observe('requestDuration', routeLabels, duration, this.exemplar);
    this.observeSpans();
    this.observeJobDurations();

    logFor(this.core, this.handle, {
      level: outcome === REQUEST_OUTCOME.error ? 'error' : outcome === REQUEST_OUTCOME.degraded ? 'warn' : 'info',
      event: LOG_EVENT.requestFinished,
      message: `${this.route} finished ${outcome} in ${duration.toFixed(3)} s`,
      time: endTime,
      stage: STAGE.ingress,
    });
  }

  /**
   * One start offset and one duration per lifecycle span, labelled like the request (final path included) and with
   * the provider that served a quantum path (NO_PROVIDER otherwise), so the Lifecycle page can narrow the stages to
   * a model, region or provider.
   */
  private observeSpans(): void {
    const { names, starts, ends } = this.timeline;
    const metrics = this.core.metrics;
    const quantum = this.servedPath === EXECUTION_PATH.qpu || this.servedPath === EXECUTION_PATH.simulator;
    const provider = (quantum && this.servedProvider) || NO_PROVIDER;
    for (let i = 0; i < names.length; i++) {
      const start = starts[i]!;
      // prom-client keeps a series' first labels object and never mutates it: both histograms can share one.
      const labels = {
        [LABEL.route]: this.route,
        [LABEL.model]: this.model,
        [LABEL.region]: this.region,
        [LABEL.path]: this.servedPath,
        [LABEL.provider]: provider,
        [LABEL.span]: names[i]!,
      };
      metrics.observe('requestSpanStartOffset', labels, seconds(this.startTime, start), this.exemplar);
      metrics.observe('requestSpanDuration', labels, seconds(start, ends[i]!), this.exemplar);
    }
  }

  private observeJobDurations(): void {
    const pending = this.pendingJobDurations;
    if (!pending) {
      return;
    }
    this.pendingJobDurations = undefined;
    for (let i = 0; i < pending.length; i += 2) {
      this.core.metrics.observe('quantumJobDuration', pending[i] as Labels, pending[i + 1] as number, this.exemplar);
    }
  }
}
