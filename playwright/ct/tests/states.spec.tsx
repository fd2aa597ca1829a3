import React from 'react';
import { SLO_SERIES, buildAppUrl } from '@hybridlens/conventions';
import { uiText } from '../../../src/ui';
import { CONFIG_PAGE_PATH } from '../../../src/app/routing';
import { SlosPage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { barePrometheusUrl } from '../server/env';
import { expect, expectLoggedErrors, saveScreenshot, test } from './fixtures';

/** Requests of the page to Prometheus's instant-query API (the SLO list reads only instant queries). */
const isInstantQuery = (url: URL) => url.pathname.endsWith('/api/v1/query');
const CORS = { 'access-control-allow-origin': '*' };

test.describe('shared loading, error and empty states', () => {
  test('loading: says what is being read until Prometheus answers', async ({ mount, page, harness }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(isInstantQuery, async (route) => {
      await held;
      await route.continue();
    });
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: harness });
    const slos = new SlosPage(component);
    await expect(slos.loading).toHaveText(uiText('states.loading', { subject: uiText('slos.subject') }));
    await expect(slos.table).toHaveCount(0);
    release();
    await expect(slos.table).toBeVisible();
    await expect(slos.loading).toHaveCount(0);
  });

  test('error: what could not be read, what Prometheus said, and where to check', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    // Prometheus's own answer to a query it cannot run.
    const error = 'invalid parameter "query": 1:14: parse error: unexpected character';
    await page.route(isInstantQuery, (route) =>
      route.fulfill({
        status: 400,
        headers: CORS,
        json: { status: 'error', errorType: 'bad_data', error },
      })
    );
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: harness });
    const slos = new SlosPage(component);
    await expect(slos.error).toContainText(uiText('states.error.title', { subject: uiText('slos.subject') }));
    await expect(slos.errorDetail).toContainText(error);
    await expect(slos.error.getByRole('link')).toHaveAttribute('href', CONFIG_PAGE_PATH);
    await expect(slos.table).toHaveCount(0);
    await saveScreenshot(page, 'state-error');
    expectLoggedErrors(consoleErrors, [/HTTP 400 POST .*\/api\/v1\/query/, /status of 400/]);
  });

  test('empty: a Prometheus without SLO series gets the empty state with what to do', async ({
    mount,
    page,
    harness,
  }) => {
    const bare = { ...harness, prometheusUrl: barePrometheusUrl() };
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'slos' })} />, { hooksConfig: bare });
    const slos = new SlosPage(component);
    await expect(slos.empty).toBeVisible();
    await expect(slos.metadataMissing).toContainText(SLO_SERIES.info);
    await expect(slos.rows).toHaveCount(0);
    await saveScreenshot(page, 'slos-metadata-missing');
  });
});
