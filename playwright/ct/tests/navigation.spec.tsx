import React from 'react';
import {
  ALERT,
  APP_BASE_PATH,
  LEGACY_ROUTES,
  PAGE,
  QUERY_PARAM,
  VARIABLE,
  appPath,
  buildAppUrl,
  variableUrlParam,
} from '@hybridlens/conventions';
import { AppPageObject } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { currentUrl, expect, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';
import { historyWindow } from '../server/env';

const HOUR_MS = 3_600_000;

/** A `from` / `to` URL value as epoch ms: Scenes rewrites epoch ms into ISO time, both mean the same instant. */
function instant(value: string | null): number {
  return value === null ? NaN : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

test.describe('URL state and navigation', () => {
  test('a deep link with time range and variables restores them, and so does a reload', async ({
    mount,
    page,
    harness,
  }) => {
    const { now } = historyWindow();
    const from = (now - 5) * 1000 - 3 * HOUR_MS;
    const to = from + 2 * HOUR_MS;
    const url = buildAppUrl({ page: 'overview', time: { from, to }, variables: { [VARIABLE.provider]: 'ibm' } });
    const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    await waitForQueriesToSettle(page);

    const queries = await queryLog(page);
    const ranges = queries.filter((q) => q.api === 'query_range');
    expect(ranges.length).toBeGreaterThan(0);
    for (const q of ranges) {
      // Grafana aligns the range to the step: start/end within one step of the link's range.
      expect(Math.abs(q.start! - from / 1000)).toBeLessThanOrEqual(q.step!);
      expect(Math.abs(q.end! - to / 1000)).toBeLessThanOrEqual(q.step!);
    }
    expect(
      queries.some((q) => /provider=~?"ibm"/.test(q.expr)),
      'a query filtered by the provider variable'
    ).toBe(true);
    const loaded = await currentUrl(page);
    expect(loaded.pathname).toBe(appPath('overview'));
    expect(instant(loaded.searchParams.get(QUERY_PARAM.from))).toBe(from);
    expect(instant(loaded.searchParams.get(QUERY_PARAM.to))).toBe(to);
    expect(loaded.searchParams.getAll(variableUrlParam(VARIABLE.provider))).toEqual(['ibm']);

    // Reload: the harness page loads again at the same URL and the app reads its state from it.
    await page.reload();
    const reloaded = await mount(<AppHarness />, { hooksConfig: harness });
    await expect(reloaded.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    await waitForQueriesToSettle(page);
    const after = await currentUrl(page);
    expect(instant(after.searchParams.get(QUERY_PARAM.from))).toBe(from);
    expect(instant(after.searchParams.get(QUERY_PARAM.to))).toBe(to);
    expect(after.searchParams.getAll(variableUrlParam(VARIABLE.provider))).toEqual(['ibm']);
    const rerun = (await queryLog(page)).filter((q) => q.api === 'query_range');
    expect(rerun.map((q) => [q.expr, q.start, q.end]).sort()).toEqual(
      ranges.map((q) => [q.expr, q.start, q.end]).sort()
    );
  });

  test('a tile link navigates; back and forward restore each page', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    await new AppPageObject(component).tileLink('slos').first().click();
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.slos.title);
    expect((await currentUrl(page)).pathname).toBe(appPath('slos'));

    await page.goBack();
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    expect((await currentUrl(page)).pathname).toBe(appPath('overview'));
    await page.goForward();
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.slos.title);
    expect((await currentUrl(page)).pathname).toBe(appPath('slos'));
  });

  test('a legacy route redirects to the current one and keeps the query', async ({ mount, page, harness }) => {
    const legacy = LEGACY_ROUTES.find((r) => r.to === 'overview');
    expect(legacy, 'the contract keeps a legacy route to Overview').toBeDefined();
    const component = await mount(
      <AppHarness url={`${APP_BASE_PATH}/${legacy!.from}?${QUERY_PARAM.from}=now-2h&${QUERY_PARAM.to}=now`} />,
      { hooksConfig: harness }
    );
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
    const url = await currentUrl(page);
    expect(url.pathname).toBe(appPath('overview'));
    expect(url.searchParams.get(QUERY_PARAM.from)).toBe('now-2h');
  });

  test('an alert link opens the page at the alert time with its labels applied', async ({ mount, page, harness }) => {
    const { now } = historyWindow();
    const from = (now - 3600) * 1000;
    const to = now * 1000;
    const url = buildAppUrl({
      page: 'overview',
      time: { from, to },
      variables: { [VARIABLE.provider]: 'braket' },
      query: { [QUERY_PARAM.alertName]: ALERT.quantumHardwareFailures },
    });
    const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
    await expect(new AppPageObject(component).alertBanner).toContainText(ALERT.quantumHardwareFailures);
    // Wait for the condition, not for a quiet period: on a loaded machine the first panels query late.
    await expect
      .poll(async () => (await queryLog(page)).some((q) => /provider=~?"braket"/.test(q.expr)), { timeout: 30_000 })
      .toBe(true);
    const shown = await currentUrl(page);
    expect(shown.searchParams.get(QUERY_PARAM.alertName)).toBe(ALERT.quantumHardwareFailures);
    expect(shown.searchParams.getAll(variableUrlParam(VARIABLE.provider))).toEqual(['braket']);
    await saveScreenshot(page, 'overview-from-alert');
  });
});
