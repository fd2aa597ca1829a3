import '../testing/jsdomPolyfills';
import { writeFileSync } from 'node:fs';
import { type EmbeddedScene, VizPanel } from '@grafana/scenes';
import { PLAYBOOK } from '@hybridlens/conventions';
import { resolveSettings } from '../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, settle } from '../testing/sceneTestEnv';
import { buildOverviewScene } from '../pages/overview/overviewPage';
import { buildSlosScene } from '../pages/slos/slosPage';
import { buildSloDetailScene } from '../pages/sloDetail/sloDetailPage';
import { buildLlmQualityScene } from '../pages/llmQuality/llmQualityPage';
import { buildPlaybooksScene } from '../pages/playbooks/playbooksPage';
import { buildPlaybookScene } from '../pages/playbook/playbookPage';
import { buildLifecycleScene } from '../pages/lifecycle/lifecyclePage';
import { buildTraceScene } from '../pages/trace/tracePage';
import { buildQuantumJobScene } from '../pages/quantumJob/quantumJobPage';
import { buildProvidersScene } from '../pages/providers/providersPage';
import { buildProviderDetailScene } from '../pages/providerDetail/providerDetailPage';
import { declaredQueries, duplicateQueries } from './queryInventory';

/**
 * Queries each page issues when it loads, counted at the datasource boundary (runRequest and
 * metricFindQuery), not from the page's own declarations. `npx tsx scripts/bench.ts app` reads
 * the report this test writes when HYBRIDLENS_QUERY_REPORT names a file.
 */
const env = installSceneTestEnv();
const ctx = resolveSettings(undefined);
const PAGES: Array<[string, () => EmbeddedScene]> = [
  ['overview', () => buildOverviewScene(ctx)],
  ['slos', () => buildSlosScene(ctx)],
  ['sloDetail', () => buildSloDetailScene(ctx, 'e2e-latency')],
  ['lifecycle', () => buildLifecycleScene(ctx)],
  ['providers', () => buildProvidersScene(ctx)],
  ['providerDetail', () => buildProviderDetailScene(ctx, { provider: 'ibm', backend: 'ibm_torino' })],
  ['llmQuality', () => buildLlmQualityScene(ctx)],
  ['playbooks', () => buildPlaybooksScene(ctx)],
  ['playbook', () => buildPlaybookScene(ctx, PLAYBOOK.queueSaturation)],
  ['trace', () => buildTraceScene(ctx, 'abc')],
  ['quantumJob', () => buildQuantumJobScene(ctx, 'j1')],
];

export interface PageQueryReport {
  page: string;
  panelQueries: number;
  variableQueries: number;
  duplicates: number;
}

const report: PageQueryReport[] = [];

describe('queries issued per page', () => {
  it.each(PAGES)('%s issues every declared query exactly once', async (page, build) => {
    env.issued.length = 0;
    env.variableQueries.length = 0;
    env.setLabelValues({
      provider: ['ibm'],
      backend: ['ibm_torino'],
      model: ['m1'],
      route: ['/solve'],
      region: ['eu'],
    });
    const scene = build();
    const undo = activateDataTree(scene);
    await settle(20);
    const declared = declaredQueries(scene);
    const issuedKeys = env.issued.map((q) => `${q.instant} ${q.expr}`);
    const duplicates = issuedKeys.length - new Set(issuedKeys).size;
    expect(duplicateQueries(declared)).toEqual([]);
    expect(duplicates).toBe(0);
    expect(env.issued).toHaveLength(declared.filter((q) => q.kind === 'panel').length);
    expect(env.variableQueries).toHaveLength(declared.filter((q) => q.kind === 'variable').length);
    report.push({ page, panelQueries: env.issued.length, variableQueries: env.variableQueries.length, duplicates });
    undo();
  });

  afterAll(() => {
    const file = process.env.HYBRIDLENS_QUERY_REPORT;
    if (file) {
      writeFileSync(file, JSON.stringify(report, null, 2));
    }
  });
});

describe('ratio charts on every page', () => {
  // A ratio chart left to auto-range draws a series of zeros on 0–10,000 % (uPlot pads an empty range to 0–100
  // in the unit's base): each needs a hard max of 1 or a soft max within it.
  it.each(PAGES)('%s: every percent time series has max 1 or a soft max at most 100 %', (_page, build) => {
    const charts = findAll(build(), VizPanel).filter(
      (p) => p.state.pluginId === 'timeseries' && p.state.fieldConfig.defaults.unit === 'percentunit'
    );
    for (const chart of charts) {
      const defaults = chart.state.fieldConfig.defaults;
      const softMax = (defaults.custom as { axisSoftMax?: number } | undefined)?.axisSoftMax;
      const bounded =
        (typeof defaults.max === 'number' && defaults.max <= 1) || (softMax !== undefined && softMax <= 1);
      expect({ title: chart.state.title, bounded }).toEqual({ title: chart.state.title, bounded: true });
    }
  });
});
