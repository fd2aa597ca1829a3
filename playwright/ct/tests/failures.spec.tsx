import React from 'react';
import { APP_BASE_PATH, appPath, buildAppUrl } from '@hybridlens/conventions';
import { uiText } from '../../../src/ui';
import { AppPageObject } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { currentUrl, expect, expectLoggedErrors, saveScreenshot, test } from './fixtures';

/** The app's lazily loaded code (src/app/App.tsx and what only it imports) in the harness build. */
const APP_CHUNK = /\/assets\/App-[\w-]+\.js$/;

test.describe('an app that fails gracefully', () => {
  test('a page that throws while rendering shows what failed and a way back', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    const message = 'injected render fault: labels of undefined';
    const component = await mount(
      <AppHarness url={buildAppUrl({ page: 'slos' })} brokenPage={{ page: 'slos', message }} />,
      { hooksConfig: harness }
    );
    const app = new AppPageObject(component);
    await expect(app.pageError).toContainText(uiText('page-error.title'));
    await expect(app.pageErrorDetail).toHaveText(uiText('page-error.detail', { path: appPath('slos'), message }));
    await saveScreenshot(page, 'page-error');

    // The way back works: the Overview renders, the error is gone.
    await app.pageErrorBack.click();
    await expect(app.heading('overview')).toBeVisible();
    await expect(app.pageError).toHaveCount(0);
    expect((await currentUrl(page)).pathname).toBe(appPath('overview'));
    // React's development build also reports the error it handed to the app's boundary.
    expectLoggedErrors(consoleErrors, [new RegExp(message), /error boundary you provided, PageErrorBoundary/]);
  });

  test('code that cannot be loaded (a stale chunk after an upgrade) offers a reload that works', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    await page.route(APP_CHUNK, (route) => route.abort('failed'));
    await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    // The whole page: the error replaces the app's root, which the mounted component's locator does not follow.
    const app = new AppPageObject(page);
    await expect(app.loadError).toContainText(uiText('entry.load-error.title'));
    await expect(app.heading('overview')).toHaveCount(0);
    await saveScreenshot(page, 'load-error');
    expectLoggedErrors(consoleErrors, [
      /ERR_FAILED/,
      /dynamically imported module|Importing a module script failed/,
      /error boundary you provided, LoadErrorBoundary/,
    ]);

    // The new version is there now: Reload loads the page again at the same address, and the app comes up.
    await page.unroute(APP_CHUNK);
    await Promise.all([page.waitForEvent('load'), app.loadErrorReload.click()]);
    expect((await currentUrl(page)).pathname.startsWith(APP_BASE_PATH)).toBe(true);
    await mount(<AppHarness />, { hooksConfig: harness });
    await expect(app.heading('overview')).toBeVisible();
    await expect(app.loadError).toHaveCount(0);
  });
});
