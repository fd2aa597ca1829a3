import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { expectedIntervalSeconds } from './cadence';
import { CalibrationInputError } from './errors';
import { countHistorySamples, writeOpenMetricsHistory, type DatedSnapshot, type HistoryOptions } from './history';
import type { BackendCalibration } from './model';
import { dateFromFile } from './names';
import { normalizeFiles, type NormalizeResult } from './normalize';

export interface BackfillOptions extends Partial<HistoryOptions> {
  files: string[];
  out: string;
  /** Refuse a history larger than this many samples before writing anything. */
  maxSamples?: number;
}

export const DEFAULT_BACKFILL_STEP_SECONDS = 3600;
export const DEFAULT_BACKFILL_HOLD_SECONDS = 7 * 24 * 3600;
/**
 * About 2 GB of OpenMetrics and several minutes of promtool: beyond that a smaller --hold or a larger --step
 * gives the same instant-query answers.
 */
export const DEFAULT_BACKFILL_MAX_SAMPLES = 20_000_000;

export interface BackfillResult {
  snapshots: Array<{ file: string; backend: BackendCalibration; timestamp: number }>;
  /** Files (or snapshots in them) that were reported and left out; the others were still written. */
  skipped: CalibrationInputError[];
  /** Values dropped and duplicates resolved in the snapshots used. */
  warnings: NormalizeResult['warnings'];
  /** Snapshots of a device at a time already taken by an earlier file (path order), left out. */
  duplicates: Array<{ file: string; keptFile: string }>;
  samples: number;
  bytes: number;
}

/**
 * Dated snapshots of one or more devices → OpenMetrics history for `promtool tsdb create-blocks-from openmetrics`.
 * A snapshot's time is its calibratedAt, or the date in its file name when the file has none; a file that cannot be
 * read, parsed or dated is reported and skipped, the others are still written. The output appears whole or not at
 * all (written to a temporary file beside it, then renamed).
 */
export function backfill(options: BackfillOptions): BackfillResult {
  const stepSeconds = options.stepSeconds ?? DEFAULT_BACKFILL_STEP_SECONDS;
  const holdSeconds = options.holdSeconds ?? DEFAULT_BACKFILL_HOLD_SECONDS;
  const normalized = normalizeFiles([...options.files].sort());
  const skipped = [...normalized.errors];
  const byDevice = new Map<string, Array<DatedSnapshot & { file: string }>>();
  const duplicates: BackfillResult['duplicates'] = [];
  for (const backend of normalized.backends) {
    const when = backend.calibratedAt ?? dateFromFile(backend.source);
    if (when === null) {
      skipped.push(
        new CalibrationInputError(
          backend.source,
          'calibratedAt',
          'no timestamp in the file and no YYYY-MM-DD date in its name; skipped (rename it with its date to include it)',
          CALIBRATION_INGEST_REASON.noTimestamp
        )
      );
      continue;
    }
    const key = `${backend.provider}/${backend.backend}`;
    const timestamp = Math.floor(Date.parse(when) / 1000);
    const list = byDevice.get(key) ?? [];
    const same = list.find((s) => s.timestamp === timestamp);
    if (same) {
      duplicates.push({ file: backend.source, keptFile: same.file });
      continue;
    }
    list.push({ file: backend.source, backend, timestamp });
    byDevice.set(key, list);
  }
  const snapshots = [...byDevice.values()].flatMap((list) => list.sort((a, b) => a.timestamp - b.timestamp));
  if (snapshots.length === 0) {
    const why = skipped.length > 0 ? `; ${skipped.length} skipped, first: ${skipped[0]!.message}` : '';
    throw new CalibrationInputError(
      options.files.join(', ') || '(no files)',
      '(document)',
      `no calibration snapshots to backfill${why}`,
      CALIBRATION_INGEST_REASON.noTimestamp
    );
  }
  const devices = [...byDevice.values()].map((list) => ({
    snapshots: list,
    context: {
      expectedIntervalSeconds: expectedIntervalSeconds(
        list.map((s) => s.timestamp),
        undefined
      ),
    },
  }));
  const history = { stepSeconds, holdSeconds };
  const planned = countHistorySamples(devices, history);
  const maxSamples = options.maxSamples ?? DEFAULT_BACKFILL_MAX_SAMPLES;
  if (planned > maxSamples) {
    throw new CalibrationInputError(
      '--step/--hold',
      'samples',
      `${planned} samples is over the limit of ${maxSamples}: raise --step or lower --hold`,
      CALIBRATION_INGEST_REASON.outOfRange
    );
  }
  const temporary = `${options.out}.tmp-${process.pid}`;
  let bytes = 0;
  let samples = 0;
  const fd = openSync(temporary, 'w');
  try {
    samples = writeOpenMetricsHistory(devices, history, (chunk) => {
      bytes += writeSync(fd, chunk);
    });
    closeSync(fd);
    renameSync(temporary, options.out);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw error;
  }
  return {
    snapshots: snapshots.map(({ file, backend, timestamp }) => ({ file, backend, timestamp })),
    skipped,
    warnings: normalized.warnings,
    duplicates,
    samples,
    bytes,
  };
}
