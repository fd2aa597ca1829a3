import React from 'react';
import {
  ADMIN_API_PATH,
  ALERT_PLAYBOOK,
  LABEL,
  METRIC,
  MITIGATION_ACTION,
  PLAYBOOK,
  PROMETHEUS_ALERTS,
  VARIABLE,
  buildAppUrl,
  eq,
  selector,
  variableUrlParam,
} from '@hybridlens/conventions';
import { type RunningPrometheus, startPrometheus } from '@hybridlens/testkit';
import { PlaybookPage, PlaybooksPage, providerNameText } from '../../pages';
import { testIds, uiText } from '../../../src/ui';
import { DEFAULT_THRESHOLDS } from '../../../src/settings/settings';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { liveSimulatorUrl, pluginProxyUrl } from '../server/adminEnv';
import { PROXY_ROLE_HEADER, PROXY_UPSTREAM_HEADER } from '../standins/pluginProxyHeaders';
import {
  currentUrl,
  expect,
  expectLoggedErrors,
  pageQueryTime,
  promInstant,
  queryLog,
  saveScreenshot,
  test,
  waitForQueriesToSettle,
} from './fixtures';

/** The admin API as an Editor reaches it through the proxy stand-in (which holds the token), from Node. */
async function admin<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${pluginProxyUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      [PROXY_ROLE_HEADER]: 'Editor',
      [PROXY_UPSTREAM_HEADER]: liveSimulatorUrl(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`admin ${path}: HTTP ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

const flagsNow = async () => (await admin<{ flags: string[] }>(ADMIN_API_PATH.flags)).flags;

/** Playbook A scoped to the provider whose queue is longest in the history (the incident saturates one). */
async function playbookAUrl(): Promise<{ url: string; provider: string }> {
  const queues = await promInstant(`max by (${LABEL.provider}) (${METRIC.quantumQueueLength.name})`);
  const [worst] = queues.sort((a, b) => b.value - a.value);
  expect(worst, 'the harness history should have quantum queues').toBeDefined();
  const provider = worst!.labels[LABEL.provider]!;
  const url = buildAppUrl({
    page: 'playbook',
    params: { playbook: PLAYBOOK.queueSaturation },
    variables: { [VARIABLE.provider]: provider },
  });
  return { url, provider };
}

test.describe('Playbooks', () => {
  test('the list shows every playbook and what fires for each, firing ones first', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'playbooks' })} />, { hooksConfig: harness });
    const list = new PlaybooksPage(component);
    await expect(list.heading('playbooks')).toBeVisible();
    await expect(list.rows).toHaveCount(Object.keys(PLAYBOOK).length);
    await waitForQueriesToSettle(page);
    const at = await pageQueryTime(page, PROMETHEUS_ALERTS.series);
    const issued = (await queryLog(page)).find((q) => q.api === 'query' && q.expr.includes(PROMETHEUS_ALERTS.series));
    const firing = await promInstant(issued!.expr, at);
    const opsFiring = new Set(
      firing
        .map((a) => a.labels[PROMETHEUS_ALERTS.alertName]!)
        .filter((name): name is keyof typeof ALERT_PLAYBOOK => name in ALERT_PLAYBOOK)
    );
    for (const name of opsFiring) {
      await expect(list.firing(ALERT_PLAYBOOK[name])).toContainText(name);
    }
    // Rows with something firing come first: the counts, read in row order, never go up again after a zero.
    const counts = (await list.rows
      .getByTestId(testIds.playbooks.firing)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))))) as number[];
    expect(counts).toHaveLength(Object.keys(PLAYBOOK).length);
    const firstZero = counts.indexOf(0);
    expect(firstZero === -1 || counts.slice(firstZero).every((c) => c === 0)).toBe(true);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(
      new Set([...opsFiring].map((name) => ALERT_PLAYBOOK[name])).size
    );
    await saveScreenshot(page, 'playbooks');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('playbook A scoped to one provider evaluates its checks against Prometheus for that provider', async ({
    mount,
    page,
    harness,
  }) => {
    const { url, provider } = await playbookAUrl();
    const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
    const playbook = new PlaybookPage(component);
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toContainText('Playbook A');
    await expect(playbook.steps).toHaveCount(5);
    await waitForQueriesToSettle(page);
    const issued = (await queryLog(page)).find(
      (q) => q.api === 'query' && q.expr.includes(METRIC.quantumQueueLength.name)
    );
    expect(issued, 'the page should query the queue length').toBeDefined();
    expect(issued!.expr).toContain(`${LABEL.provider}=~`);
    expect(issued!.expr).toContain(provider);
    const at = await pageQueryTime(page, METRIC.quantumQueueLength.name);
    const expected = await promInstant(issued!.expr, at);
    expect(expected.length, 'Prometheus should have the queue of that provider').toBeGreaterThan(0);
    expect(expected.every((s) => s.labels[LABEL.provider] === provider)).toBe(true);
    const holds = expected.some((s) => s.value > DEFAULT_THRESHOLDS.queueLengthCritical);
    await expect(playbook.check('queueLength')).toHaveAttribute('data-state', holds ? 'holds' : 'clear');
    await expect(playbook.checkRows('queueLength')).toHaveCount(expected.length);
    for (const s of expected) {
      // A count reads as an integer with grouping ("595", never "595.000").
      const count = Math.round(s.value).toLocaleString('en-US');
      // The provider by its name, the backend by its id.
      await expect(playbook.checkRows('queueLength').filter({ hasText: `/ ${s.labels[LABEL.backend]}:` })).toHaveText(
        `${providerNameText(provider)} / ${s.labels[LABEL.backend]}: ${count}`
      );
    }
    await expect(playbook.scope).toContainText(
      uiText('playbook.scope.item', { filter: uiText('variables.provider'), value: providerNameText(provider) })
    );
    // The Provider filter shows the name too, while the URL keeps the id.
    await expect(playbook.providerFilter.picker).toContainText(providerNameText(provider));
    expect((await currentUrl(page)).searchParams.getAll(variableUrlParam(VARIABLE.provider))).toEqual([provider]);
    // Without an admin API URL in the settings the actions say so instead of calling anything.
    await expect(playbook.adminState).toHaveAttribute('data-state', 'unconfigured');
    await expect(playbook.actionDisabledReason(MITIGATION_ACTION.reduceShots)).toHaveText(
      uiText('playbook.action.unconfigured')
    );
    await saveScreenshot(page, 'playbook-a');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });
});

test.describe('Playbook mitigation actions against a live simulator', () => {
  // One live simulator serves the whole run: these tests change and compare its flags, so they run one after
  // the other in one worker (the config runs tests of a file in parallel otherwise).
  test.describe.configure({ mode: 'default' });
  test.afterEach(async () => {
    // Back to normal for the next test, whatever this one did.
    for (const action of [MITIGATION_ACTION.restoreShots, MITIGATION_ACTION.releaseSimulator]) {
      await admin(ADMIN_API_PATH.actions, { action, actor: 'page-harness' });
    }
  });

  test('a Viewer sees the actions disabled with the reason, and nothing reaches the admin API', async ({
    mount,
    page,
    harness,
  }) => {
    const { url } = await playbookAUrl();
    const before = await flagsNow();
    const proxyCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(pluginProxyUrl())) {
        proxyCalls.push(r.url());
      }
    });
    const jsonData = { adminApiUrl: liveSimulatorUrl() };
    const component = await mount(<AppHarness url={url} jsonData={jsonData} />, {
      hooksConfig: { ...harness, jsonData, pluginProxyUrl: pluginProxyUrl(), orgRole: 'Viewer' },
    });
    const playbook = new PlaybookPage(component);
    await expect(playbook.adminState).toHaveAttribute('data-state', 'viewer');
    for (const action of [MITIGATION_ACTION.reduceShots, MITIGATION_ACTION.forceSimulator]) {
      await expect(playbook.actionButton(action)).toBeDisabled();
      await expect(playbook.actionDisabledReason(action)).toHaveText(uiText('playbook.action.roles-only'));
    }
    // The tooltip says it too, on hover and on keyboard focus.
    await playbook.actionButton(MITIGATION_ACTION.reduceShots).locator('..').hover();
    await expect(page.getByRole('tooltip')).toHaveText(uiText('playbook.action.roles-only'));
    await saveScreenshot(page, 'playbook-a-viewer');
    expect(proxyCalls).toEqual([]);
    expect(await flagsNow()).toEqual(before);
  });

  test.describe('with Prometheus scraping the live simulator', () => {
    let scraper: RunningPrometheus | undefined;
    test.beforeAll(async () => {
      scraper = await startPrometheus({
        config: [
          'global:',
          '  scrape_interval: 1s',
          'scrape_configs:',
          '  - job_name: hybrid-live',
          '    static_configs:',
          `      - targets: ['${new URL(liveSimulatorUrl()).host}']`,
        ].join('\n'),
      });
    });
    test.afterAll(async () => {
      await scraper?.stop();
    });

    test('an Editor reduces shots: confirmation, result, the flag in the API, the banner, the audit line and the next scrape', async ({
      mount,
      page,
      harness,
    }) => {
      const { url, provider } = await playbookAUrl();
      expect((await flagsNow()).some((f) => f.startsWith('shot_reduction'))).toBe(false);
      const jsonData = { adminApiUrl: liveSimulatorUrl() };
      const component = await mount(<AppHarness url={url} jsonData={jsonData} />, {
        hooksConfig: { ...harness, jsonData, pluginProxyUrl: pluginProxyUrl(), orgRole: 'Editor' },
      });
      const playbook = new PlaybookPage(component);
      await expect(playbook.adminState).toHaveAttribute('data-state', 'loaded');
      await playbook.actionButton(MITIGATION_ACTION.reduceShots).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(uiText('playbook.action.reduce-shots.effect'));
      // A global action on a page narrowed to one provider: the dialog says it applies everywhere.
      await expect(dialog).toContainText(`not only provider ${providerNameText(provider)}`);
      await saveScreenshot(page, 'playbook-a-confirm');
      const clickedAt = Math.floor(Date.now() / 1000);
      await dialog.getByRole('button', { name: uiText('playbook.action.reduce-shots.label') }).click();
      await expect(playbook.actionResult).toHaveAttribute('data-result', 'applied');

      // The live simulator's own answer: the flag is in force, and the page shows exactly its flags.
      const flags = await flagsNow();
      const reduced = flags.find((f) => f.startsWith('shot_reduction'));
      expect(reduced, `the simulator's flags should show a shot reduction: ${flags.join(', ')}`).toBeDefined();
      await expect(playbook.actionResult).toContainText(flags.join(', '));
      await expect(playbook.degraded).toHaveAttribute('data-flags', flags.join(','));
      // The audit line the API wrote is the first listed: who (the harness' signed-in login), what, result.
      const audit = await admin<{ entries: Array<{ actor: string; action: string; result: string }> }>(
        ADMIN_API_PATH.audit
      );
      const line = audit.entries.find((e) => e.action === MITIGATION_ACTION.reduceShots)!;
      expect(line).toMatchObject({ actor: 'admin', result: 'applied' });
      const row = playbook.auditRows.first();
      await expect(row).toHaveAttribute('data-actor', line.actor);
      await expect(row).toHaveAttribute('data-action', MITIGATION_ACTION.reduceShots);
      await expect(row).toHaveAttribute('data-result', 'applied');
      await saveScreenshot(page, 'playbook-a-mitigated');

      // The effect in the telemetry: the next scrape of the live simulator holds the mitigation's gauge, valued
      // with the time it was applied, which is after the click.
      const applied = selector(METRIC.mitigationApplied.name, [eq(LABEL.action, MITIGATION_ACTION.reduceShots)]);
      await expect.poll(async () => (await scraper!.query(applied)).result.length, { timeout: 30_000 }).toBe(1);
      const [sample] = (await scraper!.query(applied)).result;
      expect(Number(sample!.value![1])).toBeGreaterThanOrEqual(clickedAt);
      expect(Number(sample!.value![1])).toBeLessThanOrEqual(Date.now() / 1000);
    });

    test('a Viewer sees the degraded banner from telemetry, with since when, while the simulator is forced', async ({
      mount,
      page,
      harness,
    }) => {
      const { url } = await playbookAUrl();
      await admin(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.forceSimulator, actor: 'page-harness' });
      // The series Prometheus holds once it scraped the simulator after the change: what the banner must show.
      const expr = selector(METRIC.mitigationApplied.name, [eq(LABEL.action, MITIGATION_ACTION.forceSimulator)]);
      await expect.poll(async () => (await scraper!.query(expr)).result.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const [sample] = (await scraper!.query(expr)).result;
      const since = Math.round(Number(sample!.value![1]) * 1000);
      const jsonData = { adminApiUrl: liveSimulatorUrl() };
      const component = await mount(<AppHarness url={url} jsonData={jsonData} />, {
        hooksConfig: {
          ...harness,
          prometheusUrl: scraper!.url,
          jsonData,
          pluginProxyUrl: pluginProxyUrl(),
          orgRole: 'Viewer',
        },
      });
      const playbook = new PlaybookPage(component);
      // The admin API stays out of reach for a Viewer; the banner does not need it.
      await expect(playbook.adminState).toHaveAttribute('data-state', 'viewer');
      await expect(playbook.degradedTelemetry).toHaveAttribute('data-state', 'degraded');
      const item = playbook.degradedItem(MITIGATION_ACTION.forceSimulator);
      await expect(item).toHaveAttribute('data-since', String(since));
      await expect(item).toHaveAttribute('data-provider', '');
      await expect(item).toContainText(uiText('playbook.action.force-simulator.label'));
      // The harness renders times in the browser's zone: the same instant, as HH:mm:ss there.
      const clock = await page.evaluate((ms) => new Date(ms).toTimeString().slice(0, 8), since);
      await expect(item).toContainText(clock);
      await expect(item).toContainText(uiText('playbook.degraded.since', { since: '' }).trim());
      await saveScreenshot(page, 'playbook-a-viewer-degraded');
      await admin(ADMIN_API_PATH.actions, { action: MITIGATION_ACTION.releaseSimulator, actor: 'page-harness' });
      await expect.poll(async () => (await scraper!.query(expr)).result.length, { timeout: 30_000 }).toBe(0);
    });
  });

  test('with the admin API down the page says so, and that the outcome of an action is unknown', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    const { url } = await playbookAUrl();
    const before = await flagsNow();
    // A port nothing listens on: Grafana's proxy answers 502.
    const down = 'http://127.0.0.1:9';
    const jsonData = { adminApiUrl: down };
    const component = await mount(<AppHarness url={url} jsonData={jsonData} />, {
      hooksConfig: { ...harness, jsonData, pluginProxyUrl: pluginProxyUrl(), orgRole: 'Editor' },
    });
    const playbook = new PlaybookPage(component);
    await expect(playbook.adminError).toBeVisible();
    await expect(playbook.adminError).toHaveAttribute('data-kind', 'http');
    await expect(playbook.adminError).toContainText('HTTP 502');
    await playbook.actionButton(MITIGATION_ACTION.forceSimulator).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: uiText('playbook.action.force-simulator.label') }).click();
    // A 502 does not prove the action never reached the API, and reading the state again fails too: the page
    // says the outcome is unknown rather than that nothing changed.
    await expect(playbook.actionError).toHaveAttribute('data-applied', 'unknown');
    await expect(playbook.actionError).toContainText(
      uiText('playbook.action.outcome-unknown', { label: uiText('playbook.action.force-simulator.label') })
    );
    await expect(playbook.actionError).toContainText('HTTP 502');
    await expect(playbook.actionResult).toHaveCount(0);
    await expect(playbook.degraded).toHaveCount(0);
    await saveScreenshot(page, 'playbook-a-admin-down');
    expect(await flagsNow()).toEqual(before);
    // What the browser itself logs for the proxy's 502s (the reads of flags and audit, and the action).
    expectLoggedErrors(consoleErrors, [
      /HTTP 502 GET .*\/admin\/flags/,
      /HTTP 502 GET .*\/admin\/audit/,
      /HTTP 502 POST .*\/admin\/actions/,
      /status of 502/,
    ]);
  });
});
