import { deviceView } from './device';
import type { BackendCalibration } from './model';

/** The JSON `normalize` prints: one object per backend, the documented field names first. */
export function toOutputJson(backends: BackendCalibration[]): unknown[] {
  return backends.map((b) => {
    const view = deviceView(b);
    return {
      provider: b.provider,
      backend: b.backend,
      calibratedAt: b.calibratedAt,
      qubits: b.qubits.map((q) => ({
        qubit: q.qubit,
        t1Seconds: q.t1Seconds,
        t2Seconds: q.t2Seconds,
        readoutError: q.readoutError,
        flags: q.flags,
        ...(q.measuredAt ? { measuredAt: q.measuredAt } : {}),
        ...(q.stderr ? { stderr: q.stderr } : {}),
      })),
      gates: b.gates.map((g) => ({
        gate: g.gate,
        qubits: g.qubits,
        error: g.error,
        durationSeconds: g.durationSeconds,
        flags: g.flags,
        kind: g.kind,
        native: g.native,
        ...(g.measuredAt !== undefined ? { measuredAt: g.measuredAt } : {}),
        ...(g.errorStderr !== undefined ? { errorStderr: g.errorStderr } : {}),
        ...(g.method !== undefined ? { method: g.method } : {}),
      })),
      summary: b.summary,
      calibrationVersion: b.calibrationVersion,
      processorFamily: b.processorFamily,
      vendor: b.vendor,
      format: b.format,
      source: b.source,
      availability: b.availability,
      configuration: b.configuration,
      backendVersion: b.backendVersion ?? null,
      layout: {
        kind: view.layout,
        qubits: view.qubits.map((q) => ({ qubit: q.id, x: q.position.x, y: q.position.y })),
        couplers: view.couplers.map((c) => ({ qubits: c.qubits, gate: c.gate })),
        native1qGate: view.native1qGate,
        native2qGate: view.native2qGate,
      },
    };
  });
}
