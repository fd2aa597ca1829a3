import React from 'react';
import {
  ALERT_STATE,
  LABEL,
  PAGE,
  PROMETHEUS_ALERTS,
  SLI_TYPE,
  SLO_SERIES,
  buildAppUrl,
} from '@hybridlens/conventions';
import { testIds } from '../../../src/ui';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import {
  expect,
  pageQueryTime,
  promInstant,
  queryKey,
  queryLog,
  saveScreenshot,
  test,
  waitForQueriesToSettle,
} from './fixtures';

test.describe('Overview', () => {
  test('shows the key SLOs, traffic tiles and the alerts firing in Prometheus', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    await waitForQueriesToSettle(page);

    const firing = await promInstant(
      `${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="${ALERT_STATE.firing}"}`,
      await pageQueryTime(page, PROMETHEUS_ALERTS.series)
    );
    expect(firing.length, 'the harness history should make some alerts fire').toBeGreaterThan(0);
    const alerts = component.getByTestId(testIds.overview.firingAlert);
    await expect(alerts).toHaveCount(firing.length);
    for (const name of new Set(firing.map((a) => a.labels[PROMETHEUS_ALERTS.alertName]!))) {
      await expect(component.getByTestId(testIds.overview.firingAlerts)).toContainText(name);
    }
    // The key SLO tiles name the latency SLO, which has budget data in the harness history.
    const latency = await promInstant(
      `${SLO_SERIES.errorBudgetRemaining} and on (${LABEL.slo}) ${SLO_SERIES.info}{${LABEL.sliType}="${SLI_TYPE.latency}"}`
    );
    expect(latency.length).toBeGreaterThan(0);
    for (const sample of latency) {
      await expect(component.getByText(sample.labels[LABEL.slo]!).first()).toBeVisible();
    }
    await expect(component.getByText('No data')).toHaveCount(0);
    await saveScreenshot(page, 'overview');

    const queries = await queryLog(page);
    expect(queries.filter((q) => q.error)).toEqual([]);
    const keys = queries.map(queryKey);
    expect(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      'identical queries issued twice'
    ).toEqual([]);
  });
});
