import { expect, test } from '@grafana/plugin-e2e';
import {
  ALERT,
  APP_BASE_PATH,
  APP_ID,
  DATASOURCE_UID,
  QUERY_PARAM,
  VARIABLE,
  buildAppUrl,
  parseAppUrl,
  variableUrlParam,
} from '@hybridlens/conventions';
import { AppPageObject, SloDetailPage, SlosPage } from '../pages';
import { appRelative } from './appPaths';

const current = (url: string) => parseAppUrl(url)!;

test.describe('navigation and deep links', () => {
  test('a tile link opens its drilldown with the same time range', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'overview', time: { from: 'now-3h', to: 'now' } }) });
    await new AppPageObject(page).tileLink('slos').first().click();
    await expect(page).toHaveURL(/\/slos\?/);
    expect(current(page.url())).toMatchObject({ page: 'slos', time: { from: 'now-3h', to: 'now' } });
  });

  test('the SLO list links to each SLO, and the SLO to its playbook', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'slos' }) });
    const rows = new SlosPage(page).rows;
    test.skip((await rows.count()) === 0, 'no SLO rules loaded in this stack');
    await rows.first().getByRole('link').click();
    const detail = new SloDetailPage(page);
    await expect(detail.status).toBeVisible();
    expect(current(page.url()).page).toBe('sloDetail');
    await detail.playbookLink.click();
    expect(current(page.url()).page).toBe('playbook');
  });

  test('old links are redirected to the current route with their parameters', async ({ page }) => {
    await page.goto(
      `${APP_BASE_PATH}/home?from=now-2h&to=now&${variableUrlParam(VARIABLE.prometheus)}=${DATASOURCE_UID.prometheus}`
    );
    await expect(page).toHaveURL(/\/overview\?/);
    expect(current(page.url())).toMatchObject({
      page: 'overview',
      time: { from: 'now-2h', to: 'now' },
      variables: { prometheus: ['hybridlens-prometheus'] },
    });
    await page.goto(`${APP_BASE_PATH}/provider/ibm/ibm_torino`);
    expect(current(page.url())).toMatchObject({
      page: 'providerDetail',
      params: { provider: 'ibm', backend: 'ibm_torino' },
    });
  });

  test('an alert link opens the page at the alert time with its labels and says which alert', async ({ page }) => {
    const to = Date.now() - 3600_000;
    const from = to - 3600_000;
    await page.goto(
      buildAppUrl({
        page: 'providers',
        time: { from, to },
        variables: { [VARIABLE.provider]: 'ibm' },
        query: { [QUERY_PARAM.alertName]: ALERT.providerRateLimited },
      })
    );
    await expect(new AppPageObject(page).alertBanner).toContainText(ALERT.providerRateLimited);
    expect(current(page.url())).toMatchObject({
      time: { from: String(from), to: String(to) },
      query: { alertname: ALERT.providerRateLimited },
    });
  });

  test('back and forward restore the time range and filters', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'overview', time: { from: 'now-1h', to: 'now' } }) });
    await gotoAppPage({ pluginId: APP_ID, ...appRelative({ page: 'overview', time: { from: 'now-24h', to: 'now' } }) });
    await page.goBack();
    await expect(page.getByText('Last 1 hour')).toBeVisible();
    expect(current(page.url()).time).toEqual({ from: 'now-1h', to: 'now' });
    await page.goForward();
    await expect(page.getByText('Last 24 hours')).toBeVisible();
  });

  test('an unknown path says so instead of showing an empty page', async ({ page }) => {
    await page.goto(`${APP_BASE_PATH}/no-such-page`);
    await expect(new AppPageObject(page).notFound).toBeVisible();
  });
});
