#!/usr/bin/env node
// Refreshes the screenshots the README shows: runs the page-harness specs that take them (one browser run,
// React 18, one worker), then copies each from test-results/screenshots/ to docs/screenshots/.
// `npm run screenshots` refreshes all; `npm run screenshots -- executive-summary overview` only those.
// Nothing is copied unless every spec passed and every listed screenshot was written by this run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const taken = join(root, 'test-results', 'screenshots');
const shown = join(root, 'docs', 'screenshots');

/**
 * docs/screenshots/<name>.png ← test-results/screenshots/<taken>.png, written by saveScreenshot(page, '<taken>')
 * in `spec`.
 */
const SCREENSHOTS = [
  { name: 'overview', taken: 'overview', spec: 'playwright/ct/tests/overview.spec.tsx' },
  { name: 'slos', taken: 'slos', spec: 'playwright/ct/tests/slos.spec.tsx' },
  { name: 'slo-detail', taken: 'slo-detail', spec: 'playwright/ct/tests/slos.spec.tsx' },
  { name: 'lifecycle', taken: 'lifecycle', spec: 'playwright/ct/tests/lifecycle.spec.tsx' },
  { name: 'trace', taken: 'trace-two-jobs', spec: 'playwright/ct/tests/traces.spec.tsx' },
  { name: 'quantum-job', taken: 'quantum-job', spec: 'playwright/ct/tests/tracesJob.spec.tsx' },
  { name: 'llm-quality', taken: 'llm-quality', spec: 'playwright/ct/tests/llmQuality.spec.tsx' },
  { name: 'providers', taken: 'providers', spec: 'playwright/ct/tests/providersPages.spec.tsx' },
  { name: 'provider-detail', taken: 'provider-detail-drift', spec: 'playwright/ct/tests/providersPages.spec.tsx' },
  { name: 'playbook-a', taken: 'playbook-a', spec: 'playwright/ct/tests/playbooks.spec.tsx' },
  { name: 'executive-summary', taken: 'executive-summary', spec: 'playwright/ct/tests/dashboards.spec.tsx' },
  { name: 'sre-overview', taken: 'sre-overview', spec: 'playwright/ct/tests/dashboards.spec.tsx' },
  { name: 'calibration', taken: 'calibration', spec: 'playwright/ct/tests/dashboards.spec.tsx' },
];

const requested = process.argv.slice(2);
if (requested.includes('--help') || requested.includes('-h')) {
  console.log(
    `Usage: npm run screenshots [-- NAME...]\n\nRuns the page-harness specs that take the README's screenshots and copies them to docs/screenshots/.\n\nNAME: ${SCREENSHOTS.map((s) => s.name).join(', ')} (default: all)`
  );
  process.exit(0);
}
const unknown = requested.filter((name) => !SCREENSHOTS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(
    `screenshots: unknown screenshot ${unknown.join(', ')} (choose from ${SCREENSHOTS.map((s) => s.name).join(', ')}; see --help)`
  );
  process.exit(2);
}
const wanted = requested.length > 0 ? SCREENSHOTS.filter((s) => requested.includes(s.name)) : SCREENSHOTS;
const specs = [...new Set(wanted.map((s) => s.spec))];
const missingSpecs = specs.filter((spec) => !existsSync(join(root, spec)));
if (missingSpecs.length > 0) {
  console.error(`screenshots: no such spec ${missingSpecs.join(', ')} (update SCREENSHOTS in scripts/screenshots.mjs)`);
  process.exit(2);
}

// Seconds of file-time resolution: a screenshot counts as this run's when written after it started.
const started = Date.now() - 1000;
console.log(`screenshots: running ${specs.join(' ')}`);
const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright-ct.config.ts', '--workers=1', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: {
    HL_CT_SETUP_CACHE: join(root, 'test-results', 'ct-setup-screenshots'),
    ...process.env,
    HL_CT_RUNTIME: 'react18',
  },
});
if (run.status !== 0) {
  console.error('screenshots: a spec failed; docs/screenshots/ left as it was');
  process.exit(1);
}

const stale = wanted.filter((s) => {
  const file = join(taken, `${s.taken}.png`);
  return !existsSync(file) || statSync(file).mtimeMs < started;
});
if (stale.length > 0) {
  console.error(
    `screenshots: not written by this run: ${stale.map((s) => `${s.taken}.png (${s.spec})`).join(', ')}; docs/screenshots/ left as it was`
  );
  process.exit(1);
}

mkdirSync(shown, { recursive: true });
for (const { name, taken: file } of wanted) {
  // Copy beside the target, then rename: a reader never sees half a PNG.
  const target = join(shown, `${name}.png`);
  const staging = join(shown, `.${name}.png.tmp`);
  copyFileSync(join(taken, `${file}.png`), staging);
  renameSync(staging, target);
  console.log(`screenshots: docs/screenshots/${name}.png`);
}
