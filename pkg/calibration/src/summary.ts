import { createHash } from 'node:crypto';
import type { BackendCalibration, CalibrationSummary, GateCalibration, QubitCalibration } from './model';

/**
 * Uncalibrated-gate sentinels. IBM marks a broken gate with gate_error 1.0; Rigetti (via Braket) reports
 * fidelity 0.5 (error 0.5) with standardError 1.0 for a "bad pair". Neither is a measurement: such gates
 * are flagged, counted and left out of medians and of the exported per-gate error.
 */
export function isSentinelError(error: number): boolean {
  return error >= 1 || error === 0.5;
}

/** Median of the values present (nulls ignored); null when none. Even counts average the middle two. */
export function median(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) {
    return null;
  }
  const mid = present.length >> 1;
  return present.length % 2 === 1 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
}

/** A positive time or null: providers write 0 for "not measured" (Rigetti T1 0.0, IQM T2 0.0). */
export function positiveOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value > 0 ? value : null;
}

/** Build a gate entry applying the sentinel rule. */
export function gateEntry(
  init: Omit<GateCalibration, 'flags' | 'error'> & { error: number | null; flags?: GateCalibration['flags'] }
): GateCalibration {
  const flags = [...(init.flags ?? [])];
  let error = init.error;
  if (error !== null && isSentinelError(error)) {
    flags.push('uncalibrated');
    error = null;
  }
  return { ...init, error, flags };
}

/** Build a qubit entry: missing values become null and are flagged. */
export function qubitEntry(
  qubit: QubitCalibration['qubit'],
  t1: number | null,
  t2: number | null,
  readoutError: number | null,
  extraFlags: QubitCalibration['flags'] = []
): QubitCalibration {
  const flags: QubitCalibration['flags'] = [...extraFlags];
  const t1s = positiveOrNull(t1);
  const t2s = positiveOrNull(t2);
  const readout = readoutError;
  if (t1s === null) {
    flags.push('missing_t1');
  }
  if (t2s === null) {
    flags.push('missing_t2');
  }
  // Readout is reported as measured, even a useless 0.5 (IBM sherbrooke q84): only gates have sentinels.
  if (readout === null) {
    flags.push('missing_readout');
  }
  return { qubit, t1Seconds: t1s, t2Seconds: t2s, readoutError: readout, flags };
}

export interface DeviceLevelValues {
  qubitCount?: number | null;
  t1Seconds?: number | null;
  t2Seconds?: number | null;
  readoutError?: number | null;
  error1q?: number | null;
  error2q?: number | null;
}

/** Summary over the per-qubit and per-gate lists; device-level values fill what the lists cannot give. */
export function summarize(
  qubits: QubitCalibration[],
  gates: GateCalibration[],
  device: DeviceLevelValues = {}
): CalibrationSummary {
  const native = (kind: '1q' | '2q') => gates.filter((g) => g.native && g.kind === kind).map((g) => g.error);
  return {
    qubitCount: qubits.length > 0 ? qubits.length : (device.qubitCount ?? null),
    medianT1Seconds: median(qubits.map((q) => q.t1Seconds)) ?? positiveOrNull(device.t1Seconds ?? null),
    medianT2Seconds: median(qubits.map((q) => q.t2Seconds)) ?? positiveOrNull(device.t2Seconds ?? null),
    medianReadoutError: median(qubits.map((q) => q.readoutError)) ?? device.readoutError ?? null,
    median1qError: median(native('1q')) ?? device.error1q ?? null,
    median2qError: median(native('2q')) ?? device.error2q ?? null,
    uncalibratedGates: gates.filter((g) => g.flags.includes('uncalibrated')).length,
    qubitsMissingT1: qubits.filter((q) => q.t1Seconds === null).length,
  };
}

export function contentVersion(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Order qubits and gates deterministically so output and exposition are stable. */
export function sortBackend(b: BackendCalibration): BackendCalibration {
  const key = (q: string | number) => (typeof q === 'number' ? q.toString().padStart(8, '0') : q);
  b.qubits.sort((x, y) => compare(key(x.qubit), key(y.qubit)));
  b.gates.sort((x, y) => compare(x.gate, y.gate) || compare(x.qubits.map(key).join(','), y.qubits.map(key).join(',')));
  return b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
