import { JOB_OUTCOME, QUANTUM_PROVIDER } from './labels';

type QuantumProviderId = (typeof QUANTUM_PROVIDER)[keyof typeof QUANTUM_PROVIDER];
type JobOutcomeName = (typeof JOB_OUTCOME)[keyof typeof JOB_OUTCOME];

/**
 * Each provider's own job state names (the values of `quantum.job.status` and of a job's state timeline), in
 * the order a job walks through them: states before it runs, the running state, and the final state per
 * outcome. IBM Qiskit Runtime `RuntimeJob.status()`, Amazon Braket quantum task status, Azure Quantum job
 * status, Google Quantum Engine `ExecutionStatus.State`; the local simulator uses Qiskit's `JobStatus` names.
 */
export interface ProviderJobStates {
  readonly pending: readonly string[];
  readonly running: string;
  readonly final: Readonly<Record<JobOutcomeName, string>>;
}

export const QUANTUM_JOB_STATES: Readonly<Record<QuantumProviderId, ProviderJobStates>> = {
  [QUANTUM_PROVIDER.ibm]: {
    pending: ['INITIALIZING', 'QUEUED'],
    running: 'RUNNING',
    final: { success: 'DONE', error: 'ERROR', cancelled: 'CANCELLED' },
  },
  [QUANTUM_PROVIDER.braket]: {
    pending: ['CREATED', 'QUEUED'],
    running: 'RUNNING',
    final: { success: 'COMPLETED', error: 'FAILED', cancelled: 'CANCELLED' },
  },
  [QUANTUM_PROVIDER.azure]: {
    pending: ['Waiting'],
    running: 'Executing',
    final: { success: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' },
  },
  [QUANTUM_PROVIDER.google]: {
    pending: ['READY'],
    running: 'RUNNING',
    final: { success: 'SUCCESS', error: 'FAILURE', cancelled: 'CANCELLED' },
  },
  [QUANTUM_PROVIDER.local]: {
    pending: ['QUEUED'],
    running: 'RUNNING',
    final: { success: 'DONE', error: 'ERROR', cancelled: 'CANCELLED' },
  },
};

/** The outcome a provider's final state name stands for, or undefined when it is not one of its final states. */
export function outcomeOfProviderState(provider: string, state: string): JobOutcomeName | undefined {
  const states = (QUANTUM_JOB_STATES as Readonly<Record<string, ProviderJobStates | undefined>>)[provider];
  if (!states) {
    return undefined;
  }
  const found = Object.entries(states.final).find(([, name]) => name === state);
  return found ? (found[0] as JobOutcomeName) : undefined;
}
