import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus } from '@hybridlens/testkit';
import { BARE_PROMETHEUS_URL_ENV, HISTORY_ENV, PROMETHEUS_URL_ENV, historyWindow } from './env';
import { TELEMETRY_DIR, buildHarnessHistory } from './harnessHistory';
import { loadCalibrationHistory, recordCalibrationDrift } from './calibrationSetup';
import { CALIBRATION_ENV, type CalibrationScene } from './calibrationEnv';
import { restoreSetup, saveSetup, SETUP_CACHE_ENV } from './setupCache';
import { startLiveAdmin } from './liveAdmin';
import { harnessTelemetry } from '../standins/harnessTelemetry';
import { startTempoLokiStandIn } from '../standins/tempoLokiServer';
import { EXEMPLAR_PROMETHEUS_URL_ENV, TEMPO_LOKI_URL_ENV, TRACE_CATALOG_ENV } from '../standins/standInEnv';
import { type RunningExemplarPrometheus, startExemplarPrometheus } from '../standins/exemplarPrometheus';

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

interface PreparedData {
  workDir: string;
  dataDir: string;
  bareDataDir: string;
}

/**
 * The simulator history with the SLO series and alert states, plus calibration history (real snapshots at
 * their dates, simulator snapshots up to now) and its drift; the bare copy has no recorded series.
 */
async function prepareData(): Promise<PreparedData> {
  let calibration: CalibrationScene | undefined;
  const history = await buildHarnessHistory({
    hours: HISTORY_HOURS,
    aheadSeconds: HISTORY_AHEAD_SECONDS,
    bareCopy: true,
    log,
    addHistory: async ({ workDir, dataDir, window }) => {
      calibration = await loadCalibrationHistory({ work: workDir, dataDir, end: window.end, log });
    },
    addRecorded: async ({ workDir, dataDir }) => {
      await recordCalibrationDrift({ work: workDir, dataDir, scene: calibration!, log });
    },
  });
  process.env[HISTORY_ENV] = JSON.stringify(history.window);
  return { workDir: history.workDir, dataDir: history.dataDir, bareDataDir: history.bareDataDir! };
}

/**
 * One real Prometheus for the whole browser run (and one without the recorded series), loaded with history
 * that ends well past "now" (rates near the right edge do not drift while the tests run). Their URLs reach
 * the tests through the environment; the returned function is the global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const now = Math.floor(Date.now() / 1000);
  let prepared: PreparedData;
  const restoreDir = mkdtempSync(join(tmpdir(), 'hl-ct-'));
  if (restoreSetup(restoreDir, now)) {
    log(`reusing the Prometheus data prepared by this test run's previous browser step (${SETUP_CACHE_ENV})`);
    prepared = { workDir: restoreDir, dataDir: join(restoreDir, 'data'), bareDataDir: join(restoreDir, 'bare-data') };
  } else {
    rmSync(restoreDir, { recursive: true, force: true });
    prepared = await prepareData();
    saveSetup(prepared, now, [HISTORY_ENV, CALIBRATION_ENV]);
  }
  const prometheus = await startPrometheus({ dataDir: prepared.dataDir });
  const bare = await startPrometheus({ dataDir: prepared.bareDataDir }).catch(async (error: unknown) => {
    await prometheus.stop();
    throw error;
  });
  const stopLiveAdmin = await startLiveAdmin(log).catch(async (error: unknown) => {
    await Promise.all([prometheus.stop(), bare.stop()]);
    throw error;
  });
  process.env[PROMETHEUS_URL_ENV] = prometheus.url;
  process.env[BARE_PROMETHEUS_URL_ENV] = bare.url;
  log(`Prometheus ${prometheus.url} ready`);
  // Tempo and Loki stand-ins: the history's sampled traces and log lines, synthetic traces, the real fixtures.
  const telemetry = harnessTelemetry(join(prepared.workDir, TELEMETRY_DIR), historyWindow().now);
  const tempoLoki = await startTempoLokiStandIn(telemetry.data).catch(async (error: unknown) => {
    await Promise.all([prometheus.stop(), bare.stop(), stopLiveAdmin()]);
    throw error;
  });
  process.env[TEMPO_LOKI_URL_ENV] = tempoLoki.url;
  process.env[TRACE_CATALOG_ENV] = JSON.stringify(telemetry.catalog);
  log(
    `Tempo and Loki stand-in ${tempoLoki.url}: ${telemetry.catalog.history.length} history traces, ${telemetry.data.logs?.length ?? 0} log lines${telemetry.catalog.fixturesMissing ? ` (${telemetry.catalog.fixturesMissing})` : ''}`
  );
  // Exemplars of the history's traces (promtool cannot backfill them): a second Prometheus that scrapes them.
  let exemplars: RunningExemplarPrometheus | undefined;
  try {
    exemplars = await startExemplarPrometheus(telemetry.data.otlp?.slice(0, telemetry.catalog.history.length) ?? []);
    process.env[EXEMPLAR_PROMETHEUS_URL_ENV] = exemplars.url;
    log(
      `exemplar Prometheus ${exemplars.url}: ${exemplars.stored} of ${telemetry.catalog.history.length} traces stored`
    );
  } catch (error) {
    log(`exemplar Prometheus not started (the Lifecycle page shows no exemplars): ${(error as Error).message}`);
  }
  return async () => {
    await Promise.all([prometheus.stop(), bare.stop(), stopLiveAdmin(), tempoLoki.stop(), exemplars?.stop()]);
    rmSync(prepared.workDir, { recursive: true, force: true });
  };
}
