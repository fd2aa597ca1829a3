import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlocksFromOpenMetrics, startPrometheus } from '@hybridlens/testkit';
import { writeContractHistory } from '../history/contractHistory';
import { HISTORY_ENV, PROMETHEUS_URL_ENV, type HistoryWindow } from './env';

const HOUR = 3600;
/**
 * 30 s keeps a day of history loadable in a few seconds; the datasource stand-in is told the same
 * scrape interval, so `$__rate_interval` always spans at least two samples, as in Grafana.
 */
const STEP_SECONDS = 30;

/**
 * One real Prometheus for the whole browser run, loaded with history that ends a few minutes past "now"
 * (rates near the right edge do not drift while the tests run). Its URL reaches the tests through the
 * environment; the returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'hl-ct-'));
  const now = Math.floor(Date.now() / 1000);
  const window: HistoryWindow = { start: now - 26 * HOUR, end: now + 10 * 60, now, incidentStart: now - 90 * 60, incidentEnd: now + 10 * 60, stepSeconds: STEP_SECONDS };
  const file = join(work, 'history.om');
  const dataDir = join(work, 'data');
  const summary = await writeContractHistory({ file, ...window });
  createBlocksFromOpenMetrics(file, dataDir);
  rmSync(file);
  const prometheus = await startPrometheus({ dataDir });
  process.env[PROMETHEUS_URL_ENV] = prometheus.url;
  process.env[HISTORY_ENV] = JSON.stringify(window);
  // eslint-disable-next-line no-console
  console.log(`page harness: Prometheus ${prometheus.url} with ${summary.series} series / ${summary.samples} samples in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await prometheus.stop();
    rmSync(work, { recursive: true, force: true });
  };
}
