import React from 'react';
import { PAGE, buildAppUrl } from '@hybridlens/conventions';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { expect, test } from './fixtures';

test.describe('harness self-test', () => {
  // Marked as failing: if the console-error check ever stopped catching errors, this test would pass
  // unexpectedly and the run would fail.
  test('a console error in the page fails the test', async ({ mount, page, harness }) => {
    test.fail();
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'playbooks' })} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.playbooks.title);
    await page.evaluate(() => console.error('harness self-test: this error must fail the test'));
  });
});
