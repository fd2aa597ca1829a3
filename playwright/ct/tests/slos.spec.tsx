import React from 'react';
import {
  ALERT_STATE,
  BURN_RATE_TIERS,
  LABEL,
  PAGE,
  PROMETHEUS_ALERTS,
  SLO_PERIOD,
  SLO_SERIES,
  buildAppUrl,
  eq,
  selector,
  sloErrorRatioSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import { canJudge } from '../../../src/pages/slos/sloJudge';
import { DEFAULT_THRESHOLDS } from '../../../src/settings/settings';
import { SloDetailPage, SlosPage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { expect, pageQueryTime, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

test.describe('SLOs', () => {
  test('lists every SLO Prometheus knows, worst remaining budget first', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: harness });
    const slos = new SlosPage(component);
    await expect(slos.heading('slos')).toBeVisible();
    const rows = slos.rows;
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
    const shown = (await slos.names.allInnerTexts()).map((t) => t.trim());
    const leading = shown.slice(0, budgets.size);
    expect(new Set(leading)).toEqual(new Set(budgets.keys()));
    const values = leading.map((slo) => budgets.get(slo)!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // The worst SLO of the history's incident has spent its budget.
    expect(values[0]!).toBeLessThan(0);
    // Missed when the period's events can tell, too little traffic when they cannot (src/pages/slos/sloJudge.ts),
    // judged from the series the page reads at the instant it read them. Never "within SLO".
    const worst = leading[0]!;
    const ofWorst = (series: string) => promInstant(selector(series, [eq(LABEL.slo, worst)]), at);
    const [events] = await ofWorst(sloEventCountSeries('total', SLO_PERIOD));
    const [errorRatio] = await ofWorst(sloErrorRatioSeries(SLO_PERIOD));
    const objective = Number(known.find((k) => k.labels[LABEL.slo] === worst)!.labels[LABEL.objective]);
    const judged = canJudge({
      events: events?.value,
      errorRatio: errorRatio?.value,
      objective,
      minEvents: DEFAULT_THRESHOLDS.minEventsToJudge,
    });
    await expect(rows.first()).toContainText(judged ? SlosPage.missedText() : SlosPage.lowTrafficText());
    await saveScreenshot(page, 'slos');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('an SLO detail shows status, tier alert states from ALERTS and the playbook link', async ({
    mount,
    page,
    harness,
  }) => {
    // The SLO with the least budget left among those burning now: the least budget alone may belong to an SLO
    // whose incident is over (a fresh-clone run on 2026-12-02 picked one with no firing tier).
    const burning = new Set(
      (
        await promInstant(
          `${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="${ALERT_STATE.firing}", ${LABEL.slo}!=""}`
        )
      ).map((a) => a.labels[LABEL.slo])
    );
    const [worst] = (await promInstant(SLO_SERIES.errorBudgetRemaining))
      .filter((b) => burning.has(b.labels[LABEL.slo]))
      .sort((a, b) => a.value - b.value);
    expect(worst, 'the harness history should have an SLO burning at its end').toBeDefined();
    const slo = worst!.labels[LABEL.slo]!;
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'sloDetail', params: { slo } })} />, {
      hooksConfig: harness,
    });
    const detail = new SloDetailPage(component);
    await expect(detail.status).toBeVisible();
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
    const tiers = detail.tierStates;
    await expect(tiers).toHaveCount(BURN_RATE_TIERS.length);
    for (const [i, tier] of BURN_RATE_TIERS.entries()) {
      const shown = await tiers.nth(i).getAttribute('data-state');
      expect(shown === 'firing', `${tier.tier}: ${shown}`).toBe(firingTiers.has(tier.tier));
      // Severities are the contract's P0/P1/P2.
      await expect(tiers.nth(i)).toContainText(`(${tier.severity},`);
    }
    // The playbook the SLO's metadata names, or the list of playbooks when it names none.
    const [info] = await promInstant(`${SLO_SERIES.info}{${LABEL.slo}="${slo}"}`);
    const playbook = info?.labels[LABEL.playbook];
    await expect(detail.playbookLink).toHaveAttribute(
      'href',
      new RegExp(playbook ? `/playbooks/${playbook}\\?` : `/playbooks\\?`)
    );
    await expect(component.getByText('No data')).toHaveCount(0);
    await saveScreenshot(page, 'slo-detail');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });
});
