import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The `npm run preview` test: starts the whole preview (history, Prometheus, live tools, Vite build) once. */
export default defineConfig({
  testDir: './playwright/preview/tests',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results/playwright-preview',
  // History, rule backfill and the Vite build before the first page: minutes on a loaded 2-core machine.
  timeout: 15 * 60_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 1000 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
