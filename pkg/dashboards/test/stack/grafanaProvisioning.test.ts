import { BUNDLED_DASHBOARDS } from '../../src';
import { APP_ID } from '@hybridlens/conventions';
import { compose, readYaml } from './stackFiles';

/**
 * The fields Grafana documents for its provisioning files (administration/provisioning: data sources,
 * dashboards, plugins) and, per datasource type, the jsonData its provisioning examples use. Grafana
 * itself cannot run here; a field outside these is most likely a typo that Grafana would silently ignore.
 */
const DOCUMENTED = {
  datasourcesFile: ['apiVersion', 'datasources', 'deleteDatasources', 'prune'],
  datasource: [
    'name',
    'type',
    'access',
    'orgId',
    'uid',
    'url',
    'user',
    'database',
    'basicAuth',
    'basicAuthUser',
    'withCredentials',
    'isDefault',
    'jsonData',
    'secureJsonData',
    'version',
    'editable',
  ],
  jsonData: {
    prometheus: [
      'httpMethod',
      'timeInterval',
      'exemplarTraceIdDestinations',
      'prometheusType',
      'prometheusVersion',
      'cacheLevel',
      'manageAlerts',
      'queryTimeout',
    ],
    tempo: [
      'tracesToLogsV2',
      'tracesToMetrics',
      'tracesToProfiles',
      'serviceMap',
      'nodeGraph',
      'search',
      'traceQuery',
      'spanBar',
      'streamingEnabled',
      'lokiSearch',
    ],
    loki: ['derivedFields', 'maxLines', 'timeout'],
    alertmanager: ['implementation', 'handleGrafanaManagedAlerts'],
  } as Record<string, string[]>,
  tracesToLogsV2: [
    'datasourceUid',
    'spanStartTimeShift',
    'spanEndTimeShift',
    'tags',
    'filterByTraceID',
    'filterBySpanID',
    'customQuery',
    'query',
  ],
  tracesToMetrics: ['datasourceUid', 'spanStartTimeShift', 'spanEndTimeShift', 'tags', 'queries'],
  derivedField: ['name', 'matcherType', 'matcherRegex', 'url', 'urlDisplayLabel', 'datasourceUid'],
  exemplarDestination: ['name', 'datasourceUid', 'url', 'urlDisplayLabel'],
  dashboardsFile: ['apiVersion', 'providers'],
  dashboardProvider: [
    'name',
    'orgId',
    'folder',
    'folderUid',
    'type',
    'disableDeletion',
    'updateIntervalSeconds',
    'allowUiUpdates',
    'options',
  ],
  dashboardProviderOptions: ['path', 'foldersFromFilesStructure'],
  pluginsFile: ['apiVersion', 'apps'],
  app: ['type', 'org_id', 'org_name', 'disabled', 'jsonData', 'secureJsonData'],
};

/** Custom HTTP headers, documented for every datasource type: jsonData httpHeaderName1, httpHeaderName2, ... */
function customHeaders(jsonData: Record<string, unknown>): string[] {
  return Object.keys(jsonData).filter((key) => /^httpHeaderName[1-9]\d*$/.test(key));
}

function expectOnly(where: string, object: object, allowed: readonly string[]) {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  expect({ where, unknown }).toEqual({ where, unknown: [] });
}

type Obj = Record<string, unknown>;

describe('Grafana provisioning files use only the fields Grafana documents', () => {
  it.each(['provisioning/datasources/datasources.yaml', 'provisioning/scaling/grafana/datasources.yaml'])(
    'datasources: %s',
    (path) => {
      const file = readYaml<Obj & { datasources: Obj[] }>(path);
      expectOnly(path, file, DOCUMENTED.datasourcesFile);
      expect(file.apiVersion).toBe(1);
      for (const ds of file.datasources) {
        const where = `datasource ${String(ds.name)}`;
        expectOnly(where, ds, DOCUMENTED.datasource);
        const jsonData = (ds.jsonData ?? {}) as Obj;
        expect(DOCUMENTED.jsonData[String(ds.type)]).toBeDefined();
        expectOnly(`${where} jsonData`, jsonData, [
          ...DOCUMENTED.jsonData[String(ds.type)]!,
          ...customHeaders(jsonData),
        ]);
        if (jsonData.tracesToLogsV2) {
          expectOnly(`${where} tracesToLogsV2`, jsonData.tracesToLogsV2 as Obj, DOCUMENTED.tracesToLogsV2);
        }
        if (jsonData.tracesToMetrics) {
          expectOnly(`${where} tracesToMetrics`, jsonData.tracesToMetrics as Obj, DOCUMENTED.tracesToMetrics);
        }
        for (const field of (jsonData.derivedFields ?? []) as Obj[]) {
          expectOnly(`${where} derived field`, field, DOCUMENTED.derivedField);
        }
        for (const destination of (jsonData.exemplarTraceIdDestinations ?? []) as Obj[]) {
          expectOnly(`${where} exemplar destination`, destination, DOCUMENTED.exemplarDestination);
        }
        // A custom header's value is a secret: secureJsonData httpHeaderValue<N> for each httpHeaderName<N>.
        const values = Object.keys((ds.secureJsonData ?? {}) as Obj);
        expect(values.sort()).toEqual(
          customHeaders(jsonData)
            .map((name) => name.replace('Name', 'Value'))
            .sort()
        );
      }
    }
  );

  it('dashboards: the provider reads the folder where the plugin ships its dashboards, inside the Grafana container', () => {
    const file = readYaml<Obj & { providers: Array<Obj & { options: Obj }> }>(
      'provisioning/dashboards/dashboards.yaml'
    );
    expectOnly('dashboards.yaml', file, DOCUMENTED.dashboardsFile);
    expect(file.providers).toHaveLength(1);
    const provider = file.providers[0]!;
    expectOnly('dashboard provider', provider, DOCUMENTED.dashboardProvider);
    expectOnly('dashboard provider options', provider.options, DOCUMENTED.dashboardProviderOptions);
    const grafana = compose().services.grafana!;
    const pluginMount = (grafana.volumes ?? []).find((v) => v.startsWith('./dist:'))!.split(':')[1]!;
    expect(pluginMount).toBe(`/var/lib/grafana/plugins/${APP_ID}`);
    expect(provider.options.path).toBe(`${pluginMount}/dashboards`);
    // The build copies src/dashboards/*.json to dist/dashboards (webpack's **/*.json copy), i.e. these files.
    expect(BUNDLED_DASHBOARDS.length).toBeGreaterThan(0);
    expect((grafana.volumes ?? []).some((v) => v.startsWith('./provisioning/dashboards:'))).toBe(true);
  });

  it('plugins', () => {
    const file = readYaml<Obj & { apps: Obj[] }>('provisioning/plugins/apps.yaml');
    expectOnly('apps.yaml', file, DOCUMENTED.pluginsFile);
    for (const app of file.apps) {
      expectOnly(`app ${String(app.type)}`, app, DOCUMENTED.app);
    }
  });
});
