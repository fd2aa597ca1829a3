import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backfill as calibrationBackfill, normalizeFiles } from '@hybridlens/calibration';
import { DEFAULT_TOPOLOGY, LIMITS, backfill as simulatorBackfill } from '@hybridlens/simulator';
import type { CalibrationDevice, CalibrationRun } from './calibrationEnv';

/**
 * Calibration history for the page harness, written by the calibration exporter's own backfill:
 *
 * - the real snapshots of ../shared/fixtures/calibration at their own dates (the pages reach them by moving the
 *   time range: IBM 127 qubits, Braket IQM, Rigetti, IonQ, the Google grid, the Hanoi drift series);
 * - the simulator's snapshots over the last days up to "now", for the backends its jobs run on, with one device
 *   whose newest snapshots are withheld, so it is served stale.
 *
 * One sample per hour, as the exporter's backfill writes by default: the pages read calibration with a lookback
 * of an hour, so this is also a check that they do.
 */

export const CALIBRATION_STEP_SECONDS = 3600;
const DAY = 86_400;
/** Snapshots of a device closer together than this are one run: each is held until the next, so drift shows. */
const RUN_GAP_SECONDS = 15 * DAY;
/** A run's newest snapshot is held this long (stale after 1.5 days at the default daily cadence). */
const HOLD_AFTER_RUN_SECONDS = 3 * DAY;
/** Days of simulator snapshots before "now": enough for a cadence from three or more snapshots. */
const SIMULATED_DAYS = 4;
/** The stale device's snapshots newer than this are withheld (its calibration is older than 1.5 days). */
const STALE_AGE_SECONDS = 2.5 * DAY;

export interface CalibrationHistoryResult {
  /** OpenMetrics files for promtool, one per run. */
  files: string[];
  runs: CalibrationRun[];
  devices: CalibrationDevice[];
  samples: number;
  bytes: number;
  /** Files the exporter reported and left out (undated, unreadable), with its reason. */
  skipped: string[];
}

interface DatedFile {
  file: string;
  provider: string;
  backend: string;
  timestamp: number;
  qubits: number;
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? jsonFilesUnder(path) : name.endsWith('.json') ? [path] : [];
    })
    .sort();
}

/** When each snapshot was taken, by the exporter's own rules (its calibration time, else the date in its name). */
function dateSnapshots(files: string[], work: string): { dated: DatedFile[]; skipped: string[]; companions: string[] } {
  const out = join(work, 'dating.om');
  const result = calibrationBackfill({ files, out, stepSeconds: DAY, holdSeconds: 1 });
  rmSync(out, { force: true });
  const dated = result.snapshots.map((s) => ({
    file: s.file,
    provider: s.backend.provider,
    backend: s.backend.backend,
    timestamp: s.timestamp,
    qubits: s.backend.summary.qubitCount ?? s.backend.qubits.length,
  }));
  const used = new Set([...dated.map((d) => d.file), ...result.duplicates.map((d) => d.file)]);
  const skippedFiles = new Set(result.skipped.map((e) => e.source));
  // Files merged into another backend's snapshot (an IBM configuration beside its properties) go along with it.
  const companions = files.filter((f) => !used.has(f) && !skippedFiles.has(f));
  return { dated, skipped: result.skipped.map((e) => e.message), companions };
}

function byDevice(dated: DatedFile[]): Map<string, DatedFile[]> {
  const devices = new Map<string, DatedFile[]>();
  for (const d of dated) {
    const key = `${d.provider}/${d.backend}`;
    devices.set(
      key,
      [...(devices.get(key) ?? []), d].sort((a, b) => a.timestamp - b.timestamp)
    );
  }
  return devices;
}

/** Consecutive snapshots of one device no more than RUN_GAP_SECONDS apart. */
function runsOf(snapshots: DatedFile[]): DatedFile[][] {
  const runs: DatedFile[][] = [];
  for (const s of snapshots) {
    const last = runs.at(-1);
    if (last && s.timestamp - last.at(-1)!.timestamp <= RUN_GAP_SECONDS) {
      last.push(s);
    } else {
      runs.push([s]);
    }
  }
  return runs;
}

interface PlannedRun {
  source: CalibrationRun['source'];
  files: string[];
  snapshots: DatedFile[];
  holdSeconds: number;
}

function writeRuns(
  planned: PlannedRun[],
  work: string,
  prefix: string
): Omit<CalibrationHistoryResult, 'devices' | 'skipped'> {
  const files: string[] = [];
  const runs: CalibrationRun[] = [];
  let samples = 0;
  let bytes = 0;
  planned.forEach((run, i) => {
    const out = join(work, `calibration-${prefix}-${i}.om`);
    const result = calibrationBackfill({
      files: run.files,
      out,
      stepSeconds: CALIBRATION_STEP_SECONDS,
      holdSeconds: run.holdSeconds,
    });
    const first = run.snapshots[0]!;
    const newest = run.snapshots.at(-1)!;
    files.push(out);
    samples += result.samples;
    bytes += result.bytes;
    runs.push({
      source: run.source,
      provider: first.provider,
      backend: first.backend,
      snapshots: run.snapshots.map((s) => s.timestamp),
      end: newest.timestamp + run.holdSeconds,
      qubits: newest.qubits,
    });
  });
  return { files, runs, samples, bytes };
}

