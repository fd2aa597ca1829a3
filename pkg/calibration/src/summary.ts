import { createHash } from 'node:crypto';
import type {
  BackendCalibration,
  CalibrationSummary,
  DeviceLevelValues,
  GateCalibration,
  QubitCalibration,
} from './model';

/**
 * Uncalibrated-gate sentinels. IBM marks a broken gate with gate_error 1.0; Rigetti (via Braket) reports
 * fidelity 0.5 (error 0.5) with standardError 1.0 for a "bad pair". Neither is a measurement: such gates
 * are flagged, counted and left out of medians and of the exported per-gate error.
 */
export function isSentinelError(error: number): boolean {
  return error === 1 || error === 0.5;
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

/**
 * Providers write 0 for "not measured" (Rigetti T1 0.0, IQM T2 0.0): that is missing, not zero. Any other value
 * is kept as given, so that validation can drop and count an impossible one (negative, absurdly large).
 */
export function zeroAsMissing(value: number | null | undefined): number | null {
  return value === null || value === undefined || value === 0 ? null : value;
}

/** Build a gate entry applying the sentinel rule. */
export function gateEntry(
  init: Omit<GateCalibration, 'flags' | 'error'> & { error: number | null; flags?: GateCalibration['flags'] }
): GateCalibration {
  const flags = [...(init.flags ?? [])];
  if (init.error !== null && isSentinelError(init.error)) {
    flags.push('uncalibrated');
    // The sentinel's "standard error" (Rigetti writes 1.0) is part of the marker, not a measurement.
    const { errorStderr: _sentinelStderr, ...rest } = init;
    return { ...rest, error: null, flags };
  }
  return { ...init, error: init.error, flags };
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
  const t1s = zeroAsMissing(t1);
  const t2s = zeroAsMissing(t2);
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

export type { DeviceLevelValues };

/** Summary over the per-qubit and per-gate lists; device-level values fill what the lists cannot give. */
export function summarize(
  qubits: QubitCalibration[],
  gates: GateCalibration[],
  device: DeviceLevelValues = {}
): CalibrationSummary {
  const native = (kind: '1q' | '2q') => gates.filter((g) => g.native && g.kind === kind).map((g) => g.error);
  return {
    qubitCount: qubits.length > 0 ? qubits.length : (device.qubitCount ?? null),
    medianT1Seconds: median(qubits.map((q) => q.t1Seconds)) ?? zeroAsMissing(device.t1Seconds),
    medianT2Seconds: median(qubits.map((q) => q.t2Seconds)) ?? zeroAsMissing(device.t2Seconds),
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
  // Keys computed once per entry, not once per comparison.
  const qubitKeys = new Map(b.qubits.map((q) => [q, key(q.qubit)]));
  b.qubits.sort((x, y) => compare(qubitKeys.get(x)!, qubitKeys.get(y)!));
  const gateKeys = new Map(b.gates.map((g) => [g, `${g.gate}\u0000${g.qubits.map(key).join(',')}`]));
  b.gates.sort((x, y) => compare(gateKeys.get(x)!, gateKeys.get(y)!));
  return b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
