import {
  CALIBRATION_METRIC,
  CALIBRATION_QUANTITY,
  LABEL,
  calibrationQubitsLabel,
  type MetricDef,
} from '@hybridlens/conventions';
import { deviceView, methodCounts } from './device';
import type { BackendCalibration, QubitValueFacts } from './model';

export type Labels = Record<string, string>;

export interface Sample {
  labels: Labels;
  value: number;
}

/** Per-backend facts that are not in a snapshot itself: they come from the exporter's view over time. */
export interface BackendContext {
  /** The provider's usual time between calibrations of this backend. */
  expectedIntervalSeconds?: number | null;
}

/** Coordinates as label text: integers for lattice drawings, three decimals for computed ones. */
export function coordinateLabel(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

const FACT_QUANTITY: Record<keyof QubitValueFacts, string> = {
  t1: CALIBRATION_QUANTITY.t1,
  t2: CALIBRATION_QUANTITY.t2,
  readoutError: CALIBRATION_QUANTITY.readoutError,
};

/**
 * Every gauge sample of one backend, keyed by metric; null values produce no sample (missing is never 0).
 * Virtual gates (IBM rz: error 0 and length 0 by construction) are not exported: they measure nothing.
 */
export function backendSamples(b: BackendCalibration, context: BackendContext = {}): Map<MetricDef, Sample[]> {
  const out = new Map<MetricDef, Sample[]>();
  const seen = new Set<string>();
  const push = (def: MetricDef, labels: Labels, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) {
      return;
    }
    // A series twice in one scrape makes Prometheus reject the whole scrape.
    const key = def.name + JSON.stringify(labels);
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    const list = out.get(def) ?? [];
    list.push({ labels, value });
    out.set(def, list);
  };
  const base: Labels = { [LABEL.provider]: b.provider, [LABEL.backend]: b.backend };
  const M = CALIBRATION_METRIC;
  const view = deviceView(b);
  for (const q of b.qubits) {
    const labels = { ...base, [LABEL.qubit]: String(q.qubit) };
    push(M.qubitT1, labels, q.t1Seconds);
    push(M.qubitT2, labels, q.t2Seconds);
    push(M.qubitReadoutError, labels, q.readoutError);
    for (const [key, quantity] of Object.entries(FACT_QUANTITY) as Array<[keyof QubitValueFacts, string]>) {
      push(M.qubitMeasuredAt, { ...labels, [LABEL.quantity]: quantity }, q.measuredAt?.[key]);
      const stderrMetric = key === 'readoutError' ? M.qubitErrorStderr : M.qubitTimeStderr;
      push(stderrMetric, { ...labels, [LABEL.quantity]: quantity }, q.stderr?.[key]);
    }
  }
  for (const [qubit, gate] of view.oneQubit) {
    const labels = { ...base, [LABEL.qubit]: qubit };
    push(M.qubit1qError, labels, gate.error);
    if (gate.error !== null) {
      const quantity = { ...labels, [LABEL.quantity]: CALIBRATION_QUANTITY.oneQubitError };
      push(M.qubitMeasuredAt, quantity, gate.measuredAt);
      push(M.qubitErrorStderr, quantity, gate.errorStderr);
    }
  }
  for (const g of b.gates) {
    if (g.flags.includes('virtual')) {
      continue;
    }
    const labels = { ...base, [LABEL.gate]: g.gate, [LABEL.qubits]: calibrationQubitsLabel(g.qubits) };
    push(M.gateError, labels, g.error);
    push(M.gateDuration, labels, g.durationSeconds);
    push(M.gateUncalibrated, labels, g.flags.includes('uncalibrated') ? 1 : null);
  }
  for (const c of view.couplers) {
    const qubits = calibrationQubitsLabel(c.qubits);
    push(M.couplerInfo, { ...base, [LABEL.gate]: c.gate, [LABEL.qubits]: qubits }, 1);
    if (c.entry?.error != null) {
      push(M.couplerMeasuredAt, { ...base, [LABEL.qubits]: qubits }, c.entry.measuredAt);
      push(M.couplerErrorStderr, { ...base, [LABEL.qubits]: qubits }, c.entry.errorStderr);
    }
  }
  for (const q of view.qubits) {
    push(
      M.qubitLayout,
      {
        ...base,
        [LABEL.qubit]: String(q.id),
        [LABEL.x]: coordinateLabel(q.position.x),
        [LABEL.y]: coordinateLabel(q.position.y),
      },
      1
    );
  }
  const s = b.summary;
  if (!b.availability || b.qubits.length > 0 || s.qubitCount !== null) {
    push(M.medianT1, base, s.medianT1Seconds);
    push(M.medianT2, base, s.medianT2Seconds);
    push(M.medianReadoutError, base, s.medianReadoutError);
    push(M.median1qError, base, s.median1qError);
    push(M.median2qError, base, s.median2qError);
    push(M.qubitCount, base, s.qubitCount);
    push(M.uncalibratedGates, base, s.uncalibratedGates);
    push(M.qubitsMissingT1, base, s.qubitsMissingT1);
    push(M.calibratedAt, base, b.calibratedAt === null ? null : Date.parse(b.calibratedAt) / 1000);
    push(
      M.info,
      { ...base, [LABEL.calibrationVersion]: b.calibrationVersion, [LABEL.processorFamily]: b.processorFamily ?? '' },
      1
    );
    push(
      M.deviceInfo,
      {
        ...base,
        [LABEL.vendor]: b.vendor ?? '',
        [LABEL.layout]: view.layout,
        [LABEL.native1qGate]: view.native1qGate ?? '',
        [LABEL.native2qGate]: view.native2qGate ?? '',
        [LABEL.backendVersion]: b.backendVersion ?? '',
      },
      1
    );
    const natives = (kind: '1q' | '2q') => b.gates.filter((g) => g.native && g.kind === kind);
    for (const [quantity, kind] of [
      [CALIBRATION_QUANTITY.oneQubitError, '1q'],
      [CALIBRATION_QUANTITY.twoQubitError, '2q'],
    ] as const) {
      for (const [method, count] of methodCounts(natives(kind))) {
        push(M.methodValues, { ...base, [LABEL.quantity]: quantity, [LABEL.method]: method }, count);
      }
    }
    push(M.expectedInterval, base, context.expectedIntervalSeconds);
  }
  if (b.availability) {
    push(M.targetAvailable, base, b.availability.available ? 1 : 0);
    push(M.targetQueueTime, base, b.availability.averageQueueSeconds);
  }
  return out;
}
