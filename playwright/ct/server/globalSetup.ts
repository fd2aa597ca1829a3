import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBlocksFromOpenMetrics, startPrometheus } from '@hybridlens/testkit';
import { writeContractHistory } from '../history/contractHistory';
import { HISTORY_ENV, PROMETHEUS_URL_ENV, type HistoryWindow } from './env';
import { ALERT_STATE, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { alertsAsRecordingRules, listRuleFiles, readRules } from './ruleFiles';
import { backfillRecordingRules } from './sloBackfill';

const HOUR = 3600;
/**
 * 30 s keeps a day of history loadable in a few seconds; the datasource stand-in is told the same
 * scrape interval, so `$__rate_interval` always spans at least two samples, as in Grafana.
 */
const STEP_SECONDS = 30;
/**
 * SLO series are recorded over the last hours only, every 5 minutes (the resolution of their base
 * series): the 30-day windows are subqueries of 8,640 steps each, so every evaluation is costly.
 */
const RULE_EVAL_SECONDS = 300;
const RULE_HISTORY_SECONDS = 3 * HOUR;

const RULES_DIR = resolve(__dirname, '../../../provisioning/prometheus/rules');

function log(message: string): void {
  // eslint-disable-next-line no-console
  console.log(`page harness: ${message}`);
}

/**
 * One real Prometheus for the whole browser run, loaded with history that ends a few minutes past "now"
 * (rates near the right edge do not drift while the tests run), the SLO series recorded over it when
 * pkg/slo's rule files exist, alert states included. Its URL reaches the tests through
 * the environment; the returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  let started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'hl-ct-'));
  const now = Math.floor(Date.now() / 1000);
  const window: HistoryWindow = {
    start: now - 26 * HOUR,
    end: now + 10 * 60,
    now,
    incidentStart: now - 90 * 60,
    incidentEnd: now + 10 * 60,
    stepSeconds: STEP_SECONDS,
  };
  const file = join(work, 'history.om');
  const dataDir = join(work, 'data');
  const summary = await writeContractHistory({ file, ...window });
  createBlocksFromOpenMetrics(file, dataDir);
  rmSync(file);
  log(`history: ${summary.series} series / ${summary.samples} samples in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const rules = readRules(listRuleFiles(RULES_DIR));
  if (rules.length > 0) {
    started = Date.now();
    const alerts = alertsAsRecordingRules(rules, RULE_EVAL_SECONDS, { ...PROMETHEUS_ALERTS, ...ALERT_STATE });
    const recorded = await backfillRecordingRules({
      rules: [...rules, ...alerts],
      dataDir,
      workDir: work,
      start: window.end - RULE_HISTORY_SECONDS,
      end: window.end,
      evalIntervalSeconds: RULE_EVAL_SECONDS,
    });
    log(`SLO series and alert states: ${recorded.rules} recording rules in ${recorded.levels} levels in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    log(`no rule files in ${RULES_DIR}: SLO pages will show their "metadata missing" state`);
  }

  const prometheus = await startPrometheus({ dataDir });
  process.env[PROMETHEUS_URL_ENV] = prometheus.url;
  process.env[HISTORY_ENV] = JSON.stringify(window);
  log(`Prometheus ${prometheus.url} ready`);
  return async () => {
    await prometheus.stop();
    rmSync(work, { recursive: true, force: true });
  };
}
