// Node side of the render benchmarks: builds the bench page (scripts/bench/browser) with the page harness' Vite
// settings but React's production build (what Grafana ships), serves it on 127.0.0.1 and opens it in Debian's
// Chromium. The build is made once per `npm run bench` process and shared by the benches that use it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { harnessViteConfig } from '../../../playwright/ct/build/viteConfig';
import { HARNESS_RUNTIMES } from '../../../playwright/ct/build/runtimes';
import { BENCH_GLOBAL } from './protocol';

const REPO_ROOT = resolve(__dirname, '../../..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const BENCH_BOOT_DATA = { label: 'bench', timezone: 'utc' } as const;

let built: Promise<string> | undefined;

async function buildOnce(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hl-render-bench-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  const base = await harnessViteConfig(REPO_ROOT, HARNESS_RUNTIMES.react18, BENCH_BOOT_DATA);
  await build({
    ...base,
    configFile: false,
    root: __dirname,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { ...base.build, outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return outDir;
}

export interface RenderPage {
  page: Page;
  /** Runs `fn` on the page's bench API (see protocol.ts) with one JSON argument. */
  call<A, R>(fn: string, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** The bench page open in Chromium (1440 × 1000, as the page harness), every console error collected. */
export async function openRenderPage(): Promise<RenderPage> {
  built ??= buildOnce();
  const outDir = await built;
  const base = await harnessViteConfig(REPO_ROOT, HARNESS_RUNTIMES.react18, BENCH_BOOT_DATA);
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({
      ...base,
      configFile: false,
      root: __dirname,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    const address = server.httpServer.address();
    if (typeof address !== 'object' || !address) {
      throw new Error('the bench page server has no address');
    }
    browser = await chromium.launch({
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForFunction((name) => name in window, BENCH_GLOBAL, { timeout: 120_000 });
    const openServer = server;
    const openBrowser = browser;
    return {
      page,
      async call<A, R>(fn: string, arg: A): Promise<R> {
        const result = await page.evaluate(
          ([name, f, a]) =>
            (window as unknown as Record<string, Record<string, (x: unknown) => unknown>>)[name]![f]!(a),
          [BENCH_GLOBAL, fn, arg] as const
        );
        if (errors.length > 0) {
          throw new Error(`the bench page logged errors: ${errors.slice(0, 3).join(' | ')}`);
        }
        return result as R;
      },
      async close() {
        await openBrowser.close();
        await openServer.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    throw error;
  }
}
