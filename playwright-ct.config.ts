import { defineConfig } from '@playwright/experimental-ct-react';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertInstalled, selectedRuntime } from './playwright/ct/build/runtimes';
import { harnessViteConfig } from './playwright/ct/build/viteConfig';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Chromium on these machines lives outside Playwright's cache; users with Playwright's own browser keep it.
const executablePath = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

/**
 * The preview server must bind 127.0.0.1 on a free port. The config is evaluated in the runner and in every
 * worker; the runner picks the port once and workers inherit it through the environment.
 */
function ctPort(): number {
  if (!process.env.HL_CT_PORT) {
    const probe =
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
    process.env.HL_CT_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  }
  return Number(process.env.HL_CT_PORT);
}

const port = ctPort();
// HL_CT_RUNTIME picks the React and Grafana packages the pages run on (playwright/ct/build/runtimes.ts).
const runtime = selectedRuntime();
assertInstalled(resolve(__dirname), runtime);

export default defineConfig({
  testDir: './playwright/ct/tests',
  testMatch: '**/*.spec.{ts,tsx}',
  outputDir: `./test-results/playwright-ct-${runtime.name}`,
  globalSetup: './playwright/ct/server/globalSetup.ts',
  // A test mounts the whole app against a real Prometheus; on a shared 2-core machine under load one page
  // load can take most of a minute. The waits inside tests are for conditions, not for time.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ctPort: port,
    ctTemplateDir: './playwright/ct/template',
    // Each runtime keeps its own build: Playwright rebuilds only when a source file changes.
    ctCacheDir: `./playwright/.cache/ct-${runtime.name}`,
    ctViteConfig: () => harnessViteConfig(resolve(__dirname), runtime),
    viewport: { width: 1440, height: 1000 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
