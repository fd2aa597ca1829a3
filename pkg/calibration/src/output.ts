import type { BackendCalibration } from './model';

/** The JSON `normalize` prints: one object per backend, the field names first. */
export function toOutputJson(backends: BackendCalibration[]): unknown[] {
  return backends.map((b) => ({
    provider: b.provider,
    backend: b.backend,
    calibratedAt: b.calibratedAt,
    qubits: b.qubits.map((q) => ({
      qubit: q.qubit,
      t1Seconds: q.t1Seconds,
      t2Seconds: q.t2Seconds,
      readoutError: q.readoutError,
      flags: q.flags,
    })),
    gates: b.gates.map((g) => ({
      gate: g.gate,
      qubits: g.qubits,
      error: g.error,
      durationSeconds: g.durationSeconds,
      flags: g.flags,
      kind: g.kind,
      native: g.native,
    })),
    summary: b.summary,
    calibrationVersion: b.calibrationVersion,
    processorFamily: b.processorFamily,
    vendor: b.vendor,
    format: b.format,
    source: b.source,
    availability: b.availability,
    configuration: b.configuration,
  }));
}
