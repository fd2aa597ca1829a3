#!/usr/bin/env node
// The one command that runs every test: `npm test`. Each step runs even when an earlier one
// failed, so one run shows everything that is wrong; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv.slice(2);
const counts = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(name, command, args, { count, env = {} } = {}) {
  // `browser` selects every `browser:<runtime>` step.
  if (only.length > 0 && !only.includes(name) && !only.includes(name.split(':')[0])) {
    return;
  }
  const started = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  let detail = '';
  if (count) {
    const c = count();
    if (c) {
      counts.passed += c.passed;
      counts.failed += c.failed;
      counts.skipped += c.skipped;
      detail = ` (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped)`;
    }
  } else {
    counts[ok ? 'passed' : 'failed'] += 1;
  }
  if (!ok && count) {
    // A runner that crashed before reporting still counts as a failure.
    counts.failed += counts.failed === 0 ? 1 : 0;
  }
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} ${seconds}s${detail}`);
}

function jestCounts(file) {
  return () => {
    if (!existsSync(file)) {
      return undefined;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
      skipped: r.numPendingTests + r.numTodoTests,
    };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!existsSync(file)) {
      return undefined;
    }
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  };
}

const npx = 'npx';
run('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', npx, ['eslint', '--max-warnings', '0', '.']);
run('format', npx, ['prettier', '--check', '.']);
// The English catalog must hold exactly the t() / <Trans> defaults of the code (keys added, removed or reworded).
run('i18n', 'npm', ['run', 'i18n:check', '--silent']);
const jestReport = join(reports, 'jest.json');
// Three workers on CI's two cores: the longest files (remediationChain, liveScrape) mostly wait for Prometheus rule
// evaluations and scrapes. Measured on this 2-core machine: 348 s with 3 workers, 463 s with 2 (CI run at 08:23).
run('unit+integration', npx, ['jest', '--ci', '--maxWorkers', '3', '--json', '--outputFile', jestReport], {
  count: jestCounts(jestReport),
});
run('build+budget', 'npm', ['run', 'build', '--silent']);
run('levitate', 'node', ['scripts/levitate.mjs']);
/** Spec files (name filters) of the React 19 browser run. */
const REACT19_SPECS = ['buildChecks.spec', 'runtime.spec', 'harnessSelfTest.spec', 'queryCounts.spec', 'failures.spec'];
if (existsSync(join(root, 'playwright-ct.config.ts'))) {
  // The pages on both React runtimes Grafana gives plugins (playwright/ct/build/runtimes.ts): the repository's
  // install (@grafana 12.4, React 18) and playwright/ct/react19 (@grafana 13.2, React 19), one after the other.
  // React 19 runs the specs that mount every page (queryCounts), break one (the error boundary) and prove the
  // runtime; the deep per-page specs run on React 18 only, to keep the whole CI run under 30 minutes on 2 cores
  // (both full runs took 10 + 9 minutes there). playwright/ct/README.md says which and why.
  // React 18 runs every spec but the page-load query counts: the same app code, counted on React 19 (131 s saved).
  const specs = { react18: ['--grep-invert', 'Prometheus queries per page'], react19: REACT19_SPECS };
  for (const runtime of ['react18', 'react19']) {
    const ctReport = join(reports, `playwright-ct-${runtime}.json`);
    const args = ['playwright', 'test', '-c', 'playwright-ct.config.ts', '--reporter=list,json', ...specs[runtime]];
    run(`browser:${runtime}`, npx, args, {
      count: playwrightCounts(ctReport),
      // The second runtime reuses the Prometheus data the first one prepared (playwright/ct/server/setupCache.ts).
      env: {
        PLAYWRIGHT_JSON_OUTPUT_NAME: ctReport,
        HL_CT_RUNTIME: runtime,
        HL_CT_SETUP_CACHE: join(reports, 'ct-setup'),
      },
    });
  }
}

// `npm run preview` started as a user would, every page clicked through, Ctrl-C stopping everything it started.
run('preview', npx, ['playwright', 'test', '-c', 'playwright-preview.config.ts', '--reporter=list,json'], {
  count: playwrightCounts(join(reports, 'playwright-preview.json')),
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright-preview.json') },
});

console.log('\n=== summary');
for (const line of summary) {
  console.log(line);
}
// Plain closing line read by CI: "N passed, N failed, N skipped" (steps without a test runner count as one test each).
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(summary.some((line) => line.startsWith('FAIL')) ? 1 : 0);
