import { type ProviderJobStates, QUANTUM_JOB_STATES } from '@hybridlens/conventions';
import type { Rng } from './rng';

/** The quantum providers the simulator models; the same strings go into the `provider` label. */
export type ProviderId = 'ibm' | 'braket' | 'azure' | 'local';
export const PROVIDER_IDS: readonly ProviderId[] = ['ibm', 'braket', 'azure', 'local'];

export type JobFinal = 'success' | 'error' | 'cancelled';

/**
 * Each provider's own job states, as the contract defines them (`QUANTUM_JOB_STATES`: the values of
 * `quantum.job.status` that the trace and job pages read back), for the providers the simulator models.
 */
export type JobStateMachine = ProviderJobStates & { readonly provider: ProviderId };

export const JOB_STATE_MACHINES: Readonly<Record<ProviderId, JobStateMachine>> = Object.fromEntries(
  PROVIDER_IDS.map((provider) => [provider, { provider, ...QUANTUM_JOB_STATES[provider] }])
) as Record<ProviderId, JobStateMachine>;

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
