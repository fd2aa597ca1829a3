import { expect, test } from '@grafana/plugin-e2e';
import { APP_ID, NAV_PAGES, PAGE } from '@hybridlens/conventions';
import { testIds } from '../../src/ui';
import { appRelative } from './appPaths';

test.describe('every page loads', () => {
  for (const page of NAV_PAGES) {
    test(`${PAGE[page].title} loads`, async ({ gotoAppPage, page: browser }) => {
      await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page }) });
      await expect(browser.getByRole('heading', { name: PAGE[page].title, exact: true })).toBeVisible();
      await expect(browser.getByTestId(testIds.notFound)).toHaveCount(0);
    });
  }

  test('Overview shows the key SLIs, traffic tiles and firing alerts', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'overview' }) });
    for (const title of [
      'Key SLOs: error budget remaining',
      'Request volume',
      'Error rate',
      'End-to-end P95',
      'Estimated quantum spend',
      'Quantum job success by provider',
    ]) {
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByTestId(testIds.overview.firingAlerts)).toBeVisible();
  });

  test('SLOs page lists SLOs from Prometheus or says how to generate them', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'slos' }) });
    await expect(page.getByTestId(testIds.slos.table).or(page.getByTestId(testIds.slos.metadataMissing))).toBeVisible();
  });

  test('drilldown pages load from their URL', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'sloDetail', params: { slo: 'e2e-latency' } }) });
    await expect(
      page.getByTestId(testIds.sloDetail.status).or(page.getByText('SLO "e2e-latency" has no metadata'))
    ).toBeVisible();
    await gotoAppPage({
      pluginId: APP_ID,
      ...appRelative({ page: 'providerDetail', params: { provider: 'ibm', backend: 'ibm_torino' } }),
    });
    await expect(page.getByTestId(testIds.pending.params)).toContainText('provider = ibm, backend = ibm_torino');
    await gotoAppPage({
      pluginId: APP_ID,
      ...appRelative({ page: 'trace', params: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } }),
    });
    await expect(page.getByTestId(testIds.pending.params)).toContainText('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});
