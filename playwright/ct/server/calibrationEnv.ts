/** What the global setup tells the tests about the calibration history it loaded (HL_CT_CALIBRATION). */
export const CALIBRATION_ENV = 'HL_CT_CALIBRATION';

/** Where a run of snapshots came from: the real fixtures, the simulator, or the simulator device left stale. */
export type CalibrationSource = 'fixture' | 'simulator' | 'simulator-stale';

/** Snapshots of one device loaded as one backfill (each held until the next, the newest until `end`). */
export interface CalibrationRun {
  source: CalibrationSource;
  provider: string;
  backend: string;
  /** Unix seconds of each snapshot, oldest first. */
  snapshots: number[];
  /** Unix seconds: the newest snapshot's samples stop here. */
  end: number;
  /** Qubits of the newest snapshot. */
  qubits: number;
}

/** A device as the pages see it at the time of its newest snapshot. */
export interface CalibrationDevice {
  source: CalibrationSource;
  provider: string;
  backend: string;
  /** Unix seconds of the newest snapshot loaded. */
  newest: number;
  qubits: number;
}

export interface CalibrationScene {
  runs: CalibrationRun[];
  devices: CalibrationDevice[];
  /** Seconds between samples of the calibration history. */
  stepSeconds: number;
}

export function calibrationScene(): CalibrationScene {
  const raw = process.env[CALIBRATION_ENV];
  if (!raw) {
    throw new Error(`${CALIBRATION_ENV} is not set: run through playwright-ct.config.ts (its globalSetup loads it)`);
  }
  return JSON.parse(raw) as CalibrationScene;
}
