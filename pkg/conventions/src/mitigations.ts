import { ALERT, type AlertName } from './slo';

/**
 * Mitigations the orchestrator's feature flags offer (the simulator's admin API plays them; the
 * playbook pages call it). Each applied action is audited as a log line with LOG_FIELD.action / actor.
 */
export const MITIGATION_ACTION = {
  forceSimulator: 'force_simulator',
  releaseSimulator: 'release_simulator',
  reduceShots: 'reduce_shots',
  restoreShots: 'restore_shots',
  disableProvider: 'disable_provider',
  enableProvider: 'enable_provider',
  /** Playbook C: temperature 0 on LLM calls while a hallucination spike lasts. */
  deterministicDecoding: 'deterministic_decoding',
  restoreDecoding: 'restore_decoding',
} as const;
export type MitigationAction = (typeof MITIGATION_ACTION)[keyof typeof MITIGATION_ACTION];

/** HTTP paths of the admin API (relative to the service root). */
export const ADMIN_API_PATH = {
  /** GET: flags in force. */
  flags: '/admin/flags',
  /** POST {action, provider?, factor?, actor}: apply one mitigation. */
  actions: '/admin/actions',
  /** POST: an Alertmanager webhook payload (version 4); applied whole or not at all. */
  alertmanager: '/admin/alertmanager',
  /** GET: the most recent audit entries (who, what, when), newest first. */
  audit: '/admin/audit',
} as const;

/**
 * The admin API's optional bearer token: when the service is started with one, every admin request must send
 * `Authorization: Bearer <token>` (the app's proxy route adds it from the app's secure settings).
 */
export const ADMIN_API_AUTH = { header: 'Authorization', scheme: 'Bearer' } as const;

/** Log events of the audit trail. */
export const MITIGATION_LOG_EVENT = {
  applied: 'mitigation_applied',
  rejected: 'mitigation_rejected',
  alertIgnored: 'alert_ignored',
} as const;

/** Actor prefix for mitigations triggered by an alert: `alertmanager:<alertname>`. */
export const ALERTMANAGER_ACTOR_PREFIX = 'alertmanager:';

/**
 * Which mitigation an alert triggers when Alertmanager posts it (firing), and which undoes it (resolved).
 * `provider` actions take the provider from the alert's `provider` label.
 */
export const ALERT_MITIGATION: Readonly<
  Partial<Record<AlertName, { firing: MitigationAction; resolved: MitigationAction }>>
> = {
  [ALERT.quantumBacklogCritical]: {
    firing: MITIGATION_ACTION.forceSimulator,
    resolved: MITIGATION_ACTION.releaseSimulator,
  },
  [ALERT.quantumHardwareFailures]: {
    firing: MITIGATION_ACTION.disableProvider,
    resolved: MITIGATION_ACTION.enableProvider,
  },
  [ALERT.providerRateLimited]: { firing: MITIGATION_ACTION.reduceShots, resolved: MITIGATION_ACTION.restoreShots },
  [ALERT.llmHallucinationRate]: {
    firing: MITIGATION_ACTION.deterministicDecoding,
    resolved: MITIGATION_ACTION.restoreDecoding,
  },
};
