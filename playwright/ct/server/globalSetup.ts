import { rmSync } from 'node:fs';
import { startPrometheus } from '@hybridlens/testkit';
import { BARE_PROMETHEUS_URL_ENV, HISTORY_ENV, PROMETHEUS_URL_ENV } from './env';
import { buildHarnessHistory } from './harnessHistory';

const HISTORY_HOURS = 26;

/**
 * How far past "now" the history runs. The pages query at the wall clock's now, which moves on while the
 * history is made (minutes on a loaded machine) and while the tests run: with less, a slow run queried past
 * the end of the data and every panel went empty. Costs 3 % more samples than ending at now.
 */
const HISTORY_AHEAD_SECONDS = 45 * 60;

function log(message: string): void {
  console.log(`page harness: ${message}`);
}

/**
 * One real Prometheus for the whole browser run, loaded with history that ends well past "now"
 * (rates near the right edge do not drift while the tests run), the SLO series recorded over it when
 * pkg/slo's rule files exist, alert states included. Its URL reaches the tests through
 * the environment; the returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const history = await buildHarnessHistory({
    hours: HISTORY_HOURS,
    aheadSeconds: HISTORY_AHEAD_SECONDS,
    bareCopy: true,
    log,
  });
  const prometheus = await startPrometheus({ dataDir: history.dataDir });
  const bare = await startPrometheus({ dataDir: history.bareDataDir }).catch(async (error: unknown) => {
    await prometheus.stop();
    throw error;
  });
  process.env[PROMETHEUS_URL_ENV] = prometheus.url;
  process.env[BARE_PROMETHEUS_URL_ENV] = bare.url;
  process.env[HISTORY_ENV] = JSON.stringify(history.window);
  log(`Prometheus ${prometheus.url} ready`);
  return async () => {
    await Promise.all([prometheus.stop(), bare.stop()]);
    rmSync(history.workDir, { recursive: true, force: true });
  };
}
