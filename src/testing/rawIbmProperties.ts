import { readFileSync } from 'node:fs';
import { CALIBRATION_QUBITS_SEPARATOR, QUBIT_MAP_METRIC, type QubitMapMetric } from '@hybridlens/conventions';

/*
 * IBM BackendProperties snapshots read straight from the provider's JSON, without the calibration package: tests
 * work out what the pages should show from these raw values and compare them with what the exporter, Prometheus
 * and the page made of them.
 */

/** IBM BackendProperties as the provider publishes them. */
export interface RawParameter {
  name: string;
  value: number;
  unit?: string;
}
export interface RawProperties {
  backend_name: string;
  backend_version: string;
  last_update_date: string;
  qubits: RawParameter[][];
  gates: Array<{ gate: string; qubits: number[]; parameters: RawParameter[] }>;
}

export interface RawSnapshot {
  file: string;
  /** Unix seconds. */
  time: number;
  backendVersion: string;
  calibrationVersion: string;
  doc: RawProperties;
}

const SECONDS_PER: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
/** IBM marks a gate it could not calibrate with error 1.0. */
const GATE_SENTINEL = 1;

export function readRaw(file: string): RawSnapshot {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as RawProperties;
  const time = Date.parse(doc.last_update_date) / 1000;
  return {
    file,
    time,
    backendVersion: doc.backend_version,
    calibrationVersion: new Date(time * 1000).toISOString(),
    doc,
  };
}

function parameter(list: RawParameter[], name: string): RawParameter | undefined {
  return list.find((p) => p.name === name);
}

/** T1/T2 in seconds where published and positive. */
function coherence(q: RawParameter[], name: 'T1' | 'T2'): number | undefined {
  const p = parameter(q, name);
  const seconds = p ? p.value * (SECONDS_PER[p.unit ?? 's'] ?? NaN) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** A gate's error, or 'sentinel' for the provider's uncalibrated marker; undefined when it has none. */
function gateError(raw: RawProperties, gate: string, qubits: number[]): number | 'sentinel' | undefined {
  const entry = raw.gates.find((g) => g.gate === gate && g.qubits.join() === qubits.join());
  const error = entry && parameter(entry.parameters, 'gate_error')?.value;
  if (error === undefined) {
    return undefined;
  }
  return error === GATE_SENTINEL ? 'sentinel' : error;
}

/** The four per-qubit values the map colours by, from the raw document. */
export function qubitValues(
  raw: RawProperties,
  native1q: string
): Map<string, Partial<Record<QubitMapMetric, number>>> {
  const out = new Map<string, Partial<Record<QubitMapMetric, number>>>();
  raw.qubits.forEach((q, i) => {
    const oneQ = gateError(raw, native1q, [i]);
    out.set(String(i), {
      [QUBIT_MAP_METRIC.t1]: coherence(q, 'T1'),
      [QUBIT_MAP_METRIC.t2]: coherence(q, 'T2'),
      [QUBIT_MAP_METRIC.readoutError]: parameter(q, 'readout_error')?.value,
      [QUBIT_MAP_METRIC.oneQubitError]: typeof oneQ === 'number' ? oneQ : undefined,
    });
  });
  return out;
}

/** Each direction of each coupler of the native 2q gate, by its `qubits` label: its error or the sentinel. */
export function couplerDirections(raw: RawProperties, native2q: string): Map<string, number | 'sentinel'> {
  const out = new Map<string, number | 'sentinel'>();
  for (const g of raw.gates.filter((x) => x.gate === native2q && x.qubits.length === 2)) {
    const error = gateError(raw, native2q, g.qubits);
    if (error !== undefined) {
      out.set(g.qubits.join(CALIBRATION_QUBITS_SEPARATOR), error);
    }
  }
  return out;
}
