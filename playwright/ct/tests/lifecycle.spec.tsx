import React from 'react';
import { LABEL, METRIC, buildAppUrl, range } from '@hybridlens/conventions';
import { testIds } from '../../../src/ui/testIds';
import { AppHarness } from '../runtime/AppHarness';
import { expect, pageQueryTime, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

test.describe('Lifecycle', () => {
  test('one column per served path Prometheus saw in the window, stage rows and the tail stage marked', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'lifecycle' })} />, { hooksConfig: harness });
    const waterfall = component.getByTestId(testIds.lifecycle.waterfall);
    await expect(waterfall).toBeVisible({ timeout: 30_000 });
    await waitForQueriesToSettle(page);
    const at = await pageQueryTime(page, METRIC.requestSpanDuration.name);
    // The page's default window is 6 h: the paths that finished requests in it.
    const served = await promInstant(
      `sum by (${LABEL.path}) (increase(${range(`${METRIC.requestDuration.name}_count`, '6h')}))`,
      at
    );
    const expected = served.filter((s) => s.value > 0).map((s) => s.labels[LABEL.path]);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await component
      .getByTestId(testIds.lifecycle.pathColumn)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(new Set(shown)).toEqual(new Set(expected));
    await expect(component.getByTestId(testIds.lifecycle.stageRow).first()).toBeVisible();
    expect(await component.getByTestId(testIds.lifecycle.tailMark).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'lifecycle');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });
});
