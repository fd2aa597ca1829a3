import '../../testing/jsdomPolyfills';
import { LoadingState } from '@grafana/data';
import { type QueryVariable, sceneGraph, SceneQueryRunner, VizPanel } from '@grafana/scenes';
import { DATASOURCE_UID, LABEL, METRIC, SLO_SERIES, VARIABLE, parseAppUrl } from '@hybridlens/conventions';
import { resolveSettings } from '../../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, instantFrame, settle } from '../../testing/sceneTestEnv';
import { declaredQueries, duplicateQueries } from '../../app/queryInventory';
import { TileLink } from '../../panels/TileLink';
import { FilterScope } from '../../panels/FilterScope';
import { type DataSlice } from '../../app/dataSlices';
import { FILTER_VARIABLES } from '../../queries/filters';
import { uiText } from '../../ui';
import { buildOverviewScene } from './overviewPage';
import { SUMMARY } from './overviewQueries';

const env = installSceneTestEnv();

const all = findAll;

describe('Overview scene', () => {
  beforeEach(() => {
    env.issued.length = 0;
    env.variableQueries.length = 0;
    env.setLabelValues({ provider: ['ibm', 'braket'], route: ['/solve'], model: ['gpt-x'], region: ['eu'] });
  });

  it('declares each query once, all built from the contract', () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const queries = declaredQueries(scene);
    expect(duplicateQueries(queries)).toEqual([]);
    const panelQueries = queries.filter((q) => q.kind === 'panel');
    // Two shared runners feed every tile.
    expect(all(scene, SceneQueryRunner)).toHaveLength(2);
    expect(panelQueries.length).toBeGreaterThanOrEqual(12);
    const exprs = panelQueries.map((q) => q.expr).join('\n');
    for (const name of [
      METRIC.requests.name,
      `${METRIC.requestDuration.name}_bucket`,
      METRIC.quantumJobs.name,
      METRIC.quantumSpend.name,
      METRIC.fallbacks.name,
      SLO_SERIES.errorBudgetRemaining,
      SLO_SERIES.info,
    ]) {
      expect(exprs).toContain(name);
    }
    expect(exprs).toContain('ALERTS{alertstate="firing"}');
  });

  it('on activation issues exactly the declared panel queries, once each, with variables interpolated', async () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const deactivate = activateDataTree(scene);
    await settle(20);
    const declared = declaredQueries(scene).filter((q) => q.kind === 'panel');
    expect(env.issued).toHaveLength(declared.length);
    expect(new Set(env.issued.map((q) => `${q.instant} ${q.expr}`)).size).toBe(env.issued.length);
    expect(env.issued.every((q) => q.datasourceUid === DATASOURCE_UID.prometheus)).toBe(true);
    // "All" of every label variable becomes a match-everything regex; no raw $variables reach Prometheus.
    const rps = env.issued.find((q) => q.refId === SUMMARY.rps)!;
    expect(rps.expr).toBe(
      `sum(rate(${METRIC.requests.name}{route=~".*",model=~".*",region=~".*",path=~".*"}[$__range]))`
    );
    expect(env.issued.some((q) => /\$\{?(prometheus|route|model|region|path|provider)/.test(q.expr))).toBe(false);
    expect(env.variableQueries.sort()).toEqual(
      [
        `label_values(${METRIC.quantumJobs.name}, ${LABEL.provider})`,
        `label_values(${METRIC.requests.name}, ${LABEL.model})`,
        `label_values(${METRIC.requests.name}, ${LABEL.path})`,
        `label_values(${METRIC.requests.name}, ${LABEL.region})`,
        `label_values(${METRIC.requests.name}, ${LABEL.route})`,
      ].sort()
    );
    deactivate();
  });

  it('tiles slice the shared runner: a stat tile sees only its own query', async () => {
    env.setFrames((q) =>
      q.refId === SUMMARY.keyBudget
        ? [instantFrame({ slo: 'latency' }, 0.4), instantFrame({ slo: 'schema' }, -0.1)]
        : [instantFrame({}, 1)]
    );
    const scene = buildOverviewScene(resolveSettings(undefined));
    const deactivate = activateDataTree(scene);
    const budget = all(scene, VizPanel).find((p) => p.state.title.startsWith('Key SLOs'))!;
    const data = sceneGraph.getData(budget);
    await settle(20);
    expect(data.state.data?.state).toBe(LoadingState.Done);
    expect(data.state.data?.series.map((s) => s.refId)).toEqual([SUMMARY.keyBudget, SUMMARY.keyBudget]);
    deactivate();
  });

  it('every tile links into its drilldown with the time range and datasource, built by buildAppUrl', async () => {
    const scene = buildOverviewScene(resolveSettings({ prometheusUid: 'other-prometheus' }));
    const deactivate = scene.activate();
    await settle(20);
    const panels = all(scene, VizPanel);
    expect(panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of panels) {
      const links = all(panel, TileLink);
      expect(links).toHaveLength(1);
      const parsed = parseAppUrl(links[0]!.href());
      expect(parsed).toBeDefined();
      expect(parsed!.time).toEqual({ from: 'now-6h', to: 'now' });
      expect(parsed!.variables[VARIABLE.prometheus]).toEqual(['other-prometheus']);
    }
    const pages = new Set(panels.map((p) => parseAppUrl(all(p, TileLink)[0]!.href())!.page));
    expect([...pages].sort()).toEqual(['lifecycle', 'playbooks', 'providers', 'slos']);
    // Per-value links: SLO tiles open the SLO of the clicked value.
    const sloTile = panels.find((p) => p.state.title.startsWith('Key SLOs'))!;
    const url = sloTile.state.fieldConfig.defaults.links?.[0]?.url ?? '';
    expect(url).toContain('/slos/${__field.labels.slo}?from=${__from}&to=${__to}&var-prometheus=${prometheus}');
    deactivate();
  });

  it('every tile declares the filters its queries apply, and its queries apply exactly those', () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const exprOf = new Map(
      all(scene, SceneQueryRunner).flatMap((r) => r.state.queries.map((q) => [q.refId, String(q.expr)]))
    );
    const panels = all(scene, VizPanel);
    expect(panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of panels) {
      const scopes = all(panel, FilterScope);
      expect(scopes).toHaveLength(1);
      const exprs = (panel.state.$data as DataSlice).refIds.map((refId) => exprOf.get(refId)!);
      expect(exprs.length).toBeGreaterThan(0);
      for (const variable of FILTER_VARIABLES) {
        const uses = exprs.map((expr) => expr.includes(`\${${variable}}`));
        const declared = scopes[0]!.state.answersTo.includes(variable);
        expect({ panel: panel.state.title, variable, applied: uses }).toEqual({
          panel: panel.state.title,
          variable,
          applied: uses.map(() => declared),
        });
      }
      // The description says which filters apply.
      expect(panel.state.description).toMatch(/Filter/);
    }
  });

  it('a tile says which active filters it ignores, and only those', async () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const undo = activateDataTree(scene);
    await settle(20);
    const scopeOf = (title: string) =>
      all(
        all(scene, VizPanel).find((p) => p.state.title === title)!,
        FilterScope
      )[0]!;
    const requests = scopeOf(uiText('overview.tiles.request-volume.title'));
    const spend = scopeOf(uiText('overview.tiles.spend.title'));
    expect(requests.ignoredFilters()).toEqual([]);
    expect(parseAppUrl(all(requests.parent!, TileLink)[0]!.href())!.variables[VARIABLE.region]).toBeUndefined();
    const variable = (name: string) => sceneGraph.lookupVariable(name, scene) as QueryVariable;
    variable(VARIABLE.provider).changeValueTo(['ibm']);
    variable(VARIABLE.region).changeValueTo(['eu']);
    expect(requests.ignoredFilters()).toEqual([VARIABLE.provider]);
    expect(spend.ignoredFilters()).toEqual([VARIABLE.region]);
    // The tile's drilldown carries the filters it applies, and only those.
    const lifecycle = parseAppUrl(all(requests.parent!, TileLink)[0]!.href())!;
    expect(lifecycle.variables).toMatchObject({ [VARIABLE.region]: ['eu'] });
    expect(lifecycle.variables[VARIABLE.provider]).toBeUndefined();
    undo();
  });

  it('ratio charts use a ratio unit and a sane range', () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const panel = (title: string) => all(scene, VizPanel).find((p) => p.state.title === title)!;
    const errorRate = panel(uiText('overview.tiles.error-rate-trend.title')).state.fieldConfig.defaults;
    expect(errorRate).toMatchObject({ unit: 'percentunit', min: 0, max: 1 });
    // Auto range with a small soft max: a 0 % series shows 0–5 %, not 0–10,000 %.
    const softMax = (errorRate.custom as { axisSoftMax?: number }).axisSoftMax;
    expect(softMax).toBeGreaterThan(0);
    expect(softMax).toBeLessThanOrEqual(0.1);
    const success = panel(uiText('overview.tiles.quantum-success.title')).state.fieldConfig.defaults;
    expect(success).toMatchObject({ unit: 'percentunit', min: 0, max: 1 });
    expect(success.noValue).toBe(uiText('overview.tiles.quantum-success.too-few-jobs', { window: '30m', min: 5 }));
  });
});
