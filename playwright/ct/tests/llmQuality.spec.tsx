import React from 'react';
import { LABEL, METRIC, PLAYBOOK, VARIABLE, buildAppUrl } from '@hybridlens/conventions';
import { LlmQualityPage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { expect, pageQueryTime, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

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
    await saveScreenshot(page, 'llm-quality');
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
