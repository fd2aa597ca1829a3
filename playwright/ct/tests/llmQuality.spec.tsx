import React from 'react';
import {
  DATASOURCE_UID,
  LABEL,
  METRIC,
  PLAYBOOK,
  QUERY_PARAM,
  VARIABLE,
  buildAppUrl,
  variableUrlParam,
} from '@hybridlens/conventions';
import { type LlmQualityTile, LlmQualityPage, annotationMarkerTimes } from '../../pages';
import {
  VERSION_CHANGES_REF_ID,
  type VersionChange,
  changesOfSeries,
  versionChangeTitle,
} from '../../../src/pages/llmQuality/versionChangeList';
import { pointTracesUrl } from '../../../src/pages/llmQuality/pointTraces';
import { modelTracesTraceQl } from '../../../src/pages/llmQuality/traceLinks';
import { uiText } from '../../../src/ui';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import type { LoggedQuery } from '../runtime/queryLog';
import { promRangeSeries } from '../dashboards/panelAnswers';
import { prometheusUrl } from '../server/env';
import {
  currentUrl,
  expect,
  pageQueryTime,
  promInstant,
  queryLog,
  saveScreenshot,
  test,
  waitForQueriesToSettle,
} from './fixtures';

const TREND_TILES: LlmQualityTile[] = [
  'hallucinationTrend',
  'schemaTrend',
  'consistencyTrend',
  'latencyTrend',
  'ttftTrend',
  'coldStartsTrend',
  'tokensTrend',
];

/** The one Explore pane of an Explore URL: its datasource, queries and range. */
function explorePane(url: URL): { datasource: string; queries: Array<{ query: string }>; range: unknown } {
  expect(url.pathname).toBe('/explore');
  const panes = JSON.parse(url.searchParams.get('panes') ?? '{}') as Record<string, never>;
  expect(Object.keys(panes)).toHaveLength(1);
  return Object.values(panes)[0]!;
}

/** The page's model-info range query asked again of Prometheus (same start, end, step): the changes it holds. */
async function versionChangesOf(query: LoggedQuery): Promise<VersionChange[]> {
  const series = (await promRangeSeries(prometheusUrl(), query)).map((r) => ({
    labels: r.labels,
    times: r.points.filter(([, v]) => Number.isFinite(v)).map(([t]) => t * 1000),
  }));
  return changesOfSeries(series, query.step! * 1000);
}

