import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test as base } from '@playwright/experimental-ct-react';
import type { Page } from '@playwright/test';
import type { HarnessHooksConfig } from '../runtime/installGrafanaRuntime';
import type { LoggedQuery } from '../runtime/queryLog';
import { historyWindow, prometheusUrl } from '../server/env';
import { exemplarPrometheusUrl, tempoLokiUrl } from '../standins/standInEnv';

/** Console messages that are not the page's fault (none so far: add with a reason, never a broad pattern). */
const IGNORED_CONSOLE_ERRORS: RegExp[] = [];

export interface HarnessFixtures {
  /** Console errors and uncaught exceptions of the page; every test asserts none at its end. */
  consoleErrors: string[];
  /** hooksConfig for mount(): the real Prometheus of this run. */
  harness: HarnessHooksConfig;
}

export const test = base.extend<HarnessFixtures>({
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (process.env.HL_CT_DEBUG) {
          console.log(`[browser ${msg.type()}] ${msg.text()}`);
        }
        if (msg.type() === 'error' && !IGNORED_CONSOLE_ERRORS.some((re) => re.test(msg.text()))) {
          const at = msg.location().url;
          errors.push(`console.error: ${msg.text()}${at ? ` (at ${at})` : ''}`);
        }
      });
      page.on('response', (response) => {
        if (response.status() >= 400) {
          if (process.env.HL_CT_DEBUG) {
            console.log(`[browser http] ${response.status()} ${response.url()}`);
          }
          errors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
        }
      });
      page.on('pageerror', (error) => {
        if (process.env.HL_CT_DEBUG) {
          console.log(`[browser uncaught] ${error.stack ?? error.message}`);
        }
        errors.push(`uncaught: ${error.message}`);
      });
      await provide(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  harness: async ({}, provide) => {
    await provide({
      prometheusUrl: prometheusUrl(),
      scrapeInterval: `${historyWindow().stepSeconds}s`,
      tempoLokiUrl: tempoLokiUrl(),
      exemplarPrometheusUrl: exemplarPrometheusUrl(),
    });
  },
});

export { expect };

/**
 * For a test that injects a failure: takes out of `consoleErrors` the errors the failure is expected to log
 * (each pattern must match at least one), so that any other error still fails the test.
 */
export function expectLoggedErrors(consoleErrors: string[], patterns: RegExp[]): void {
  for (const pattern of patterns) {
    expect(
      consoleErrors.some((e) => pattern.test(e)),
      `the injected failure should log an error matching ${pattern}; logged: ${JSON.stringify(consoleErrors)}`
    ).toBe(true);
  }
  const others = consoleErrors.filter((e) => !patterns.some((p) => p.test(e)));
  consoleErrors.splice(0, consoleErrors.length, ...others);
}

export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** Ask the run's Prometheus directly (from Node), to know what the page should show. */
export async function promInstant(expr: string, time?: number): Promise<InstantSample[]> {
  const body = new URLSearchParams({ query: expr, ...(time !== undefined ? { time: String(time) } : {}) });
  const res = await fetch(`${prometheusUrl()}/api/v1/query`, { method: 'POST', body });
  const json = (await res.json()) as {
    status: string;
    error?: string;
    data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  if (json.status !== 'success' || json.data.resultType !== 'vector') {
    throw new Error(`Prometheus: ${json.error ?? json.data.resultType} for ${expr}`);
  }
  return json.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

/**
 * The evaluation time of the page's instant query that reads `series`, so a test asks Prometheus about
 * the same instant the page showed (recorded series step every few minutes; "now" moves on).
 */
export async function pageQueryTime(page: Page, series: string): Promise<number> {
  const find = async () =>
    (await queryLog(page)).find((q) => q.api === 'query' && q.time !== undefined && q.expr.includes(series));
  // Waits for the query itself: panels behind slow variable queries start late on a busy machine.
  const deadline = Date.now() + 30_000;
  let match = await find();
  while (!match && Date.now() < deadline) {
    await page.waitForTimeout(200);
    match = await find();
  }
  if (!match) {
    throw new Error(`the page issued no instant query reading ${series} within 30 s`);
  }
  return match.time!;
}

/** Path and query the browser shows now. */
export async function currentUrl(page: Page): Promise<URL> {
  return new URL(await page.evaluate(() => window.location.href));
}

/** The Prometheus calls the page made so far (recorded by the datasource stand-in). */
export async function queryLog(page: Page): Promise<LoggedQuery[]> {
  return page.evaluate(() => window.__hybridlensHarness?.queries ?? []);
}

/** A key for "the same query": API, expression, and the time window it asked for. */
export function queryKey(q: LoggedQuery): string {
  return JSON.stringify([q.api, q.expr, q.start, q.end, q.step, q.time]);
}

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results/screenshots');

/** Full-page screenshot at test-results/screenshots/<name>.png, for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** Wait until no panel shows a loading indicator and the query log has been quiet for a moment. */
export async function waitForQueriesToSettle(page: Page, quietMs = 500): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const count = (await queryLog(page)).length;
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('queries did not settle within 20 s');
}
