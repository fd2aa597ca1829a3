import {
  ADMIN_API_AUTH,
  ADMIN_API_PATH,
  ALERT_MITIGATION,
  LABEL,
  PAGING_SEVERITIES,
  PROMETHEUS_ALERTS,
  nre,
  oneOf,
  regexOf,
} from '@hybridlens/conventions';
import { stringify } from 'yaml';
import { grafanaRootUrl } from '../grafanaUrl';
import { generatedHeader } from '../output/generatedMark';

export const DEFAULT_ALERTMANAGER_FILE = 'provisioning/alertmanager/alertmanager.yml';
/** The simulator of the docker-compose stack, which plays the orchestrator's admin API. */
export const DEFAULT_WEBHOOK_ROOT = 'http://simulator:9464';
/** Where the docker-compose stack mounts the admin API's token for Alertmanager (its secrets volume). */
export const PROVISIONED_WEBHOOK_TOKEN_FILE = '/etc/alertmanager/secrets/admin-token';

export const RECEIVER = {
  /** P0 and P1: a human is paged. */
  pager: 'pager',
  /** P2 (and anything without a known severity): a channel or dashboard, nobody woken up. */
  notify: 'notify',
  /** Alerts with an automated mitigation: the admin API applies it (firing) and undoes it (resolved). */
  mitigation: 'mitigation-webhook',
} as const;

/** Alerts whose mitigation the admin API applies, in the contract's order. */
export const MITIGATED_ALERTS: readonly string[] = Object.keys(ALERT_MITIGATION);

export interface AlertmanagerOptions {
  /** Root URL of the service with the admin API; the contract's webhook path is appended. */
  webhookRoot: string;
  /** A file holding the admin API's bearer token, read by Alertmanager (the token never enters the config). */
  tokenFile?: string;
}

const HEADER_NOTES = [
  '# Routing by the severity label (the ops guide P0/P1/P2): P0 and P1 page, P2 notifies. Alerts with an automated',
  "# mitigation also reach the admin API's webhook first (continue: true), which applies it and undoes it when the",
  '# alert resolves. "pager" and "notify" have no integration yet: add yours, then delete the first line so that',
  '# `hybridlens-slo alertmanager` no longer overwrites this file.',
];

/** alertmanager.yml as text. */
export function alertmanagerConfig(options: AlertmanagerOptions): string {
  const webhook = `${grafanaRootUrl(options.webhookRoot, 'webhook URL')}${ADMIN_API_PATH.alertmanager}`;
  const auth = options.tokenFile
    ? { http_config: { authorization: { type: ADMIN_API_AUTH.scheme, credentials_file: options.tokenFile } } }
    : {};
  const config = {
    route: {
      receiver: RECEIVER.notify,
      group_by: [PROMETHEUS_ALERTS.alertName, LABEL.slo, LABEL.provider, LABEL.backend],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [
        {
          receiver: RECEIVER.mitigation,
          matchers: [oneOf(PROMETHEUS_ALERTS.alertName, MITIGATED_ALERTS)],
          continue: true,
        },
        { receiver: RECEIVER.pager, matchers: [oneOf(LABEL.severity, PAGING_SEVERITIES)] },
        // Everything that does not page notifies: P2, and an alert with no or an unknown severity is never dropped.
        { receiver: RECEIVER.notify, matchers: [nre(LABEL.severity, regexOf(PAGING_SEVERITIES))] },
      ],
    },
    receivers: [
      { name: RECEIVER.pager },
      { name: RECEIVER.notify },
      { name: RECEIVER.mitigation, webhook_configs: [{ url: webhook, send_resolved: true, ...auth }] },
    ],
  };
  return `${generatedHeader('alertmanager')}\n${HEADER_NOTES.join('\n')}\n${stringify(config, { lineWidth: 0 })}`;
}
