import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import React from 'react';
import { runtimeNodeModules, selectedRuntime } from '../build/runtimes';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { ReactVersionProbe, UnkeyedList } from '../runtime/RuntimeProbe';
import { expect, expectLoggedErrors, test } from './fixtures';

const REPO_ROOT = resolve(__dirname, '../../..');

function installedVersion(name: string): string {
  const file = join(runtimeNodeModules(REPO_ROOT, selectedRuntime()), name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

test.describe(`the runtime the pages run on (${selectedRuntime().label})`, () => {
  test('React is the one of the selected install', async ({ mount, page, harness }) => {
    await mount(<ReactVersionProbe />, { hooksConfig: harness });
    await expect(page.getByTestId(harnessTestIds.reactVersion)).toHaveText(installedVersion('react'));
  });

  test("React's development build: a warning reaches the console, where it fails a test", async ({
    mount,
    harness,
    consoleErrors,
  }) => {
    const list = await mount(<UnkeyedList items={['first', 'second']} />, { hooksConfig: harness });
    await expect(list.locator('li')).toHaveCount(2);
    expectLoggedErrors(consoleErrors, [/unique "key" prop/]);
  });
});
