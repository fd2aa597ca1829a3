import { ALERT, type AlertName, SLI_TYPE, type SliType } from './slo';

/** Incident playbooks (the ops guide's A, B, C and the SLO playbooks); every alert's runbook_url points at one. */
export const PLAYBOOK = {
  /** A: quantum provider queue saturation / rate limit. */
  queueSaturation: 'queue-saturation',
  /** B: elevated quantum error rate or hardware failures. */
  quantumErrors: 'quantum-errors',
  /** C: LLM model drift or hallucination spike. */
  llmDrift: 'llm-drift',
  simulatorDivergence: 'simulator-divergence',
  providerOutage: 'provider-outage',
  calibrationDrift: 'calibration-drift',
  latency: 'latency',
} as const;
export type PlaybookId = (typeof PLAYBOOK)[keyof typeof PLAYBOOK];

/**
 * The playbook of each kind of SLO. The SLO generator writes it as the `playbook` label of
 * `hybridlens_slo_info` (a spec may override it); the app reads that label and never restates this map.
 */
export const SLI_PLAYBOOK: Readonly<Record<SliType, PlaybookId>> = {
  [SLI_TYPE.latency]: PLAYBOOK.latency,
  [SLI_TYPE.quantumJobSuccess]: PLAYBOOK.quantumErrors,
  [SLI_TYPE.schemaCompliance]: PLAYBOOK.llmDrift,
  [SLI_TYPE.queueing]: PLAYBOOK.queueSaturation,
  [SLI_TYPE.fallback]: PLAYBOOK.providerOutage,
  [SLI_TYPE.custom]: PLAYBOOK.latency,
};

/** The playbook each alert's `runbook_url` opens (burn-rate alerts use their SLO's playbook label instead). */
export const ALERT_PLAYBOOK: Readonly<Record<Exclude<AlertName, typeof ALERT.sloBurnRate>, PlaybookId>> = {
  [ALERT.endToEndErrorRate]: PLAYBOOK.providerOutage,
  [ALERT.quantumHardwareFailures]: PLAYBOOK.quantumErrors,
  [ALERT.providerOutageReported]: PLAYBOOK.providerOutage,
  [ALERT.quantumBacklogCritical]: PLAYBOOK.queueSaturation,
  [ALERT.llmHallucinationRate]: PLAYBOOK.llmDrift,
  [ALERT.latencyP95OverSlo]: PLAYBOOK.latency,
  [ALERT.providerRateLimited]: PLAYBOOK.queueSaturation,
  [ALERT.calibrationDrift]: PLAYBOOK.calibrationDrift,
};
