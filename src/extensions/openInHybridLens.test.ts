import '../testing/jsdomPolyfills';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PluginExtensionPoints, dateTime } from '@grafana/data';
import { APP_BASE_PATH, APP_ID, parseAppUrl } from '@hybridlens/conventions';
import { ENTRY_APP_ID, ENTRY_APP_ROOT } from '../entry/appId';
import { linkPathsLoaded, plugin } from '../module';
import { OPEN_IN_HYBRID_LENS } from './linkMeta';
import { openInHybridLensPath } from './openInHybridLens';

const PANEL = PluginExtensionPoints.DashboardPanelMenu;
const EXPLORE = PluginExtensionPoints.ExploreToolbarAction;
const ALERT_RULE = PluginExtensionPoints.AlertingAlertingRuleAction;

describe('Open in Hybrid Lens', () => {
  it('is declared in plugin.json with the same title, description and targets (Grafana drops undeclared links)', () => {
    const pluginJson = JSON.parse(readFileSync(join(__dirname, '../plugin.json'), 'utf8'));
    expect(pluginJson.extensions.addedLinks).toContainEqual({
      title: OPEN_IN_HYBRID_LENS.title,
      description: OPEN_IN_HYBRID_LENS.description,
      targets: [...OPEN_IN_HYBRID_LENS.targets],
    });
    expect(OPEN_IN_HYBRID_LENS.targets).toEqual([
      'grafana/dashboard/panel/menu',
      'grafana/explore/toolbar/action',
      'grafana/alerting/alertingrule/action',
    ]);
  });

  it('panel menu: the panel time, its Prometheus and the dashboard filters, on a path inside the app', () => {
    const path = openInHybridLensPath(PANEL, {
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
    const path = openInHybridLensPath(EXPLORE, {
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
    const concrete = openInHybridLensPath(ALERT_RULE, {
      name: 'HybridSLOBurnRate',
      expression: 'x',
      labels: {},
      annotations: { drilldown_url: `https://grafana.example.com${APP_BASE_PATH}/slo/latency?from=now-1h&to=now` },
    });
    expect(concrete).toBe(`${APP_BASE_PATH}/slos/latency?from=now-1h&to=now`);
    const templated = openInHybridLensPath(ALERT_RULE, {
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
    expect(
      parseAppUrl(openInHybridLensPath(ALERT_RULE, { name: 'X', expression: 'up', labels: {}, annotations: {} }))!.page
    ).toBe('playbooks');
  });

  it('survives missing or odd context', () => {
    expect(openInHybridLensPath(PANEL, undefined)).toBe(`${APP_BASE_PATH}/overview`);
    expect(openInHybridLensPath(EXPLORE, { targets: [null, undefined, {}] } as never)).toBe(
      `${APP_BASE_PATH}/overview`
    );
    expect(openInHybridLensPath(ALERT_RULE, undefined)).toBe(`${APP_BASE_PATH}/playbooks`);
    expect(openInHybridLensPath('grafana/some/other/point', { labels: { slo: 'x' } })).toBe(
      `${APP_BASE_PATH}/overview`
    );
  });

  it('reads the context by extension point, not by which fields happen to be set', () => {
    // An alert rule whose context carries neither annotations nor an expression is still an alert rule...
    const rule = { name: 'HybridSLOBurnRate', labels: { slo: 'latency' } };
    expect(parseAppUrl(openInHybridLensPath(ALERT_RULE, rule))).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'latency' },
    });
    // ...and a panel context that happens to carry annotations is still a panel.
    const panel = { timeRange: { from: 'now-1h', to: 'now' }, annotations: { drilldown_url: `${APP_BASE_PATH}/slos` } };
    expect(parseAppUrl(openInHybridLensPath(PANEL, panel))).toMatchObject({
      page: 'overview',
      time: { from: 'now-1h', to: 'now' },
    });
  });
});

describe('Open in Hybrid Lens in module.js', () => {
  const links = () => plugin.addedLinkConfigs.filter((l) => l.title === OPEN_IN_HYBRID_LENS.title);

  it('registers one real link (a path, no click handler) per extension point', () => {
    expect(links().map((l) => l.targets)).toEqual(OPEN_IN_HYBRID_LENS.targets.map((target) => [target]));
    for (const link of links()) {
      expect(link.onClick).toBeUndefined();
      // Grafana renders `path` as the href and only accepts paths inside the app.
      expect(link.path).toBe(ENTRY_APP_ROOT);
      expect(link.path!.startsWith(`${APP_BASE_PATH}/`)).toBe(true);
    }
  });

  it('builds each href for its own extension point once the link code has loaded', async () => {
    await linkPathsLoaded;
    const context = { timeRange: { from: 'now-3h', to: 'now' }, name: 'HybridSLOBurnRate', labels: { slo: 'x' } };
    const paths = Object.fromEntries(
      links().map((link) => [String(link.targets), link.configure!(context)?.path ?? ''])
    );
    expect(parseAppUrl(paths[PANEL]!)).toMatchObject({ page: 'overview', time: { from: 'now-3h', to: 'now' } });
    expect(parseAppUrl(paths[EXPLORE]!)).toMatchObject({ page: 'overview', time: { from: 'now-3h', to: 'now' } });
    expect(parseAppUrl(paths[ALERT_RULE]!)).toMatchObject({ page: 'sloDetail', params: { slo: 'x' } });
  });

  it("the entry's copy of the plugin id is the contract's", () => {
    expect(ENTRY_APP_ID).toBe(APP_ID);
    expect(ENTRY_APP_ROOT).toBe(`${APP_BASE_PATH}/`);
  });
});
