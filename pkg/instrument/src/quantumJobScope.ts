import * as otel from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import * as conventions from '@hybridlens/conventions';
import type { QuantumPhase, SpanName } from '@hybridlens/conventions';
import type { QuantumCompile, QuantumEnqueue, QuantumExecute, QuantumJobInit, QuantumJobScope } from './api';
import * as core from './core';
import type { RequestParent, TelemetryCore } from './core';
import * as errors from './errors';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { JOB_OUTCOME, LABEL, LOG_EVENT, LOG_FIELD, QUANTUM_ATTR, QUANTUM_ERROR_TYPE, QUANTUM_PHASE, SPAN, STAGE } =
  conventions;
const { SpanKind, SpanStatusCode } = otel;
const { defined, int, logFor, seconds, startChildSpan } = core;
const { InstrumentInputError, optionalNumber, requireNumber, requireOneOf, requireString, timeOr } = errors;

export class QuantumJobScopeImpl implements QuantumJobScope {
  private readonly provider: string;
  private readonly backend: string;
  private readonly shots: number;
  /** Attributes every quantum span of this job carries. */
  private readonly jobAttributes: Attributes;
  private firstStart: number | undefined;
  private providerJobId: string | undefined;
  private finished = false;

  constructor(
    private readonly core: TelemetryCore,
    private readonly parent: RequestParent,
    init: QuantumJobInit
  ) {
    const call = 'quantumJob()';
    this.provider = requireString(call, 'provider', init.provider);
    this.backend = requireString(call, 'backend', init.backend);
    this.shots = requireNumber(call, 'shots', init.shots, 0);
    optionalNumber(call, 'originalShots', init.originalShots, 0);
    // Without its undefined values: three spans per job copy this object.
    this.jobAttributes = defined({
      [QUANTUM_ATTR.provider.key]: this.provider,
      [QUANTUM_ATTR.backend.key]: this.backend,
      [QUANTUM_ATTR.simulator.key]: Boolean(init.simulator),
      [QUANTUM_ATTR.shots.key]: Math.round(this.shots),
      [QUANTUM_ATTR.shotsRequestedOriginal.key]: int(init.originalShots),
      [QUANTUM_ATTR.calibrationVersion.key]: init.calibrationVersion,
      [QUANTUM_ATTR.circuitDepth.key]: int(init.circuitDepth),
      [QUANTUM_ATTR.circuitWidth.key]: int(init.circuitWidth),
      [QUANTUM_ATTR.qubitsUsed.key]: init.qubitsUsed?.map((q) => Math.round(q)),
      [QUANTUM_ATTR.transpilerOptions.key]: init.transpilerOptions
        ? compactJson(call, 'transpilerOptions', init.transpilerOptions)
        : undefined,
      [QUANTUM_ATTR.optimizationLevel.key]: int(init.optimizationLevel),
    });
  }

  enqueue(p: QuantumEnqueue): void {
    const call = 'quantumJob.enqueue()';
    optionalNumber(call, 'queuePosition', p.queuePosition, 0);
    const { start, end } = this.times(call, p);
    if (p.providerJobId) {
      this.providerJobId = p.providerJobId;
    }
    const errorType = p.rateLimited ? QUANTUM_ERROR_TYPE.rateLimited : undefined;
    this.phaseSpan(
      SPAN.quantumEnqueue,
      QUANTUM_PHASE.enqueue,
      start,
      end,
      {
        [QUANTUM_ATTR.queuePosition.key]: int(p.queuePosition),
        [QUANTUM_ATTR.jobId.key]: p.providerJobId,
        [QUANTUM_ATTR.errorType.key]: errorType,
      },
      errorType ? { errorType } : undefined
    );
    if (p.rateLimited) {
      this.core.metrics.inc('providerRateLimited', { [LABEL.provider]: this.provider });
    }
  }

  compile(p: QuantumCompile): void {
    const { start, end } = this.times('quantumJob.compile()', p);
    const errorType = p.error ? QUANTUM_ERROR_TYPE.compileError : undefined;
    this.phaseSpan(
      SPAN.quantumCompile,
      QUANTUM_PHASE.compile,
      start,
      end,
      { [QUANTUM_ATTR.errorType.key]: errorType },
      errorType ? { errorType, message: p.error } : undefined
    );
  }

