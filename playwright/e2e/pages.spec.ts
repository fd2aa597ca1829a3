import { expect, test } from '@grafana/plugin-e2e';
import { APP_ID, NAV_PAGES, PAGE } from '@hybridlens/conventions';
import { AppPageObject, OverviewPage, ProviderDetailPage, SloDetailPage, SlosPage, TracePage } from '../pages';
import { appRelative } from './appPaths';

test.describe('every page loads', () => {
  for (const pageId of NAV_PAGES) {
    test(`${PAGE[pageId].title} loads`, async ({ gotoAppPage, page }) => {
      await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: pageId }) });
      const app = new AppPageObject(page);
      await expect(app.heading(pageId)).toBeVisible();
      await expect(app.notFound).toHaveCount(0);
      await expect(app.pageError).toHaveCount(0);
    });
  }

  test('Overview shows every tile, and the firing alerts', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'overview' }) });
    const overview = new OverviewPage(page);
    for (const title of OverviewPage.tileTitles()) {
      await expect(overview.panel(title)).toBeVisible();
    }
    await expect(overview.firingAlerts).toBeVisible();
    expect(await overview.truncatedPanelTitles()).toEqual([]);
  });

  test('SLOs page lists SLOs from Prometheus or says how to generate them', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'slos' }) });
    const slos = new SlosPage(page);
    await expect(slos.table.or(slos.metadataMissing)).toBeVisible();
  });

  test('drilldown pages load from their URL', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'sloDetail', params: { slo: 'e2e-latency' } }) });
    const detail = new SloDetailPage(page);
    await expect(detail.status.or(detail.noMetadata('e2e-latency'))).toBeVisible();
    await gotoAppPage({
      pluginId: APP_ID,
      ...appRelative({ page: 'providerDetail', params: { provider: 'ibm', backend: 'ibm_torino' } }),
    });
    // The compose stack's Prometheus has torino's calibration only when the exporter serves it: the backend page
    // or its own empty state, never the not-found or error page.
    const backend = new ProviderDetailPage(page);
    await expect(backend.container.or(backend.empty)).toBeVisible();
    await expect(backend.pageError).toHaveCount(0);
    await gotoAppPage({
      pluginId: APP_ID,
      ...appRelative({ page: 'trace', params: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } }),
    });
    // An id Tempo does not hold: the page names it in its not-found state.
    const trace = new TracePage(page);
    await expect(trace.waterfall().or(trace.traceNotFound())).toBeVisible();
  });
});
