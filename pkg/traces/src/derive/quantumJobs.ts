import {
  JOB_OUTCOME,
  QUANTUM_ATTR,
  QUANTUM_JOB_STATES,
  QUANTUM_PHASE,
  SPAN,
  outcomeOfProviderState,
  type JobOutcome,
  type ProviderJobStates,
  type QuantumPhase,
} from '@hybridlens/conventions';
import type { TraceSpan } from '../model';
import { bool, int, intList, num, str, withoutUndefined } from './attributes';
import type { SpanTree } from './tree';

export type JobPhase = Exclude<QuantumPhase, 'total'>;

export interface JobPhaseTime {
  phase: JobPhase;
  spanIndex: number;
  spanId: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  error: boolean;
}

/** One stretch of the provider's own state timeline (a final state has `startMs === endMs`). */
export interface JobState {
  state: string;
  startMs: number;
  endMs: number;
}

export interface QuantumJob {
  /** The provider's job id; absent when the job never got one (e.g. the submission was rate-limited). */
  jobId?: string;
  provider?: string;
  backend?: string;
  simulator?: boolean;
  shots?: number;
  originalShots?: number;
  queuePosition?: number;
  calibrationVersion?: string;
  qubitsUsed?: number[];
  circuitDepth?: number;
  circuitWidth?: number;
  /** The provider's own final state name (`quantum.job.status`). */
  providerStatus?: string;
  /** success, error, cancelled, or unknown when the trace does not say (no final state, no execution yet). */
  outcome: JobOutcome | 'unknown';
  errorType?: string;
  spendUsd?: number;
  fidelity?: number;
  /** Phase spans in time order (a resubmitted job can have several enqueue phases). */
  phases: JobPhaseTime[];
  /** The provider-native state timeline: queued while enqueued, running while compiling and executing, then final. */
  states: JobState[];
  startMs: number;
  endMs: number;
  durationMs: number;
}

const PHASE_OF_SPAN: Readonly<Record<string, JobPhase | undefined>> = {
  [SPAN.quantumEnqueue]: QUANTUM_PHASE.enqueue,
  [SPAN.quantumCompile]: QUANTUM_PHASE.compile,
  [SPAN.quantumExecute]: QUANTUM_PHASE.execute,
};

const PROVIDER_STATES = QUANTUM_JOB_STATES as Readonly<Record<string, ProviderJobStates | undefined>>;

interface Building {
  job: QuantumJob;
  hasPhase: Set<JobPhase>;
}

function absorb(job: QuantumJob, span: TraceSpan): void {
  const a = span.attributes;
  job.provider ??= str(a, QUANTUM_ATTR.provider.key);
  job.backend ??= str(a, QUANTUM_ATTR.backend.key);
  job.simulator ??= bool(a, QUANTUM_ATTR.simulator.key);
  job.shots ??= int(a, QUANTUM_ATTR.shots.key);
  job.originalShots ??= int(a, QUANTUM_ATTR.shotsRequestedOriginal.key);
  job.queuePosition ??= int(a, QUANTUM_ATTR.queuePosition.key);
  job.calibrationVersion ??= str(a, QUANTUM_ATTR.calibrationVersion.key);
  job.qubitsUsed ??= intList(a, QUANTUM_ATTR.qubitsUsed.key);
  job.circuitDepth ??= int(a, QUANTUM_ATTR.circuitDepth.key);
  job.circuitWidth ??= int(a, QUANTUM_ATTR.circuitWidth.key);
  // Later phases know the final state, cost and error: they win.
  job.providerStatus = str(a, QUANTUM_ATTR.jobStatus.key) ?? job.providerStatus;
  job.errorType = str(a, QUANTUM_ATTR.errorType.key) ?? job.errorType;
  job.spendUsd = num(a, QUANTUM_ATTR.estimatedSpendUsd.key) ?? job.spendUsd;
  job.fidelity = num(a, QUANTUM_ATTR.fidelity.key) ?? job.fidelity;
}

function outcomeOf(job: QuantumJob): QuantumJob['outcome'] {
  if (job.provider && job.providerStatus) {
    const byState = outcomeOfProviderState(job.provider, job.providerStatus);
    if (byState) {
      return byState;
    }
  }
  if (job.phases.some((p) => p.error) || job.errorType) {
    return JOB_OUTCOME.error;
  }
  return job.phases.some((p) => p.phase === QUANTUM_PHASE.execute) ? JOB_OUTCOME.success : 'unknown';
}

