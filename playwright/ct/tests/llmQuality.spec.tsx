import React from 'react';
import { LABEL, METRIC, PLAYBOOK, VARIABLE, buildAppUrl } from '@hybridlens/conventions';
import { type LlmQualityTile, LlmQualityPage, annotationMarkerTimes } from '../../pages';
import {
  VERSION_CHANGES_REF_ID,
  type VersionChange,
  changesOfSeries,
  versionChangeTitle,
} from '../../../src/pages/llmQuality/versionChangeList';
import { uiText } from '../../../src/ui';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import type { LoggedQuery } from '../runtime/queryLog';
import { promRangeSeries } from '../dashboards/panelAnswers';
import { prometheusUrl } from '../server/env';
import { expect, pageQueryTime, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

const TREND_TILES: LlmQualityTile[] = [
  'hallucinationTrend',
  'schemaTrend',
  'consistencyTrend',
  'latencyTrend',
  'ttftTrend',
  'coldStartsTrend',
  'tokensTrend',
];

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

    const words = { model: uiText('llm-quality.annotations.model'), prompt: uiText('llm-quality.annotations.prompt') };
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
});
