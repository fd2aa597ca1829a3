import type { DataFrame } from '@grafana/data';
import {
  ALERT,
  ALERT_PLAYBOOK,
  type AlertName,
  LABEL,
  PROMETHEUS_ALERTS,
  type PlaybookId,
} from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';
import { labelValueDisplayName } from '../../ui/providerNames';

/** refIds of the queries that say which SLOs and firing alerts lead to each playbook. */
export const ROUTING_REFS = { sloInfo: 'sloInfo', firing: 'firingAlerts' } as const;

/** The alerts whose runbook_url opens this playbook (the contract's ALERT_PLAYBOOK, read, not restated). */
export function alertsOf(playbook: PlaybookId): AlertName[] {
  return (Object.entries(ALERT_PLAYBOOK) as Array<[AlertName, PlaybookId]>)
    .filter(([, target]) => target === playbook)
    .map(([alert]) => alert);
}

/** SLO → playbook, from the `playbook` label the SLO generator writes on hybridlens_slo_info. */
export function sloPlaybooks(frames: readonly DataFrame[]): Map<string, PlaybookId> {
  const out = new Map<string, PlaybookId>();
  for (const s of samplesOf(frames, ROUTING_REFS.sloInfo)) {
    const slo = s.labels[LABEL.slo];
    const playbook = s.labels[LABEL.playbook];
    if (slo && playbook) {
      out.set(slo, playbook as PlaybookId);
    }
  }
  return out;
}

export interface FiringAlert {
  alertname: string;
  /** Provider, backend, model or SLO the alert is about, when it names one. */
  subject: string;
}

/**
 * Alerts firing now that lead to the playbook: ops alerts by the contract's map, burn-rate alerts by their
 * SLO's playbook label.
 */
export function firingFor(frames: readonly DataFrame[], playbook: PlaybookId): FiringAlert[] {
  const slos = sloPlaybooks(frames);
  const direct = new Set<string>(alertsOf(playbook));
  return samplesOf(frames, ROUTING_REFS.firing)
    .filter((s) => {
      const name = s.labels[PROMETHEUS_ALERTS.alertName] ?? '';
      if (name === ALERT.sloBurnRate) {
        return slos.get(s.labels[LABEL.slo] ?? '') === playbook;
      }
      return direct.has(name);
    })
    .map((s) => ({
      alertname: s.labels[PROMETHEUS_ALERTS.alertName] ?? '',
      subject: [LABEL.slo, LABEL.provider, LABEL.backend, LABEL.model]
        .map((l) => s.labels[l] && labelValueDisplayName(l, s.labels[l]))
        .filter(Boolean)
        .join(' / '),
    }));
}
