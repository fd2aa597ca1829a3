import { PROBLEM, ProblemLog, type ProblemKind, type ProblemReport } from '../problems';
import type { Completeness, TraceFormat, TraceSpan } from '../model';
import type { TraceStage } from '@hybridlens/conventions';
import { rollUpCost, type Cost } from './cost';
import { criticalPath, type CriticalSegment } from './criticalPath';
import { idleGaps, type IdleGap, type IdleGapOptions } from './idleGaps';
import { llmCalls, type LlmCall } from './llmCalls';
import { quantumJobs, type QuantumJob } from './quantumJobs';
import { orchestratorDecisions, requestSummary, type OrchestratorDecision, type RequestSummary } from './request';
import { classifyStages, hasContractData, type StageOf, type StageSource } from './stage';
import { stageOfOwnTime, stageTotals, type StageTotal } from './stageTotals';
import { computeTiming, type Gap, type Timing } from './timing';
import { buildTree, type SpanTree } from './tree';

const NO_CONTRACT = PROBLEM.noContractAttributes;
// The common case (a foreign span, nothing else wrong) shares one list.
const ONLY_NO_CONTRACT: readonly ProblemKind[] = Object.freeze([NO_CONTRACT]);

/** A span in display order with everything a waterfall row and a detail pane need. */
export interface LifecycleSpan {
  /** Position in `TraceLifecycle.spans` (depth-first, children by start time). */
  index: number;
  span: TraceSpan;
  /** Index of the parent, -1 for a root. */
  parent: number;
  depth: number;
  children: readonly number[];
  /** Index just past the last descendant: the subtree is `spans.slice(index, subtreeEnd)` (for collapsing). */
  subtreeEnd: number;
  stage: TraceStage;
  stageSource: StageSource;
  /** Start relative to the trace start, ms. */
  offsetMs: number;
  durationMs: number;
  /** Time not covered by any child, ms. */
  selfMs: number;
  /** Time this span itself is on the critical path, ms (0 when it is not). */
  criticalPathMs: number;
  error: boolean;
  /** Cost of the span and everything below it; absent when nothing there cost anything. */
  cost?: Cost;
  /** Problems that concern this span (orphan, cut cycle link, clock skew, no contract data). */
  problems?: readonly ProblemKind[];
}

/** A stretch of time inside a span that no child covers, with the stage it counts for. */
export interface UnattributedGap extends Gap {
  spanId: string;
  stage: TraceStage;
  durationMs: number;
}

export interface CriticalPathStretch extends CriticalSegment {
  /** Absent for time between roots. */
  spanId?: string;
  stage: TraceStage;
}

export interface TraceLifecycle {
  traceId: string;
  format?: TraceFormat;
  completeness: Completeness;
  /** Epoch ms of the first start and the last end over all spans (0 for an empty trace). */
  startMs: number;
  endMs: number;
  durationMs: number;
  spans: LifecycleSpan[];
  roots: number[];
  services: string[];
  request?: RequestSummary;
  stages: StageTotal[];
  /** The critical path in time order; covers the whole trace. */
  criticalPath: CriticalPathStretch[];
  /** Ids of the spans on the critical path, in the order the path first reaches them. */
  criticalPathSpanIds: string[];
  /**
   * Uncovered time inside spans that have children ("unattributed time" rows), each at least
   * `minGapShare` of the trace (shorter ones cannot show in a waterfall; self time still counts them).
   */
  gaps: UnattributedGap[];
  /** Stretches where nothing starts or ends, for gap compression (see `timeAxis`). */
  idleGaps: IdleGap[];
  quantumJobs: QuantumJob[];
  llmCalls: LlmCall[];
  decisions: OrchestratorDecision[];
  cost: Cost;
  problems: ProblemReport;
}

export interface DeriveInput {
  traceId: string;
  spans: readonly TraceSpan[];
  /** Problems found while reading (counted with the ones the derivation finds). */
  problems?: ProblemReport;
}

export interface DeriveOptions {
  format?: TraceFormat;
  completeness?: Completeness;
  idleGaps?: IdleGapOptions;
  /** Shortest gap listed in `gaps`, as a share of the trace duration (default 0.001: under a pixel at 1000 px). */
  minGapShare?: number;
}

export const DEFAULT_MIN_GAP_SHARE = 0.001;

/**
 * Derives the lifecycle of one trace: tree, stages, self time, unattributed gaps, critical path, per-stage
 * totals, cost roll-up, quantum jobs, LLM calls, orchestrator decisions and idle gaps. Never throws on a
 * messy trace: every repair is counted in `problems`, and every input span is either in `spans` or counted.
 */
