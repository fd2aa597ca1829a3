import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_API_PATH } from '@hybridlens/conventions';
import { repoRoot } from '@hybridlens/testkit';
import { parseDocument } from 'yaml';

/** The provisioned files the compose stack mounts, used as they are. */
export const PROVISIONED_ALERTMANAGER = join(repoRoot, 'provisioning/alertmanager/alertmanager.yml');
export const PROVISIONED_RULES_GLOB = join(repoRoot, 'provisioning/prometheus/rules/*.yml');

interface WebhookConfig {
  url: string;
  http_config?: { authorization?: { credentials_file?: string } };
}

/**
 * The provisioned alertmanager.yml with only what compose supplies from outside the file changed: where the
 * webhook receiver reaches the admin API (compose: the `simulator` host on its network; here: the test's
 * port on 127.0.0.1, same path) and where the token file is mounted. Alertmanager has no flag for
 * `group_wait` / `group_interval`, so those two route timings are the one edit of the routing itself:
 * the provisioned 30 s / 5 m would hold the firing notification 30 s and the resolved one up to 5 minutes.
 * Matchers, receivers, `continue`, `send_resolved` and grouping stay as provisioned.
 */
export function alertmanagerConfigForTest(options: {
  webhookRoot: string;
  tokenFile: string;
  groupWait: string;
  groupInterval: string;
}): { text: string; webhookUrls: string[] } {
  const doc = parseDocument(readFileSync(PROVISIONED_ALERTMANAGER, 'utf8'));
  doc.setIn(['route', 'group_wait'], options.groupWait);
  doc.setIn(['route', 'group_interval'], options.groupInterval);
  const receivers = doc.toJS() as { receivers: Array<{ webhook_configs?: WebhookConfig[] }> };
  const webhookUrls: string[] = [];
  receivers.receivers.forEach((receiver, r) => {
    (receiver.webhook_configs ?? []).forEach((webhook, w) => {
      const provisioned = new URL(webhook.url);
      if (provisioned.pathname !== ADMIN_API_PATH.alertmanager) {
        throw new Error(
          `${PROVISIONED_ALERTMANAGER}: receivers[${r}].webhook_configs[${w}].url: not the admin webhook`
        );
      }
      const url = `${options.webhookRoot}${provisioned.pathname}`;
      webhookUrls.push(url);
      doc.setIn(['receivers', r, 'webhook_configs', w, 'url'], url);
      if (webhook.http_config?.authorization?.credentials_file) {
        doc.setIn(
          ['receivers', r, 'webhook_configs', w, 'http_config', 'authorization', 'credentials_file'],
          options.tokenFile
        );
      }
    });
  });
  return { text: doc.toString(), webhookUrls };
}

/**
 * prometheus.yml for the chain: a fast scrape, alerts to the test's Alertmanager and, with `rules`, the project's
 * rule files as they are.
 */
export function prometheusConfigForTest(options: {
  simulatorPort: number;
  alertmanagerPort: number;
  rules: boolean;
}): string {
  return [
    'global:',
    // Only the global intervals are shortened: the rule groups keep their own `interval` (1m and more).
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    ...(options.rules ? ['rule_files:', `  - ${JSON.stringify(PROVISIONED_RULES_GLOB)}`] : []),
    'alerting:',
    '  alertmanagers:',
    '    - static_configs:',
    `        - targets: ['127.0.0.1:${options.alertmanagerPort}']`,
    'scrape_configs:',
    '  - job_name: simulator',
    '    static_configs:',
    `      - targets: ['127.0.0.1:${options.simulatorPort}']`,
    '',
  ].join('\n');
}
