import { TRACE_STAGE, type TraceStage } from '@hybridlens/conventions';
import type { Cost } from './derive/cost';
import type { TraceLifecycle } from './derive/lifecycle';
import type { LlmCall } from './derive/llmCalls';
import type { QuantumJob } from './derive/quantumJobs';
import type { OrchestratorDecision, RequestSummary } from './derive/request';
import type { Completeness, TraceFormat } from './model';
import { problemTotal, type ProblemReport } from './problems';

/**
 * The lifecycle as plain JSON (what `hybridlens-trace lifecycle` prints): times are milliseconds from the
 * trace start, rounded to the microsecond; spans are referred to by id.
 */
export interface LifecycleReport {
  traceId: string;
  format?: TraceFormat;
  completeness: Completeness;
  /** RFC 3339 time of the first span start (absent for an empty trace). */
  start?: string;
  durationMs: number;
  spanCount: number;
  services: string[];
  request?: RequestSummary;
  stages: Array<{
    stage: TraceStage;
    criticalPathMs: number;
    share: number;
    selfMs: number;
    spanCount: number;
    errorCount: number;
  }>;
  criticalPath: string[];
  /** Time inside the request that no span explains (the unattributed stage's self time). */
  unattributedMs: number;
  quantumJobs: Array<
    Omit<QuantumJob, 'startMs' | 'endMs' | 'phases' | 'states'> & {
      offsetMs: number;
      phases: Array<{ phase: string; spanId: string; offsetMs: number; durationMs: number; error: boolean }>;
      states: Array<{ state: string; offsetMs: number; durationMs: number }>;
    }
  >;
  llmCalls: Array<Omit<LlmCall, 'spanIndex' | 'startMs' | 'endMs' | 'phases'> & { offsetMs: number }>;
  decisions: Array<Omit<OrchestratorDecision, 'spanIndex' | 'startMs'> & { offsetMs: number }>;
  idleGaps: Array<{ offsetMs: number; durationMs: number; waitingOn: string[] }>;
  cost: Cost;
  problems: ProblemReport & { total: number };
}

/** Milliseconds rounded to the microsecond (epoch-based floats carry sub-microsecond noise). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function lifecycleReport(lc: TraceLifecycle): LifecycleReport {
  const at = (ms: number) => roundMs(ms - lc.startMs);
  const idOf = (index: number) => lc.spans[index]!.span.spanId;
  return {
    traceId: lc.traceId,
    ...(lc.format ? { format: lc.format } : {}),
    completeness: lc.completeness,
    ...(lc.spans.length > 0 ? { start: new Date(lc.startMs).toISOString() } : {}),
    durationMs: roundMs(lc.durationMs),
    spanCount: lc.spans.length,
    services: lc.services,
    ...(lc.request ? { request: lc.request } : {}),
    stages: lc.stages.map((s) => ({
      stage: s.stage,
      criticalPathMs: roundMs(s.criticalPathMs),
      share: Math.round(s.share * 1e4) / 1e4,
      selfMs: roundMs(s.selfMs),
      spanCount: s.spanCount,
      errorCount: s.errorCount,
    })),
    criticalPath: lc.criticalPathSpanIds,
    unattributedMs: roundMs(lc.stages.find((s) => s.stage === TRACE_STAGE.unattributed)?.selfMs ?? 0),
    quantumJobs: lc.quantumJobs.map(({ startMs, endMs: _end, phases, states, durationMs, ...job }) => ({
      ...job,
      offsetMs: at(startMs),
      durationMs: roundMs(durationMs),
      phases: phases.map((p) => ({
        phase: p.phase,
        spanId: p.spanId,
        offsetMs: at(p.startMs),
        durationMs: roundMs(p.durationMs),
        error: p.error,
      })),
      states: states.map((s) => ({
        state: s.state,
        offsetMs: at(s.startMs),
        durationMs: roundMs(s.endMs - s.startMs),
      })),
    })),
    llmCalls: lc.llmCalls.map(({ spanIndex: _i, startMs, endMs: _e, phases: _p, durationMs, ...call }) => ({
      ...call,
      offsetMs: at(startMs),
      durationMs: roundMs(durationMs),
    })),
    decisions: lc.decisions.map(({ spanIndex: _i, startMs, ...decision }) => ({ ...decision, offsetMs: at(startMs) })),
    idleGaps: lc.idleGaps.map((g) => ({
      offsetMs: at(g.startMs),
      durationMs: roundMs(g.durationMs),
      waitingOn: g.waitingOn.map(idOf),
    })),
    cost: { ...lc.cost, quantumUsd: Math.round(lc.cost.quantumUsd * 1e6) / 1e6 },
    problems: { total: problemTotal(lc.problems), ...lc.problems },
  };
}
