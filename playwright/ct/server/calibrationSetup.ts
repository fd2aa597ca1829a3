import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary, sharedFixturesDir } from '@hybridlens/testkit';
import { CALIBRATION_ENV, type CalibrationScene } from './calibrationEnv';
import { CALIBRATION_STEP_SECONDS, writeCalibrationHistory } from './calibrationHistory';
import { type RuleWindow, recordDriftRules } from './calibrationRules';

/**
 * Drift rules are recorded for 3 hours after each real device's newest snapshot: the tests look at the backend
 * pages with the time range ending inside that window. Every 5 minutes, so each hourly sample of the history is
 * inside Prometheus' 5-minute lookback of one evaluation (promtool aligns evaluations to the group's own offset,
 * not to the window's start).
 */
export const DRIFT_WINDOW_SECONDS = 3 * 3600;
const DRIFT_EVAL_SECONDS = 300;

function loadOpenMetrics(file: string, dataDir: string): Promise<void> {
  const bin = findBinary('promtool');
  if (!bin) {
    return Promise.reject(new Error('promtool is not installed (apt-get install prometheus)'));
  }
  // Runs span days to weeks: one block for the whole file, not one pass over the input per 2-hour block.
  const args = ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=8760h', file, dataDir];
  return new Promise((resolve, reject) =>
    execFile(bin, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`promtool ${args.join(' ')}:\n${stdout}${stderr}`)) : resolve()
    )
  );
}

/**
 * Loads the calibration history (real fixtures at their dates, simulator snapshots up to `end`) into `dataDir`
 * and tells the tests what it loaded (CALIBRATION_ENV).
 */
export async function loadCalibrationHistory(options: {
  work: string;
  dataDir: string;
  end: number;
  log: (message: string) => void;
}): Promise<CalibrationScene> {
  const started = Date.now();
  const fixturesDir = sharedFixturesDir();
  const history = await writeCalibrationHistory({
    work: options.work,
    end: options.end,
    fixturesDir: fixturesDir ? join(fixturesDir, 'calibration') : undefined,
  });
  const queue = [...history.files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await loadOpenMetrics(file, options.dataDir);
      rmSync(file, { force: true });
    }
  };
  await Promise.all([worker(), worker()]);
  const scene: CalibrationScene = {
    runs: history.runs,
    devices: history.devices,
    stepSeconds: CALIBRATION_STEP_SECONDS,
  };
  process.env[CALIBRATION_ENV] = JSON.stringify(scene);
  options.log(
    `calibration history: ${history.devices.length} devices in ${history.runs.length} runs, ${history.samples} samples ` +
      `(${(history.bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (fixturesDir ? '' : '; ../shared/fixtures absent: simulator snapshots only') +
      (history.skipped.length > 0 ? `; skipped: ${history.skipped.join('; ')}` : '')
  );
  return scene;
}

/** Windows of DRIFT_WINDOW_SECONDS after each real device's newest snapshot, overlapping ones merged. */
export function driftWindows(scene: CalibrationScene): RuleWindow[] {
  const starts = scene.devices
    .filter((d) => d.source === 'fixture')
    .map((d) => d.newest)
    .sort((a, b) => a - b);
  const windows: RuleWindow[] = [];
  for (const start of starts) {
    const last = windows.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, start + DRIFT_WINDOW_SECONDS);
    } else {
      windows.push({ start, end: start + DRIFT_WINDOW_SECONDS, intervalSeconds: DRIFT_EVAL_SECONDS });
    }
  }
  return windows;
}

/** The drift rules after each real device's newest snapshot (the simulator's "now" is recorded with the other rules). */
export async function recordCalibrationDrift(options: {
  work: string;
  dataDir: string;
  scene: CalibrationScene;
  log: (message: string) => void;
}): Promise<void> {
  const started = Date.now();
  const windows = driftWindows(options.scene);
  if (windows.length === 0) {
    return;
  }
  const recorded = await recordDriftRules({ dataDir: options.dataDir, work: options.work, windows });
  options.log(
    `calibration drift rules: ${recorded.groups} groups over ${recorded.windows} windows in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
}