/** Companion files by the device they describe. */
function companionsByDevice(companions: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of companions) {
    for (const b of normalizeFiles([file]).backends) {
      const key = `${b.provider}/${b.backend}`;
      out.set(key, [...(out.get(key) ?? []), file]);
    }
  }
  return out;
}

function planFixtureRuns(dated: DatedFile[], companions: string[]): PlannedRun[] {
  const planned: PlannedRun[] = [];
  const extra = companionsByDevice(companions);
  for (const [key, snapshots] of byDevice(dated)) {
    for (const run of runsOf(snapshots)) {
      const gaps = run.slice(1).map((s, i) => s.timestamp - run[i]!.timestamp);
      planned.push({
        source: 'fixture',
        files: [...run.map((s) => s.file), ...(extra.get(key) ?? [])],
        snapshots: run,
        // Long enough to reach the next snapshot of the run, and past the newest one by a few days.
        holdSeconds: Math.max(HOLD_AFTER_RUN_SECONDS, ...gaps),
      });
    }
  }
  return planned;
}

/** The real snapshots at their own dates. */
function fixtureHistory(fixturesDir: string, work: string): CalibrationHistoryResult {
  const files = jsonFilesUnder(fixturesDir);
  const { dated, skipped, companions } = dateSnapshots(files, work);
  const written = writeRuns(planFixtureRuns(dated, companions), work, 'fixtures');
  return { ...written, devices: devicesOf(written.runs), skipped };
}

/**
 * The simulator's snapshots of the last days, each device held until `end`; the first device the simulator
 * calibrates but routes no jobs to is withheld from STALE_AGE_SECONDS before `end`, so it is served stale.
 */
async function simulatedHistory(work: string, end: number): Promise<CalibrationHistoryResult> {
  const out = join(work, 'simulator-calibration');
  const simulated = await simulatorBackfill({
    days: SIMULATED_DAYS,
    out,
    end: end * 1000,
    // Only the snapshots are used: as little traffic and as coarse a step as the simulator allows.
    stepSeconds: CALIBRATION_STEP_SECONDS,
    loadFactor: LIMITS.load.min,
    tracesPerHour: 0,
    calibration: true,
    scenario: { name: 'calibration only', text: 'faults: []\n' },
  });
  const { dated, skipped } = dateSnapshots(simulated.calibrationFiles, work);
  const routed = new Set(DEFAULT_TOPOLOGY.backends.map((b) => `${b.provider}/${b.backend}`.toLowerCase()));
  const devices = byDevice(dated);
  const staleKey = [...devices.keys()].filter((key) => !routed.has(key.toLowerCase())).sort()[0];
  const planned: PlannedRun[] = [];
  for (const [key, snapshots] of devices) {
    const kept = key === staleKey ? snapshots.filter((s) => s.timestamp <= end - STALE_AGE_SECONDS) : snapshots;
    if (kept.length === 0) {
      continue;
    }
    planned.push({
      source: key === staleKey ? 'simulator-stale' : 'simulator',
      files: kept.map((s) => s.file),
      snapshots: kept,
      // Held up to "now" and no further.
      holdSeconds: Math.max(CALIBRATION_STEP_SECONDS, end - kept.at(-1)!.timestamp),
    });
  }
  const written = writeRuns(planned, work, 'simulator');
  rmSync(out, { recursive: true, force: true });
  return { ...written, devices: devicesOf(written.runs), skipped };
}

function devicesOf(runs: CalibrationRun[]): CalibrationDevice[] {
  const devices = new Map<string, CalibrationDevice>();
  for (const run of runs) {
    const key = `${run.source}/${run.provider}/${run.backend}`;
    const known = devices.get(key);
    if (!known || known.newest < run.snapshots.at(-1)!) {
      devices.set(key, {
        source: run.source,
        provider: run.provider,
        backend: run.backend,
        newest: run.snapshots.at(-1)!,
        qubits: run.qubits,
      });
    }
  }
  return [...devices.values()];
}

/**
 * Writes the calibration history (OpenMetrics files in `work`) of the fixtures (when `fixturesDir` is given) and
 * of the simulator up to `end` (Unix seconds).
 */
export async function writeCalibrationHistory(options: {
  work: string;
  end: number;
  fixturesDir?: string;
}): Promise<CalibrationHistoryResult> {
  const parts = [await simulatedHistory(options.work, options.end)];
  if (options.fixturesDir) {
    parts.push(fixtureHistory(options.fixturesDir, options.work));
  }
  return {
    files: parts.flatMap((p) => p.files),
    runs: parts.flatMap((p) => p.runs),
    devices: parts.flatMap((p) => p.devices),
    samples: parts.reduce((n, p) => n + p.samples, 0),
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
    skipped: parts.flatMap((p) => p.skipped),
  };
}
