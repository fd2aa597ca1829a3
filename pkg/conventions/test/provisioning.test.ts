import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parse } from 'yaml';
// The one grammar-error helper of the app's tests (the pages' TraceQL and LogQL are parsed with it too).
import { syntaxErrors } from '../../../src/testing/grammarErrors';
import {
  ADMIN_API_PATH,
  ALERT,
  ALERT_MITIGATION,
  ALERT_SEVERITY,
  APP_ID,
  DATASOURCE_TYPE,
  DATASOURCE_UID,
  EXEMPLAR_LABEL,
  LABEL,
  LOG_FIELD,
  LOKI_STREAM_LABEL,
  METRIC,
  PAGING_SEVERITIES,
  PROMETHEUS_ALERTS,
  QUANTUM_ATTR,
  RESOURCE_ATTR,
} from '../src';

interface OtlpAttributes {
  action: string;
  attributes?: string[];
  regex?: string;
}

const root = resolve(__dirname, '../../..');
const readYaml = (path: string) => parse(readFileSync(resolve(root, path), 'utf8'));

interface ComposeService {
  command?: string | string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}
/** docker-compose.yaml with its merge keys (`<<`) resolved, as Compose resolves them. */
const readCompose = () =>
  parse(readFileSync(resolve(root, 'docker-compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
const commandText = (service: ComposeService) =>
  Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');

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

  it('enables the app with the contract uids', () => {
    const { apps } = readYaml('provisioning/plugins/apps.yaml') as { apps: Array<Record<string, unknown>> };
    const app = apps.find((a) => a.type === APP_ID)!;
    expect(app).toBeDefined();
    expect(app.jsonData).toMatchObject({
      prometheusUid: DATASOURCE_UID.prometheus,
      tempoUid: DATASOURCE_UID.tempo,
      lokiUid: DATASOURCE_UID.loki,
    });
  });

  it("wires the app's admin proxy route to the simulator, with the token read from the secrets volume", () => {
    // The settings keys the route reads, from src/plugin.json itself (`{{ .JsonData.x }}`, `{{ .SecureJsonData.y }}`).
    const plugin = JSON.parse(readFileSync(resolve(root, 'src/plugin.json'), 'utf8')) as {
      routes: Array<{ path: string; url: string; headers?: Array<{ content: string }> }>;
    };
    const route = plugin.routes.find((r) => r.path === 'admin')!;
    const urlKey = /\.JsonData\.(\w+)/.exec(route.url)![1]!;
    const tokenKey = route.headers!.map((h) => /\.SecureJsonData\.(\w+)/.exec(h.content)?.[1]).find(Boolean)!;

    const { apps } = readYaml('provisioning/plugins/apps.yaml') as {
      apps: Array<{ type: string; jsonData: Record<string, string>; secureJsonData?: Record<string, string> }>;
    };
    const app = apps.find((a) => a.type === APP_ID)!;
    const { services } = readCompose();
    const simulator = services.simulator!;
    const port = /--port (\d+)/.exec(commandText(simulator))![1];
    expect(app.jsonData[urlKey]).toBe(`http://simulator:${port}`);

    // Only the token is secret, and it is a file reference Grafana expands when it provisions the app.
    expect(Object.keys(app.secureJsonData ?? {})).toEqual([tokenKey]);
    const tokenRef = /^\$__file\{(.+)\}$/.exec(app.secureJsonData![tokenKey]!);
    expect(tokenRef).not.toBeNull();
    const grafanaTokenFile = tokenRef![1]!;
    // The file the simulator checks bearer tokens against, from the same volume, mounted read-only into Grafana.
    const simulatorTokenFile = /--admin-token-file (\S+)/.exec(commandText(simulator))![1]!;
    const mountOf = (service: ComposeService, file: string) =>
      (service.volumes ?? []).map((v) => v.split(':')).find(([, target]) => file.startsWith(`${target}/`));
    const simulatorMount = mountOf(simulator, simulatorTokenFile)!;
    const grafanaMount = mountOf(services.grafana!, grafanaTokenFile);
    expect(grafanaMount).toEqual([simulatorMount[0], expect.any(String), 'ro']);
    expect(grafanaTokenFile.slice(grafanaMount![1]!.length)).toBe(simulatorTokenFile.slice(simulatorMount[1]!.length));
    // The token exists before Grafana reads it: the job that makes it has finished.
    expect(services.grafana!.depends_on?.['admin-token']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('plugin.json has the contract id', () => {
    const plugin = JSON.parse(readFileSync(resolve(root, 'src/plugin.json'), 'utf8'));
    expect(plugin.id).toBe(APP_ID);
    expect(plugin.name).toBe('Hybrid Lens');
  });
});

describe('docker-compose wiring follows the contract', () => {
  it("Loki's OTLP endpoint indexes only contract stream labels, from resource attributes (the only kind Loki indexes)", () => {
    const loki = readYaml('provisioning/loki/loki.yaml') as {
      limits_config: {
        allow_structured_metadata: boolean;
        otlp_config: {
          resource_attributes: { ignore_defaults?: boolean; attributes_config: OtlpAttributes[] };
          log_attributes?: OtlpAttributes[];
          scope_attributes?: OtlpAttributes[];
        };
      };
    };
    const otlp = loki.limits_config.otlp_config;
    // trace_id / span_id and the other log fields arrive as structured metadata: it must be allowed.
    expect(loki.limits_config.allow_structured_metadata).toBe(true);
    // Loki refuses to start when index_label is used on log or scope attributes.
    for (const config of [...(otlp.log_attributes ?? []), ...(otlp.scope_attributes ?? [])]) {
      expect(config.action).not.toBe('index_label');
    }
    // Without ignore_defaults Loki would index its own default list (k8s.*, cloud.*, ...) too.
    expect(otlp.resource_attributes.ignore_defaults).toBe(true);
    const indexed = otlp.resource_attributes.attributes_config
      .filter((c) => c.action === 'index_label')
      .flatMap((c) => c.attributes ?? []);
    expect(indexed).toEqual([RESOURCE_ATTR.serviceName]);
    // Loki turns dots into underscores: service.name → service_name, the contract's stream label.
    for (const attribute of indexed) {
      expect(Object.values(LOKI_STREAM_LABEL)).toContain(attribute.replace(/\./g, '_'));
    }
  });

  it('datasources cross-link with the contract names (exemplar label, log trace id, span attributes → labels)', () => {
    const { datasources } = readYaml('provisioning/datasources/datasources.yaml') as {
      datasources: Array<{ uid: string; jsonData?: Record<string, unknown> }>;
    };
    const byUid = (uid: string): unknown => datasources.find((d) => d.uid === uid)!.jsonData;
    const prometheus = byUid(DATASOURCE_UID.prometheus) as {
      exemplarTraceIdDestinations: Array<{ name: string; datasourceUid: string }>;
    };
    expect(prometheus.exemplarTraceIdDestinations).toEqual([
      { name: EXEMPLAR_LABEL.traceId, datasourceUid: DATASOURCE_UID.tempo },
    ]);
    const loki = byUid(DATASOURCE_UID.loki) as {
      derivedFields: Array<{ matcherType: string; matcherRegex: string; datasourceUid: string }>;
    };
    expect(loki.derivedFields).toEqual([
      expect.objectContaining({
        matcherType: 'label',
        matcherRegex: LOG_FIELD.traceId,
        datasourceUid: DATASOURCE_UID.tempo,
      }),
    ]);
    const tempo = byUid(DATASOURCE_UID.tempo) as {
      tracesToLogsV2: {
        datasourceUid: string;
        filterByTraceID: boolean;
        customQuery: boolean;
        query: string;
        tags: Array<{ key: string; value: string }>;
      };
      tracesToMetrics: {
        datasourceUid: string;
        tags: Array<{ key: string; value: string }>;
        queries: Array<{ query: string }>;
      };
      serviceMap: { datasourceUid: string };
    };
    // OTLP lines do not contain their trace id (it is structured metadata): the span's logs need a custom query.
    expect(tempo.tracesToLogsV2).toMatchObject({
      datasourceUid: DATASOURCE_UID.loki,
      filterByTraceID: false,
      customQuery: true,
    });
    expect(tempo.tracesToLogsV2.tags).toEqual([
      { key: RESOURCE_ATTR.serviceName, value: LOKI_STREAM_LABEL.serviceName },
    ]);
    // As Grafana sends it for a span of hybrid-solver: `$$` read as `$`, then its link variables interpolated.
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const sent = tempo.tracesToLogsV2.query
      .replace(/\$\$/g, '$')
      .replace('${__tags}', `${LOKI_STREAM_LABEL.serviceName}="hybrid-solver"`)
      .replace('${__span.traceId}', traceId);
    expect(syntaxErrors(logqlParser, sent)).toEqual([]);
    expect(sent).toBe(`{${LOKI_STREAM_LABEL.serviceName}="hybrid-solver"} | ${LOG_FIELD.traceId}="${traceId}"`);
    expect(tempo.tracesToMetrics.datasourceUid).toBe(DATASOURCE_UID.prometheus);
    expect(tempo.tracesToMetrics.tags).toEqual([
      { key: QUANTUM_ATTR.provider.key, value: LABEL.provider },
      { key: QUANTUM_ATTR.backend.key, value: LABEL.backend },
    ]);
    for (const { query } of tempo.tracesToMetrics.queries) {
      // `$$` in the file: Grafana reads it as a literal `$` (it expands environment variables otherwise).
      const metric = /\b(hybrid_[a-z_]+)\{\$\$__tags\}/.exec(query)?.[1];
      expect(metric).toBe(METRIC.quantumJobs.name);
    }
    expect(tempo.serviceMap.datasourceUid).toBe(DATASOURCE_UID.prometheus);
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
