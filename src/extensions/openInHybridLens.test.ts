import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateTime } from '@grafana/data';
import { APP_BASE_PATH, parseAppUrl } from '@hybridlens/conventions';
import { OPEN_IN_HYBRID_LENS } from './linkMeta';
import { openInHybridLensPath } from './openInHybridLens';

describe('Open in Hybrid Lens', () => {
  it('is declared in plugin.json with the same title, description and targets (Grafana drops undeclared links)', () => {
    const pluginJson = JSON.parse(readFileSync(join(__dirname, '../plugin.json'), 'utf8'));
    expect(pluginJson.extensions.addedLinks).toEqual([
      {
        title: OPEN_IN_HYBRID_LENS.title,
        description: OPEN_IN_HYBRID_LENS.description,
        targets: [...OPEN_IN_HYBRID_LENS.targets],
      },
    ]);
    expect(OPEN_IN_HYBRID_LENS.targets).toEqual([
      'grafana/dashboard/panel/menu',
      'grafana/explore/toolbar/action',
      'grafana/alerting/alertingrule/action',
    ]);
  });

  it('panel menu: the panel time, its Prometheus and the dashboard filters, on a path inside the app', () => {
    const path = openInHybridLensPath({
      pluginId: 'timeseries',
      timeRange: { from: 'now-3h', to: 'now' },
      targets: [{ refId: 'A', datasource: { type: 'prometheus', uid: 'prom-b' } }],
      scopedVars: { model: { value: 'gpt-x' }, region: { value: '$__all' } },
    });
    expect(path.startsWith(`${APP_BASE_PATH}/`)).toBe(true);
    expect(parseAppUrl(path)).toMatchObject({
      page: 'overview',
      time: { from: 'now-3h', to: 'now' },
      variables: { prometheus: ['prom-b'], model: ['gpt-x'] },
    });
    expect(parseAppUrl(path)!.variables.region).toBeUndefined();
  });

  it('Explore: absolute ranges become epoch ms; a provider filter opens the provider page', () => {
    const from = dateTime(Date.UTC(2026, 0, 1));
    const to = dateTime(Date.UTC(2026, 0, 2));
    const path = openInHybridLensPath({
      exploreId: 'left',
      timeRange: { from, to, raw: { from, to } },
      targets: [{ datasource: { type: 'prometheus', uid: '${ds}' } }],
      scopedVars: { provider: { value: ['ibm'] } },
    });
    expect(parseAppUrl(path)).toMatchObject({
      page: 'providers',
      time: { from: String(Date.UTC(2026, 0, 1)), to: String(Date.UTC(2026, 0, 2)) },
      variables: { provider: ['ibm'] },
    });
    // A datasource uid that is a dashboard variable means nothing in the app.
    expect(parseAppUrl(path)!.variables.prometheus).toBeUndefined();
  });

  it('alert rule view: the rule drilldown link when it is concrete, else the page its labels point to', () => {
    const concrete = openInHybridLensPath({
      name: 'HybridSLOBurnRate',
      expression: 'x',
      labels: {},
      annotations: { drilldown_url: `https://grafana.example.com${APP_BASE_PATH}/slo/latency?from=now-1h&to=now` },
    });
    expect(concrete).toBe(`${APP_BASE_PATH}/slos/latency?from=now-1h&to=now`);
    const templated = openInHybridLensPath({
      name: 'HybridSLOBurnRate',
      expression: 'x',
      labels: { slo: 'latency' },
      annotations: { drilldown_url: `${APP_BASE_PATH}/slos/{{ $labels.slo }}` },
    });
    expect(parseAppUrl(templated)).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'latency' },
      query: { alertname: 'HybridSLOBurnRate' },
    });
    expect(parseAppUrl(openInHybridLensPath({ name: 'X', expression: 'up', labels: {}, annotations: {} }))!.page).toBe(
      'playbooks'
    );
  });

  it('survives missing or odd context', () => {
    expect(openInHybridLensPath(undefined)).toBe(`${APP_BASE_PATH}/overview`);
    expect(openInHybridLensPath({ targets: [null, undefined, {}] } as never)).toBe(`${APP_BASE_PATH}/overview`);
  });
});
