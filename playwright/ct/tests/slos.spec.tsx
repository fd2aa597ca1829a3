import React from 'react';
import {
  ALERT_STATE,
  BURN_RATE_TIERS,
  LABEL,
  PAGE,
  PROMETHEUS_ALERTS,
  SLO_SERIES,
  buildAppUrl,
} from '@hybridlens/conventions';
import { testIds } from '../../../src/ui';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { barePrometheusUrl } from '../server/env';
import { expect, pageQueryTime, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

test.describe('SLOs', () => {
  test('lists every SLO Prometheus knows, worst remaining budget first', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.slos.title);
    const rows = component.getByTestId(testIds.slos.row);
    const known = await promInstant(SLO_SERIES.info);
    expect(known.length, 'pkg/slo rule files should have produced SLO metadata').toBeGreaterThan(0);
    await expect(rows).toHaveCount(new Set(known.map((s) => s.labels[LABEL.slo])).size);
    await waitForQueriesToSettle(page);

    // SLOs with budget data come first, in ascending order of the budget Prometheus computed.
    // Ties (several SLOs at 100 %) may come in any order, so compare budgets, not names.
    const at = await pageQueryTime(page, SLO_SERIES.errorBudgetRemaining);
    const budgets = new Map(
      (await promInstant(SLO_SERIES.errorBudgetRemaining, at)).map((b) => [b.labels[LABEL.slo]!, b.value])
    );
    expect(budgets.size).toBeGreaterThan(1);
    const shown = (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
    const leading = shown.slice(0, budgets.size);
    expect(new Set(leading)).toEqual(new Set(budgets.keys()));
    const values = leading.map((slo) => budgets.get(slo)!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await expect(rows.first()).toContainText('SLO missed');
    await saveScreenshot(page, 'slos');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('an SLO detail shows status, tier alert states from ALERTS and the playbook link', async ({
    mount,
    page,
    harness,
  }) => {
    const [worst] = (await promInstant(SLO_SERIES.errorBudgetRemaining)).sort((a, b) => a.value - b.value);
    const slo = worst!.labels[LABEL.slo]!;
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'sloDetail', params: { slo } })} />, {
      hooksConfig: harness,
    });
    await expect(component.getByTestId(testIds.sloDetail.status)).toBeVisible();
    await expect(component.getByTestId(harnessTestIds.breadcrumbs)).toContainText(PAGE.slos.title);
    await waitForQueriesToSettle(page);

    const alertsAt = await pageQueryTime(page, PROMETHEUS_ALERTS.series);
    const firingTiers = new Set(
      (
        await promInstant(
          `${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="${ALERT_STATE.firing}", ${LABEL.slo}="${slo}"}`,
          alertsAt
        )
      ).map((a) => a.labels[LABEL.tier])
    );
    expect(firingTiers.size, `${slo} should have a firing burn-rate tier in the harness history`).toBeGreaterThan(0);
    const tiers = component.getByTestId(testIds.sloDetail.tierState);
    await expect(tiers).toHaveCount(BURN_RATE_TIERS.length);
    for (const text of await tiers.allInnerTexts()) {
      const tier = text.split(' ')[0]!;
      expect(text.endsWith(': firing'), `${text}`).toBe(firingTiers.has(tier));
    }
    await expect(component.getByTestId(testIds.sloDetail.playbookLink)).toBeVisible();
    await expect(component.getByText('No data')).toHaveCount(0);
    await saveScreenshot(page, 'slo-detail');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('says how to generate SLO metadata when Prometheus has none', async ({ mount, page, harness }) => {
    const bare = { ...harness, prometheusUrl: barePrometheusUrl() };
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: bare });
    await expect(component.getByTestId(testIds.slos.metadataMissing)).toBeVisible();
    await expect(component.getByTestId(testIds.slos.metadataMissing)).toContainText(SLO_SERIES.info);
    await expect(component.getByTestId(testIds.slos.row)).toHaveCount(0);
    await saveScreenshot(page, 'slos-metadata-missing');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });
});
