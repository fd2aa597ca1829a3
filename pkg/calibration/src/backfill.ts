import { writeFileSync } from 'node:fs';
import { CalibrationInputError } from './errors';
import { renderOpenMetricsHistory, type HistoryOptions } from './exposition';
import type { BackendCalibration } from './model';
import { dateFromFile } from './names';
import { normalizeFiles } from './normalize';

export interface BackfillOptions extends Partial<HistoryOptions> {
  files: string[];
  out: string;
}

export const DEFAULT_BACKFILL_STEP_SECONDS = 3600;
export const DEFAULT_BACKFILL_HOLD_SECONDS = 7 * 24 * 3600;

export interface BackfillResult {
  snapshots: Array<{ file: string; backend: BackendCalibration; timestamp: number }>;
  bytes: number;
}

/**
 * Dated snapshots of ONE device → OpenMetrics history for `promtool tsdb create-blocks-from openmetrics`.
 * A snapshot's time is its calibratedAt, or the date in its file name when the file has no timestamp.
 */
export function backfill(options: BackfillOptions): BackfillResult {
  const snapshots: BackfillResult['snapshots'] = [];
  for (const file of options.files) {
    const { backends, errors } = normalizeFiles([file]);
    if (errors.length > 0) {
      throw errors[0]!;
    }
    for (const backend of backends) {
      const when = backend.calibratedAt ?? dateFromFile(file);
      if (when === null) {
        throw new CalibrationInputError(
          file,
          'calibratedAt',
          'no timestamp in the file and no YYYY-MM-DD date in its name'
        );
      }
      snapshots.push({ file, backend, timestamp: Math.floor(Date.parse(when) / 1000) });
    }
  }
  if (snapshots.length === 0) {
    throw new CalibrationInputError(
      options.files.join(', ') || '(no files)',
      '(document)',
      'no calibration snapshots to backfill'
    );
  }
  const devices = new Set(snapshots.map((s) => `${s.backend.provider}/${s.backend.backend}`));
  if (devices.size > 1) {
    throw new CalibrationInputError(
      snapshots.map((s) => s.file).join(', '),
      'backend',
      `backfill takes snapshots of one device, got ${[...devices].join(', ')}`
    );
  }
  const text = renderOpenMetricsHistory(snapshots, {
    stepSeconds: options.stepSeconds ?? DEFAULT_BACKFILL_STEP_SECONDS,
    holdSeconds: options.holdSeconds ?? DEFAULT_BACKFILL_HOLD_SECONDS,
  });
  writeFileSync(options.out, text);
  return { snapshots, bytes: Buffer.byteLength(text) };
}