/** Queued while enqueued (the queue wait), running from the first compile or execute on, then the final state. */
function statesOf(job: QuantumJob): JobState[] {
  const machine = job.provider ? PROVIDER_STATES[job.provider] : undefined;
  const enqueues = job.phases.filter((p) => p.phase === QUANTUM_PHASE.enqueue);
  const runs = job.phases.filter((p) => p.phase !== QUANTUM_PHASE.enqueue);
  const states: JobState[] = [];
  // A submission that never got a job id never reached the provider's queue.
  if (enqueues.length > 0 && job.jobId !== undefined) {
    states.push({
      state: machine ? machine.pending[machine.pending.length - 1]! : 'queued',
      startMs: enqueues[0]!.startMs,
      endMs: Math.max(...enqueues.map((p) => p.endMs)),
    });
  }
  if (runs.length > 0) {
    states.push({
      state: machine ? machine.running : 'running',
      startMs: runs[0]!.startMs,
      endMs: Math.max(...runs.map((p) => p.endMs)),
    });
  }
  const final = job.providerStatus ?? (machine && job.outcome !== 'unknown' ? machine.final[job.outcome] : undefined);
  if (final !== undefined && (states.length > 0 || job.providerStatus !== undefined)) {
    states.push({ state: final, startMs: job.endMs, endMs: job.endMs });
  }
  return states;
}

/** The same job with its keys in the order a person reads a job card (and absent fields left out). */
function inReadingOrder(job: QuantumJob): QuantumJob {
  return withoutUndefined({
    jobId: job.jobId,
    provider: job.provider,
    backend: job.backend,
    simulator: job.simulator,
    outcome: job.outcome,
    providerStatus: job.providerStatus,
    errorType: job.errorType,
    shots: job.shots,
    originalShots: job.originalShots,
    queuePosition: job.queuePosition,
    spendUsd: job.spendUsd,
    fidelity: job.fidelity,
    calibrationVersion: job.calibrationVersion,
    circuitDepth: job.circuitDepth,
    circuitWidth: job.circuitWidth,
    qubitsUsed: job.qubitsUsed,
    startMs: job.startMs,
    endMs: job.endMs,
    durationMs: job.durationMs,
    phases: job.phases,
    states: job.states,
  });
}

/**
 * The quantum jobs of a trace, from the contract's phase spans. Phases join a job by `quantum.job.id`; a phase
 * without one (compile) joins the open job of the same parent, provider and backend; an enqueue without a
 * known id starts a new job.
 */
export function quantumJobs(tree: SpanTree): QuantumJob[] {
  const phaseSpans: number[] = [];
  for (let i = 0; i < tree.spans.length; i++) {
    if (PHASE_OF_SPAN[tree.spans[i]!.name]) {
      phaseSpans.push(i);
    }
  }
  phaseSpans.sort((a, b) => tree.spans[a]!.startMs - tree.spans[b]!.startMs || a - b);
  const jobs: Building[] = [];
  const byId = new Map<string, Building>();
  const open = new Map<string, Building>();
  for (const i of phaseSpans) {
    const span = tree.spans[i]!;
    const phase = PHASE_OF_SPAN[span.name]!;
    const a = span.attributes;
    const jobId = str(a, QUANTUM_ATTR.jobId.key);
    const key = `${tree.parent[i]}\u0000${str(a, QUANTUM_ATTR.provider.key) ?? ''}\u0000${str(a, QUANTUM_ATTR.backend.key) ?? ''}`;
    let building = jobId !== undefined ? byId.get(jobId) : undefined;
    if (!building && phase !== QUANTUM_PHASE.enqueue) {
      const candidate = open.get(key);
      if (candidate && !candidate.hasPhase.has(phase) && (jobId === undefined || candidate.job.jobId === undefined)) {
        building = candidate;
      }
    }
    if (!building) {
      building = {
        job: { outcome: 'unknown', phases: [], states: [], startMs: span.startMs, endMs: span.endMs, durationMs: 0 },
        hasPhase: new Set(),
      };
      jobs.push(building);
    }
    const job = building.job;
    if (jobId !== undefined && job.jobId === undefined) {
      job.jobId = jobId;
      byId.set(jobId, building);
    }
    absorb(job, span);
    job.phases.push({
      phase,
      spanIndex: i,
      spanId: span.spanId,
      startMs: span.startMs,
      endMs: span.endMs,
      durationMs: span.endMs - span.startMs,
      error: span.status === 'error',
    });
    building.hasPhase.add(phase);
    job.startMs = Math.min(job.startMs, span.startMs);
    job.endMs = Math.max(job.endMs, span.endMs);
    if (phase === QUANTUM_PHASE.execute) {
      open.delete(key);
    } else {
      open.set(key, building);
    }
  }
  return jobs.map(({ job }) => {
    job.durationMs = job.endMs - job.startMs;
    job.outcome = outcomeOf(job);
    job.states = statesOf(job);
    return inReadingOrder(job);
  });
}
