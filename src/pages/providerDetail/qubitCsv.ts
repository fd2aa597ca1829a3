import type { BackendSnapshot } from './snapshot';
import { QUBIT_METRICS } from './qubitMetrics';
import { csvNumber, isoTime } from './calibrationFormat';

function cell(text: string): string {
  // Quote everything that could split a cell or be read as a formula by a spreadsheet.
  return /[",\n\r]|^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The per-qubit table as CSV: SI units, unrounded, with each value's own measurement time, standard error and
 * drift ratio; a missing value is an empty cell, never 0.
 */
export function qubitTableCsv(snapshot: BackendSnapshot): string {
  const header = [
    'qubit',
    'x',
    'y',
    ...QUBIT_METRICS.flatMap((m) => [m, `${m}_measured_at`, `${m}_stderr`, `${m}_ratio_to_median_7d`]),
  ];
  const rows = snapshot.qubits.map((q) => [
    q.id,
    String(q.x),
    String(q.y),
    ...QUBIT_METRICS.flatMap((m) => [
      csvNumber(q.values[m]),
      isoTime(q.measuredAt[m]),
      csvNumber(q.stderr[m]),
      csvNumber(q.drift[m]),
    ]),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The coupler table as CSV (2q error of the direction that speaks for each coupler). */
export function couplerTableCsv(snapshot: BackendSnapshot): string {
  const header = ['qubits', 'gate', '2q_error', 'uncalibrated', 'measured_at', 'stderr', 'ratio_to_median_7d'];
  const rows = snapshot.couplers.map((c) => [
    c.label,
    c.gate,
    csvNumber(c.error),
    String(c.uncalibrated),
    isoTime(c.measuredAt),
    csvNumber(c.stderr),
    csvNumber(c.drift),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
