import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backfill } from '@hybridlens/simulator';
import {
  alertsAsRecordingRules,
  backfillRecordingRules,
  listRuleFiles,
  loadOpenMetricsFiles,
  readRules,
  startPrometheus,
} from '@hybridlens/testkit';
import { harnessScenario } from './harnessScenario';
import { BARE_PROMETHEUS_URL_ENV, HISTORY_ENV, PROMETHEUS_URL_ENV, type HistoryWindow } from './env';
import { ALERT_STATE, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { loadCalibrationHistory, recordCalibrationDrift } from './calibrationSetup';
import { CALIBRATION_ENV } from './calibrationEnv';
import { restoreSetup, saveSetup, SETUP_CACHE_ENV } from './setupCache';

const HOUR = 3600;
const HISTORY_HOURS = 26;
/** The default topology's own traffic (a few tenths of a request per second) keeps every SLO judgeable in a few hours. */
const LOAD_FACTOR = 1;
/**
 * 30 s keeps a day of history loadable in seconds; the datasource stand-in is told the same
 * scrape interval, so `$__rate_interval` always spans at least two samples, as in Grafana.
 */
const STEP_SECONDS = 30;
/**
 * SLO series are recorded over the last hours only, every 4 minutes: the 30-day windows are
 * subqueries of 8,640 steps each, so every evaluation is costly. 4 minutes, not 5, because with
 * samples exactly 5 minutes apart a query instant can fall outside Prometheus' 5-minute lookback of
 * the previous sample and a panel shows "No data" depending on the wall clock (as pkg/slo's long group).
 */
const RULE_EVAL_SECONDS = 240;
const RULE_HISTORY_SECONDS = 3 * HOUR;

const RULES_DIR = resolve(__dirname, '../../../provisioning/prometheus/rules');

function log(message: string): void {
  console.log(`page harness: ${message}`);
}

/**
 * How far past "now" the history runs. The pages query at the wall clock's now, which moves on while the
 * history is made (minutes on a loaded machine) and while the tests run: with less, a slow run queried past
 * the end of the data and every panel went empty. Costs 3 % more samples than ending at now.
 */
const HISTORY_AHEAD_SECONDS = 45 * 60;

/**
 * One real Prometheus for the whole browser run, loaded with history that ends well past "now"
 * (rates near the right edge do not drift while the tests run), the SLO series recorded over it when
 * pkg/slo's rule files exist, alert states included. Its URL reaches the tests through
 * the environment; the returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), 'hl-ct-'));
  const now = Math.floor(Date.now() / 1000);
  if (restoreSetup(work, now)) {
    log(`reusing the Prometheus data prepared by this test run's previous browser step (${SETUP_CACHE_ENV})`);
  } else {
    await prepareData(work, now);
    saveSetup(work, now, [HISTORY_ENV, CALIBRATION_ENV]);
  }
  const prometheus = await startPrometheus({ dataDir: join(work, 'data') });
  const bare = await startPrometheus({ dataDir: join(work, 'bare-data') }).catch(async (error: unknown) => {
    await prometheus.stop();
    throw error;
  });
  process.env[PROMETHEUS_URL_ENV] = prometheus.url;
  process.env[BARE_PROMETHEUS_URL_ENV] = bare.url;
  log(`Prometheus ${prometheus.url} ready`);
  return async () => {
    await Promise.all([prometheus.stop(), bare.stop()]);
    rmSync(work, { recursive: true, force: true });
  };
}

/** The history, calibration, SLO series and drift in `work/data`, the same without rules in `work/bare-data`. */
async function prepareData(work: string, now: number): Promise<void> {
  let started = Date.now();
  const history = await backfill({
    days: HISTORY_HOURS / 24,
    out: join(work, 'history'),
    end: (now + HISTORY_AHEAD_SECONDS) * 1000,
    stepSeconds: STEP_SECONDS,
    calibration: false,
    tracesPerHour: 1,
    loadFactor: LOAD_FACTOR,
    scenario: harnessScenario(HISTORY_HOURS),
  });
  const window: HistoryWindow = {
    start: history.start / 1000,
    end: history.end / 1000,
    now,
    incidentStart: now - 80 * 60,
    incidentEnd: history.end / 1000,
    stepSeconds: STEP_SECONDS,
  };
  const dataDir = join(work, 'data');
  await loadOpenMetricsFiles(history.metricsFiles, dataDir);
  rmSync(join(work, 'history'), { recursive: true, force: true });
  log(
    `simulator history: ${history.series} series / ${history.samples} samples / ${history.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  // Calibration history (real snapshots at their dates, simulator snapshots up to now): in both Prometheus servers.
  const calibration = await loadCalibrationHistory({ work, dataDir, end: window.end, log });

  // A copy before the SLO series are added: the same history as a Prometheus whose rules were never loaded.
  const bareDataDir = join(work, 'bare-data');
  cpSync(dataDir, bareDataDir, { recursive: true });

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
    log(
      `SLO series and alert states: ${recorded.rules} recording rules in ${recorded.levels} levels in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  } else {
    log(`no rule files in ${RULES_DIR}: SLO pages will show their "metadata missing" state`);
  }

  // Drift of the real snapshots, recorded at their own dates (the rules above covered the last hours only).
  await recordCalibrationDrift({ work, dataDir, scene: calibration, log });
  process.env[HISTORY_ENV] = JSON.stringify(window);
}
