import type { Rng } from './rng';

/** The quantum providers the simulator models; the same strings go into the `provider` label. */
export type ProviderId = 'ibm' | 'braket' | 'azure' | 'local';
export const PROVIDER_IDS: readonly ProviderId[] = ['ibm', 'braket', 'azure', 'local'];

export type JobFinal = 'success' | 'error' | 'cancelled';

/**
 * Each provider's own job state names, in the order a job walks through them.
 * IBM Qiskit Runtime: RuntimeJob.status(); Amazon Braket: QuantumTask status; Azure Quantum: Job.details.status;
 * the local simulator uses Qiskit's JobStatus names.
 */
export interface JobStateMachine {
  readonly provider: ProviderId;
  readonly states: readonly string[];
  /** States a job passes through before it runs. */
  readonly pending: readonly string[];
  readonly running: string;
  readonly final: Readonly<Record<JobFinal, string>>;
}

export const JOB_STATE_MACHINES: Readonly<Record<ProviderId, JobStateMachine>> = {
  ibm: {
    provider: 'ibm',
    states: ['INITIALIZING', 'QUEUED', 'RUNNING', 'DONE', 'ERROR', 'CANCELLED'],
    pending: ['INITIALIZING', 'QUEUED'],
    running: 'RUNNING',
    final: { success: 'DONE', error: 'ERROR', cancelled: 'CANCELLED' },
  },
  braket: {
    provider: 'braket',
    states: ['CREATED', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLING', 'CANCELLED'],
    pending: ['CREATED', 'QUEUED'],
    running: 'RUNNING',
    final: { success: 'COMPLETED', error: 'FAILED', cancelled: 'CANCELLED' },
  },
  azure: {
    provider: 'azure',
    states: ['Waiting', 'Executing', 'Succeeded', 'Failed', 'Cancelled'],
    pending: ['Waiting'],
    running: 'Executing',
    final: { success: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' },
  },
  local: {
    provider: 'local',
    states: ['QUEUED', 'RUNNING', 'DONE', 'ERROR', 'CANCELLED'],
    pending: ['QUEUED'],
    running: 'RUNNING',
    final: { success: 'DONE', error: 'ERROR', cancelled: 'CANCELLED' },
  },
};

/** One step of a job's life: the provider state entered and when. */
export interface JobTransition {
  state: string;
  time: number;
}

/** The transitions of a job that was submitted at `submitted`, started at `started` and ended at `ended`. */
export function jobTransitions(
  provider: ProviderId,
  submitted: number,
  started: number,
  ended: number,
  final: JobFinal
): JobTransition[] {
  const machine = JOB_STATE_MACHINES[provider];
  const pending = machine.pending.map((state, i) => ({
    state,
    time: submitted + ((started - submitted) * i) / machine.pending.length,
  }));
  if (final === 'cancelled' && started >= ended) {
    return [...pending, { state: machine.final.cancelled, time: ended }];
  }
  return [...pending, { state: machine.running, time: started }, { state: machine.final[final], time: ended }];
}

/** A job id in the provider's own format. */
export function providerJobId(provider: ProviderId, rng: Rng, region: string): string {
  switch (provider) {
    case 'ibm':
      // Qiskit Runtime job ids: 20 lower-case alphanumerics.
      return rng.alnum(20);
    case 'braket':
      return `arn:aws:braket:${region}:000000000000:quantum-task/${rng.uuid()}`;
    case 'azure':
      return rng.uuid();
    case 'local':
      return `local-${rng.uuid()}`;
  }
}