export function deriveLifecycle(input: DeriveInput, options: DeriveOptions = {}): TraceLifecycle {
  const problems = new ProblemLog();
  if (input.problems) {
    problems.merge(input.problems);
  }
  const tree = buildTree(input.spans, problems);
  const n = tree.spans.length;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const span of tree.spans) {
    startMs = Math.min(startMs, span.startMs);
    endMs = Math.max(endMs, span.endMs);
  }
  if (n === 0) {
    startMs = 0;
    endMs = 0;
  }
  const timing = computeTiming(tree);
  const stages = classifyStages(tree);
  const path = criticalPath(tree, timing, startMs, endMs);
  const onPath = new Float64Array(n);
  const pathIds: string[] = [];
  const seen = new Uint8Array(n);
  const stretches: CriticalPathStretch[] = path.map((segment) => {
    const stage = stageOfOwnTime(tree, stages, segment.spanIndex);
    if (segment.spanIndex === -1) {
      return { ...segment, stage };
    }
    onPath[segment.spanIndex]! += segment.endMs - segment.startMs;
    if (!seen[segment.spanIndex]) {
      seen[segment.spanIndex] = 1;
      pathIds.push(tree.spans[segment.spanIndex]!.spanId);
    }
    return { ...segment, spanId: tree.spans[segment.spanIndex]!.spanId, stage };
  });
  const cost = rollUpCost(tree);
  const services = new Set<string>();
  const spans = new Array<LifecycleSpan>(n);
  for (let i = 0; i < n; i++) {
    const span = tree.spans[i]!;
    if (span.serviceName) {
      services.add(span.serviceName);
    }
    let spanProblems: readonly ProblemKind[] | undefined = tree.spanProblems.get(i);
    if (!hasContractData(span)) {
      problems.add(NO_CONTRACT, () => `"${span.name}" has no contract span name or attribute`, span.spanId);
      spanProblems = spanProblems ? [...spanProblems, NO_CONTRACT] : ONLY_NO_CONTRACT;
    }
    const row: LifecycleSpan = {
      index: i,
      span,
      parent: tree.parent[i]!,
      depth: tree.depth[i]!,
      children: tree.children[i]!,
      subtreeEnd: tree.subtreeEnd[i]!,
      stage: stages[i]!.stage,
      stageSource: stages[i]!.source,
      offsetMs: span.startMs - startMs,
      durationMs: span.endMs - span.startMs,
      selfMs: timing.selfMs[i]!,
      criticalPathMs: onPath[i]!,
      error: span.status === 'error',
      // Always present (maybe undefined): one object shape for every row.
      cost: cost.subtree[i],
      problems: spanProblems,
    };
    spans[i] = row;
  }
  return {
    traceId: input.traceId,
    ...(options.format ? { format: options.format } : {}),
    completeness: options.completeness ?? { status: 'complete' },
    startMs,
    endMs,
    durationMs: endMs - startMs,
    spans,
    roots: tree.roots,
    services: [...services].sort(),
    ...withRequest(requestSummary(tree)),
    stages: stageTotals(tree, stages, timing, path, startMs, endMs),
    criticalPath: stretches,
    criticalPathSpanIds: pathIds,
    gaps: unattributedGaps(tree, stages, timing, (options.minGapShare ?? DEFAULT_MIN_GAP_SHARE) * (endMs - startMs)),
    idleGaps: idleGaps(tree, timing, startMs, endMs, options.idleGaps),
    quantumJobs: quantumJobs(tree),
    llmCalls: llmCalls(tree, stages),
    decisions: orchestratorDecisions(tree),
    cost: cost.total,
    problems: problems.report(),
  };
}

function unattributedGaps(
  tree: SpanTree,
  stages: readonly StageOf[],
  timing: Timing,
  minMs: number
): UnattributedGap[] {
  const list = timing.gaps;
  const out: UnattributedGap[] = [];
  for (let k = 0; k < list.length; k++) {
    const startMs = list.startMs(k);
    const endMs = list.endMs(k);
    if (endMs - startMs < minMs) {
      continue;
    }
    const spanIndex = list.spanIndex(k);
    out.push({
      spanIndex,
      spanId: tree.spans[spanIndex]!.spanId,
      stage: stageOfOwnTime(tree, stages, spanIndex),
      startMs,
      endMs,
      durationMs: endMs - startMs,
    });
  }
  return out;
}

function withRequest(request: RequestSummary | undefined): { request?: RequestSummary } {
  return request ? { request } : {};
}
