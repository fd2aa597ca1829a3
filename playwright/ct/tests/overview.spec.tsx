import React from 'react';
import { PAGE, buildAppUrl } from '@hybridlens/conventions';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { expect, queryKey, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

test('Overview renders with data from Prometheus', async ({ mount, page, harness }) => {
  const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
  await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.overview.title);
  await waitForQueriesToSettle(page);
  const queries = await queryLog(page);
  await saveScreenshot(page, 'overview');
  expect(queries.length).toBeGreaterThan(0);
  expect(queries.filter((q) => q.error)).toEqual([]);
  const keys = queries.map(queryKey);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i), 'queries issued twice').toEqual([]);
});