  execute(p: QuantumExecute): void {
    const call = 'quantumJob.execute()';
    requireString(call, 'providerJobId', p.providerJobId);
    requireString(call, 'providerStatus', p.providerStatus);
    const outcome = requireOneOf(call, 'outcome', p.outcome, JOB_OUTCOME);
    const errorType =
      p.errorType === undefined ? undefined : requireOneOf(call, 'errorType', p.errorType, QUANTUM_ERROR_TYPE);
    const fidelity = optionalNumber(call, 'fidelity', p.fidelity, 0, 1);
    const spend = optionalNumber(call, 'spendUsd', p.spendUsd, 0);
    const margin = optionalNumber(call, 'coherenceMarginSeconds', p.coherenceMarginSeconds);
    const { start, end } = this.times(call, p);
    this.providerJobId = p.providerJobId;
    const failed = outcome === JOB_OUTCOME.error;
    this.phaseSpan(
      SPAN.quantumExecute,
      QUANTUM_PHASE.execute,
      start,
      end,
      {
        [QUANTUM_ATTR.jobId.key]: p.providerJobId,
        [QUANTUM_ATTR.jobStatus.key]: p.providerStatus,
        [QUANTUM_ATTR.errorType.key]: errorType,
        [QUANTUM_ATTR.fidelity.key]: fidelity,
        [QUANTUM_ATTR.estimatedSpendUsd.key]: spend,
      },
      failed ? { errorType } : undefined
    );
    if (this.finished) {
      return;
    }
    this.finished = true;
    const job = { [LABEL.provider]: this.provider, [LABEL.backend]: this.backend };
    const metrics = this.core.metrics;
    this.parent.jobDuration({ ...job, [LABEL.phase]: QUANTUM_PHASE.total }, seconds(this.firstStart ?? start, end));
    metrics.inc('quantumJobs', { ...job, [LABEL.outcome]: outcome });
    if (errorType) {
      metrics.inc('quantumJobErrors', { ...job, [LABEL.errorType]: errorType });
    }
    metrics.observe('quantumJobShots', job, this.shots);
    if (fidelity !== undefined) {
      metrics.observe('quantumJobFidelity', job, fidelity);
    }
    if (spend !== undefined && spend > 0) {
      metrics.inc('quantumSpend', job, spend);
    }
    if (margin !== undefined) {
      metrics.set('quantumCoherenceMargin', job, margin);
    }
  }

  private times(call: string, p: { startTime?: number; endTime?: number }): { start: number; end: number } {
    const start = timeOr(call, 'startTime', p.startTime, this.core.now);
    const end =
      p.endTime === undefined ? Math.max(start, this.core.now()) : requireNumber(call, 'endTime', p.endTime, start);
    this.firstStart = Math.min(this.firstStart ?? start, start);
    return { start, end };
  }

  private phaseSpan(
    name: SpanName,
    phase: QuantumPhase,
    start: number,
    end: number,
    extra: Attributes,
    failure?: { errorType?: string; message?: string }
  ): void {
    const errorType = failure?.errorType;
    const handle = startChildSpan(
      this.core,
      this.parent.context,
      name,
      STAGE.quantum,
      start,
      this.jobAttributes,
      phase === QUANTUM_PHASE.enqueue ? SpanKind.CLIENT : SpanKind.INTERNAL,
      extra
    );
    if (failure) {
      handle.span.setStatus({ code: SpanStatusCode.ERROR, ...(errorType ? { message: errorType } : {}) });
    }
    handle.span.end(end);
    this.parent.timeline.add(name, start, end);
    this.parent.jobDuration(
      { [LABEL.provider]: this.provider, [LABEL.backend]: this.backend, [LABEL.phase]: phase },
      seconds(start, end)
    );
    const level = failure ? 'error' : phase === QUANTUM_PHASE.execute ? 'info' : 'debug';
    if (!this.core.logger.enabled(level)) {
      return;
    }
    logFor(this.core, handle, {
      level,
      event: pickEvent(phase, failure !== undefined),
      message: failure
        ? `quantum ${phase} failed on ${this.backend}${failure.message ? `: ${failure.message}` : errorType ? ` (${errorType})` : ''}`
        : `quantum ${phase} finished on ${this.backend}`,
      time: end,
      stage: STAGE.quantum,
      fields: {
        [LOG_FIELD.provider]: this.provider,
        [LOG_FIELD.backend]: this.backend,
        [LOG_FIELD.providerJobId]: this.providerJobId,
        [LOG_FIELD.errorType]: errorType,
      },
    });
  }
}

function pickEvent(phase: QuantumPhase, failed: boolean): string {
  switch (phase) {
    case QUANTUM_PHASE.enqueue:
      return failed ? LOG_EVENT.quantumJobRateLimited : LOG_EVENT.quantumJobEnqueued;
    case QUANTUM_PHASE.compile:
      return failed ? LOG_EVENT.quantumCompileFailed : LOG_EVENT.quantumCompileFinished;
    default:
      return failed ? LOG_EVENT.quantumJobFailed : LOG_EVENT.quantumJobFinished;
  }
}

function compactJson(call: string, field: string, value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    throw new InstrumentInputError(call, field, 'must be JSON-serialisable (no cycles, no BigInt)');
  }
}
