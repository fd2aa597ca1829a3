import { type AppLink, PROVIDER_DETAIL_PARAM, jobQubitsParam } from '@hybridlens/conventions';
import type { SceneObject } from '@grafana/scenes';
import type { QuantumJob } from '@hybridlens/traces';
import { linkFromScene } from '../../app/links';

/** The backend page shows the calibration in force at the end of its range; a day before it gives the drift context. */
const CONTEXT_BEFORE_MS = 24 * 3600_000;

/**
 * The backend page of the job's device at the job's time: its range ends when the job finished (the calibration
 * the job ran on), and the qubits the job reported are highlighted and compared with the best chain then.
 * Undefined when the job does not name its provider and backend.
 */
export function backendAtJobTime(job: QuantumJob): AppLink | undefined {
  if (!job.provider || !job.backend) {
    return undefined;
  }
  const qubits = job.qubitsUsed ?? [];
  return {
    page: 'providerDetail',
    params: { provider: job.provider, backend: job.backend },
    time: { from: String(job.startMs - CONTEXT_BEFORE_MS), to: String(job.endMs) },
    query: qubits.length > 0 ? { [PROVIDER_DETAIL_PARAM.jobQubits]: jobQubitsParam(qubits) } : undefined,
  };
}

/** `backendAtJobTime` as a link from a page, keeping its datasources. */
export function backendHref(model: SceneObject, job: QuantumJob): string | undefined {
  const target = backendAtJobTime(job);
  return target ? linkFromScene(model, target) : undefined;
}
