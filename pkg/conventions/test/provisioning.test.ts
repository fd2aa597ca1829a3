import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  ADMIN_API_PATH,
  ALERT,
  ALERT_MITIGATION,
  ALERT_SEVERITY,
  APP_ID,
  DATASOURCE_TYPE,
  DATASOURCE_UID,
  LABEL,
  LOKI_STREAM_LABEL,
  PAGING_SEVERITIES,
  PROMETHEUS_ALERTS,
} from '../src';

const root = resolve(__dirname, '../../..');
const readYaml = (path: string) => parse(readFileSync(resolve(root, path), 'utf8'));

describe('provisioning follows the contract', () => {
  it('provisions each datasource with the contract uid and type', () => {
    const { datasources } = readYaml('provisioning/datasources/datasources.yaml') as {
      datasources: Array<{ uid: string; type: string }>;
    };
    for (const key of Object.keys(DATASOURCE_UID) as Array<keyof typeof DATASOURCE_UID>) {
      const ds = datasources.find((d) => d.uid === DATASOURCE_UID[key]);
      expect(ds).toBeDefined();
      expect(ds!.type).toBe(DATASOURCE_TYPE[key]);
    }
  });

  it('enables the app with the contract uids and no secrets', () => {
    const { apps } = readYaml('provisioning/plugins/apps.yaml') as { apps: Array<Record<string, unknown>> };
    const app = apps.find((a) => a.type === APP_ID)!;
    expect(app).toBeDefined();
    expect(app.secureJsonData).toBeUndefined();
    expect(app.jsonData).toMatchObject({
      prometheusUid: DATASOURCE_UID.prometheus,
      tempoUid: DATASOURCE_UID.tempo,
      lokiUid: DATASOURCE_UID.loki,
    });
  });

  it('plugin.json has the contract id', () => {
    const plugin = JSON.parse(readFileSync(resolve(root, 'src/plugin.json'), 'utf8'));
    expect(plugin.id).toBe(APP_ID);
    expect(plugin.name).toBe('Hybrid Lens');
  });
});

describe('docker-compose wiring follows the contract', () => {
  it('promtail only promotes the contract stream labels', () => {
    const promtail = readYaml('provisioning/loki/promtail.yaml') as {
      scrape_configs: Array<{
        static_configs: Array<{ labels: Record<string, string> }>;
        pipeline_stages: Array<Record<string, Record<string, unknown>>>;
      }>;
    };
    const allowed = new Set<string>(Object.values(LOKI_STREAM_LABEL));
    for (const job of promtail.scrape_configs) {
      const staticLabels = job.static_configs.flatMap((c) => Object.keys(c.labels)).filter((l) => !l.startsWith('__'));
      const promoted = job.pipeline_stages.flatMap((s) => Object.keys(s.labels ?? {}));
      for (const label of [...staticLabels, ...promoted]) {
        expect(allowed).toContain(label);
      }
    }
  });

  it('Alertmanager posts chosen alerts to the admin API, naming contract alerts only', () => {
    const am = readYaml('provisioning/alertmanager/alertmanager.yml') as {
      route: { routes: Array<{ receiver: string; matchers: string[]; continue?: boolean }> };
      receivers: Array<{ name: string; webhook_configs?: Array<{ url: string }> }>;
    };
    const hooks = am.receivers.filter((r) => (r.webhook_configs ?? []).length > 0);
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(new URL(hook.webhook_configs![0]!.url).pathname).toBe(ADMIN_API_PATH.alertmanager);
    const alertnameMatchers = am.route.routes
      .flatMap((r) => r.matchers)
      .filter((m) => m.startsWith(`${PROMETHEUS_ALERTS.alertName}=`));
    const names = alertnameMatchers.flatMap((m) => m.replace(/^alertname=~?"|"$/g, '').split('|'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(Object.values(ALERT)).toContain(name);
    }
    // Exactly the alerts that have an automated mitigation, and they go on to the severity routes.
    expect(new Set(names)).toEqual(new Set(Object.keys(ALERT_MITIGATION)));
    const webhookRoute = am.route.routes.find((r) => r.receiver === hook.name)!;
    expect(webhookRoute.continue).toBe(true);
  });

  it('Alertmanager routes by the contract severities: the paging ones to one receiver, the rest to another', () => {
    const am = readYaml('provisioning/alertmanager/alertmanager.yml') as {
      route: { receiver: string; routes: Array<{ receiver: string; matchers: string[] }> };
    };
    const severityRoutes = am.route.routes.filter((r) => r.matchers.some((m) => m.startsWith(`${LABEL.severity}`)));
    expect(severityRoutes.map((r) => r.matchers)).toEqual([
      [`${LABEL.severity}=~"${PAGING_SEVERITIES.join('|')}"`],
      [`${LABEL.severity}!~"${PAGING_SEVERITIES.join('|')}"`],
    ]);
    expect(severityRoutes[0]!.receiver).not.toBe(severityRoutes[1]!.receiver);
    // Alerts without a known severity land where the non-paging ones do.
    expect(am.route.receiver).toBe(severityRoutes[1]!.receiver);
    expect(Object.values(ALERT_SEVERITY)).toEqual(expect.arrayContaining([...PAGING_SEVERITIES]));
  });
});
