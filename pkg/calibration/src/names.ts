import { basename, extname } from 'node:path';

const DATE = /[_-]?(\d{4})[-_]?(\d{2})[-_]?(\d{2})(T[\d:.]+Z?)?$/;
const SUFFIXES = /(_calibration|_device_capabilities|_capabilities|_properties|_quality_metrics)$/i;

/** Device name from a snapshot's file name: "iqm_garnet_2025-07-06.json" → "iqm_garnet". */
export function nameHintFromFile(file: string): string {
  let stem = basename(file, extname(file));
  stem = stem.replace(/^(props|conf)_/, '');
  for (let i = 0; i < 2; i++) {
    stem = stem.replace(SUFFIXES, '').replace(DATE, '');
  }
  return stem || basename(file);
}

/** The date in a snapshot's file name as ISO 8601 (UTC midnight), or null. */
export function dateFromFile(file: string): string | null {
  const stem = basename(file, extname(file)).replace(SUFFIXES, '');
  const m = DATE.exec(stem);
  if (!m) {
    return null;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