test.describe('LLM quality', () => {
  test('shows every quality signal per model with the numbers Prometheus computes', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'llmQuality' })} />, { hooksConfig: harness });
    const llm = new LlmQualityPage(component);
    await expect(llm.heading('llmQuality')).toBeVisible();
    for (const title of LlmQualityPage.tileTitles()) {
      await expect(llm.panel(title)).toBeVisible();
    }
    // Fifteen range and instant queries over the whole history: wait for the answers, not for a time.
    await expect(llm.loadingPanels).toHaveCount(0, { timeout: 60_000 });
    await waitForQueriesToSettle(page);
    const queries = await queryLog(page);
    expect(queries.filter((q) => q.error)).toEqual([]);

    // The hallucination tile: the page's own instant query, asked again of Prometheus at the same time.
    const issued = queries.find(
      (q) => q.api === 'query' && q.expr.includes(METRIC.llmValidations.name) && q.expr.includes('"hallucination"')
    );
    expect(issued, 'the page should query the hallucination rate').toBeDefined();
    const at = await pageQueryTime(page, METRIC.llmValidations.name);
    const expected = await promInstant(issued!.expr, at);
    expect(expected.length, 'the harness history should have LLM validator verdicts').toBeGreaterThan(0);
    for (const sample of expected) {
      const tile = llm.tile('hallucination');
      await expect(tile.getByText(sample.labels[LABEL.model]!, { exact: true })).toBeVisible();
      await expect(tile).toContainText(`${(sample.value * 100).toFixed(2)}%`);
    }
    // One line per model on the trend.
    await expect(llm.legendItems(LlmQualityPage.title('hallucinationTrend'))).toHaveCount(expected.length);
    await expect(component.getByText('No data')).toHaveCount(0);
    // Tiles open playbook C.
    await expect(llm.tileLink('playbook').first()).toHaveAttribute(
      'href',
      new RegExp(`/playbooks/${PLAYBOOK.llmDrift}\\?`)
    );

    // Version-change markers on every trend: where the page's own model-info query, asked again, says.
    const infoQuery = queries.find((q) => q.api === 'query_range' && q.refId === VERSION_CHANGES_REF_ID);
    expect(infoQuery, 'the trends should query the model-info series').toBeDefined();
    const changes = await versionChangesOf(infoQuery!);
    expect(changes.length, 'the simulator releases a prompt template inside the page range').toBeGreaterThan(0);
    for (const tile of TREND_TILES) {
      await expect(llm.versionMarkers(tile)).toHaveCount(changes.length);
    }
    const markers = llm.versionMarkers('hallucinationTrend');
    expect(await annotationMarkerTimes(markers)).toEqual(changes.map((c) => c.time));
    await saveScreenshot(page, 'llm-quality');

    // The same changes listed below the trends, in time order, each saying what changed.
    const words = { model: uiText('llm-quality.annotations.model'), prompt: uiText('llm-quality.annotations.prompt') };
    const rows = llm.versionChangeRows;
    await expect(rows).toHaveCount(changes.length);
    for (const [i, change] of changes.entries()) {
      await expect(rows.nth(i)).toHaveAttribute('data-time', String(change.time));
      await expect(rows.nth(i)).toContainText(versionChangeTitle(change, words));
    }
    await expect(rows.first().getByRole('link').first()).toHaveAttribute(
      'href',
      new RegExp(`/llm-quality/traces\\?.*${QUERY_PARAM.at}=${changes[0]!.time}`)
    );

    // Changes of several models at one instant draw markers on top of each other: the last one drawn is on top.
    await markers.last().hover();
    await expect(llm.tile('hallucinationTrend').getByTestId(harnessTestIds.annotationTooltip)).toContainText(
      versionChangeTitle(changes.at(-1)!, words)
    );
  });

  test('a model in the URL narrows every tile to that model and survives a reload', async ({
    mount,
    page,
    harness,
  }) => {
    const [first] = await promInstant(`count by (${LABEL.model}) (${METRIC.llmValidations.name})`);
    const model = first!.labels[LABEL.model]!;
    const url = buildAppUrl({ page: 'llmQuality', variables: { [VARIABLE.model]: model } });
    const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
    const llm = new LlmQualityPage(component);
    await expect(llm.heading('llmQuality')).toBeVisible();
    await expect(llm.loadingPanels).toHaveCount(0, { timeout: 60_000 });
    await waitForQueriesToSettle(page);
    const queries = (await queryLog(page)).filter((q) => q.api === 'query' || q.api === 'query_range');
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(q.expr).toContain(`${LABEL.model}=~`);
      expect(q.expr).not.toContain(`${LABEL.model}=~".*"`);
    }
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toBeVisible();
    await expect(llm.legendItems(LlmQualityPage.title('hallucinationTrend'))).toHaveCount(1);
    await saveScreenshot(page, 'llm-quality-one-model');
  });

  test("a trend point's traces link opens Explore on that model's LLM spans over the point's step, also after a reload", async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'llmQuality' })} />, { hooksConfig: harness });
    const llm = new LlmQualityPage(component);
    await expect(llm.loadingPanels).toHaveCount(0, { timeout: 60_000 });
    await waitForQueriesToSettle(page);
    const trend = (await queryLog(page)).find(
      (q) =>
        q.api === 'query_range' && q.expr.includes(METRIC.llmValidations.name) && q.expr.includes('"hallucination"')
    );
    expect(trend, 'the page should query the hallucination trend').toBeDefined();
    // The spike: the highest point of any model on the page's own trend, asked again of Prometheus.
    let spike: { model: string; at: number; value: number } | undefined;
    for (const series of await promRangeSeries(prometheusUrl(), trend!)) {
      for (const [t, v] of series.points) {
        if (Number.isFinite(v) && (!spike || v > spike.value)) {
          spike = { model: series.labels[LABEL.model]!, at: t * 1000, value: v };
        }
      }
    }
    expect(spike, 'the harness history should have hallucination verdicts').toBeDefined();
    const step = trend!.step! * 1000;
    const link = pointTracesUrl({ model: spike!.model, at: spike!.at, step, tempoUid: DATASOURCE_UID.tempo });

    const expectExploreAtSpike = async () => {
      await expect(page.getByTestId(harnessTestIds.outsideApp)).toBeVisible();
      const pane = explorePane(await currentUrl(page));
      expect(pane.datasource).toBe(DATASOURCE_UID.tempo);
      expect(pane.queries.map((q) => q.query)).toEqual([modelTracesTraceQl(spike!.model)]);
      expect(pane.range).toEqual({ from: String(spike!.at - step), to: String(spike!.at) });
    };
    await page.reload();
    await mount(<AppHarness url={link} />, { hooksConfig: harness });
    await expectExploreAtSpike();

    // A reload at the link's address: the app reads everything from the URL again.
    await page.evaluate((url) => window.history.replaceState(null, '', url), link);
    await page.reload();
    await mount(<AppHarness />, { hooksConfig: harness });
    await expectExploreAtSpike();
  });

  test('a traces link with a bad time or model says which parameter is wrong', async ({ mount, page, harness }) => {
    const at = Date.UTC(2026, 11, 2, 12);
    const cases: Array<{ url: string; param: string; value: string }> = [
      {
        url: buildAppUrl({
          page: 'llmTraces',
          variables: { [VARIABLE.model]: 'm1' },
          query: { [QUERY_PARAM.at]: 'now' },
        }),
        param: QUERY_PARAM.at,
        value: 'now',
      },
      {
        url: buildAppUrl({
          page: 'llmTraces',
          variables: { [VARIABLE.model]: '${__field.labels.model}' },
          query: { [QUERY_PARAM.at]: at },
        }),
        param: variableUrlParam(VARIABLE.model),
        value: '${__field.labels.model}',
      },
    ];
    for (const [i, c] of cases.entries()) {
      if (i > 0) {
        await page.reload();
      }
      const component = await mount(<AppHarness url={c.url} />, { hooksConfig: harness });
      const problem = new LlmQualityPage(component).pointTracesProblem;
      await expect(problem).toBeVisible();
      await expect(problem).toHaveAttribute('data-param', c.param);
      await expect(problem).toContainText(`"${c.param}" is "${c.value}"`);
      // Nothing navigated: the address is still the link.
      expect((await currentUrl(page)).pathname).toBe(new URL(c.url, 'http://g.invalid').pathname);
      if (i === 0) {
        await saveScreenshot(page, 'llm-traces-bad-link');
      }
    }
  });
});
