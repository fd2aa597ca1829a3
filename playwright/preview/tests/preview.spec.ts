import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { NAV_PAGES, type PageId, buildAppUrl } from '@hybridlens/conventions';
import { AppPageObject, SloDetailPage, SlosPage } from '../../pages';
import { PREVIEW_BANNER_TEST_ID } from '../previewConfig';

const REPO_ROOT = resolve(__dirname, '../../..');
/** A short history keeps the test cheap; every SLO is judgeable within a few hours of default traffic. */
const HISTORY_HOURS = '3';
/** The navigation pages not reached by clicking above: each opened by its URL. */
const OTHER_PAGES: PageId[] = NAV_PAGES.filter((p) => p !== 'overview' && p !== 'slos');

interface Started {
  child: ChildProcess;
  output: () => string;
  /** URLs the preview printed (page, Prometheus, simulator, calibration exporter). */
  urls: string[];
  pageUrl: string;
}

/** Starts `npm run preview`'s program in its own process group and waits for its "ready" line. */
function startPreview(): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'playwright/preview/cli.ts', 'serve', '--port', '0', '--hours', HISTORY_HOURS],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /preview: ready: (http:\/\/\S+)/.exec(output);
      if (ready) {
        const urls = [...output.matchAll(/http:\/\/127\.0\.0\.1:\d+/g)].map((m) => m[0]);
        done({ child, output: () => output, urls: [...new Set(urls)], pageUrl: ready[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`preview exited (${code}) before it was ready:\n${output}`)));
  });
}

/** True while any process of the group is alive (the preview, Prometheus, the simulator, the exporter). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
      return false;
    }
    throw error;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

test('npm run preview serves every page without console errors and Ctrl-C stops everything it started', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      errors.push(`console.error: ${msg.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });

  const preview = await startPreview();
  const pgid = preview.child.pid!;
  try {
    expect(preview.urls.length, 'page, Prometheus, simulator and exporter URLs').toBeGreaterThanOrEqual(4);
    const origin = new URL(preview.pageUrl).origin;

    await page.goto(preview.pageUrl);
    await expect(page.getByTestId(PREVIEW_BANNER_TEST_ID)).toContainText('not Grafana');
    const app = new AppPageObject(page);
    await expect(app.heading('overview')).toBeVisible();

    await app.tileLink('slos').first().click();
    await expect(app.heading('slos')).toBeVisible();
    const slos = new SlosPage(page);
    // The SLO list reads the recorded hybridlens_slo_info: the backfilled samples end when the history was made,
    // and the live Prometheus evaluates that 4-minute rule group on its own schedule; on a slow start the page
    // says "no SLO metadata" until then. Reload until it lists SLOs, as a user would.
    await expect
      .poll(
        async () => {
          if ((await slos.rows.count()) === 0) {
            await page.reload();
            await expect(app.heading('slos')).toBeVisible();
          }
          return slos.rows.count();
        },
        { timeout: 6 * 60_000, intervals: [10_000] }
      )
      .toBeGreaterThan(0);
    await slos.names.first().getByRole('link').first().click();
    const detail = new SloDetailPage(page);
    await expect(detail.status).toBeVisible();

    for (const id of OTHER_PAGES) {
      await page.goto(buildAppUrl({ page: id }, { baseUrl: origin }));
      await expect(app.heading(id)).toBeVisible();
    }
    expect(errors, 'the preview page logged errors').toEqual([]);
  } finally {
    process.kill(pgid, 'SIGINT');
    const code = await new Promise<number | null>((done) => {
      if (preview.child.exitCode !== null) {
        done(preview.child.exitCode);
      } else {
        preview.child.once('exit', (c) => done(c));
      }
    });
    expect(code, preview.output()).toBe(0);
  }
  // The preview stopped what it started: no process of its group is left, no URL it printed answers.
  await expect.poll(() => groupAlive(pgid), { timeout: 10_000 }).toBe(false);
  for (const url of preview.urls) {
    expect(await answers(url), `${url} still answers`).toBe(false);
  }
  expect(preview.output()).toContain('preview: stopped everything it started');
});
