// Jest's order for `npm test`: the longest files first, so that none of them starts near the end of the run
// while the other workers sit idle. Jest orders by the durations in its cache, but CI starts without one and
// then orders by file size, which started the longest file (193 s) 159 s into the run (CI run of 14:30).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DefaultSequencer = require('@jest/test-sequencer').default;
const root = new URL('..', import.meta.url).pathname;

/**
 * Seconds each file took in the fresh-clone CI run of 8e2488a (3 workers on 2 cores): only their order matters.
 * A file renamed or removed must be renamed or removed here too (checked below).
 */
export const LONG_FILES = {
  'pkg/simulator/test/remediationChain.test.ts': 145,
  'pkg/dashboards/test/queries.integration.test.ts': 69,
  'pkg/simulator/test/demoHistory.test.ts': 55,
  'pkg/simulator/test/liveScrape.test.ts': 53,
  'pkg/slo/test/simulatorHistory.test.ts': 21,
  'pkg/simulator/test/backfillPrometheus.test.ts': 20,
  'pkg/slo/test/burnRateAlerts.test.ts': 19,
  'pkg/slo/test/prometheusBackfill.test.ts': 14,
  'src/pages/playbook/playbookOnPrometheus.test.ts': 11,
  'pkg/instrument/test/resilience.test.ts': 11,
  'pkg/traces/test/simulator.test.ts': 11,
  'pkg/simulator/test/determinism.test.ts': 10,
};

const missing = Object.keys(LONG_FILES).filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  throw new Error(`scripts/test-sequencer.mjs: LONG_FILES names files that do not exist: ${missing.join(', ')}`);
}

function measuredSeconds(path) {
  const relative = path.startsWith(root) ? path.slice(root.length) : path;
  return LONG_FILES[relative];
}

export default class LongestFirstSequencer extends DefaultSequencer {
  sort(tests) {
    // Jest's order (failed first, then its cached durations, then file size) with its durations, in ms, set.
    const ordered = super.sort(tests);
    // A file jest has timed (an earlier run on this machine) by that time, else by the CI run's. Jest alone would run
    // the files it has timed after all the others, so a partly filled cache put the longest files last.
    const seconds = (test) => (test.duration != null ? test.duration / 1000 : measuredSeconds(test.path)) ?? -1;
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    return [...ordered].sort((a, b) => failed(b) - failed(a) || seconds(b) - seconds(a));
  }
}
