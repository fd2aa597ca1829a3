import type { BackendCalibration, GateCalibration, QubitCalibration, QubitFlag } from '../model';
import { isObject, isoTimestamp, Reader, type Json, type JsonObject } from '../json';
import { gateEntry, qubitEntry, sortBackend, summarize } from '../summary';
import { toSeconds } from '../units';

/** IBM BackendProperties: backend_name + qubits (lists of named parameters) + gates. */
export function isIbmProperties(doc: JsonObject): boolean {
  return typeof doc.backend_name === 'string' && Array.isArray(doc.qubits) && Array.isArray(doc.gates);
}

/** IBM BackendConfiguration: backend_name + n_qubits + basis_gates. */
export function isIbmConfiguration(doc: JsonObject): boolean {
  return typeof doc.backend_name === 'string' && typeof doc.n_qubits === 'number' && Array.isArray(doc.basis_gates);
}

// The native single-qubit gate is sx (u2, then x, on devices from before sx); the two-qubit one is
// whichever of these the device uses.
const NATIVE_1Q_PREFERENCE = ['sx', 'u2', 'x'];
const NATIVE_2Q_PREFERENCE = ['ecr', 'cz', 'cx'];

interface Param {
  name: string;
  value: number | null;
  unit: unknown;
  field: string;
}

function params(r: Reader, list: Json, field: string): Param[] {
  return r.array(list, field).map((p, i) => {
    const f = `${field}[${i}]`;
    const o = r.object(p, f);
    const name = r.string(o.name, `${f}.name`);
    return { name, value: r.optionalNumber(o.value, `${f}.value`), unit: o.unit, field: f };
  });
}

function timeParam(r: Reader, p: Param | undefined): number | null {
  if (!p || p.value === null) {
    return null;
  }
  return toSeconds(p.value, p.unit, r.source, `${p.field}.unit`);
}

export function parseIbmProperties(doc: JsonObject, source: string): BackendCalibration {
  const r = new Reader(source);
  const backend = r.string(doc.backend_name, 'backend_name');
  const qubits: QubitCalibration[] = r.array(doc.qubits, 'qubits').map((q, index) => {
    const ps = params(r, q, `qubits[${index}]`);
    const get = (name: string) => ps.find((p) => p.name === name);
    let readout = get('readout_error')?.value ?? null;
    if (readout === null) {
      const m01 = get('prob_meas1_prep0')?.value ?? null;
      const m10 = get('prob_meas0_prep1')?.value ?? null;
      readout = m01 !== null && m10 !== null ? (m01 + m10) / 2 : null;
    }
    const extra: QubitFlag[] = get('operational')?.value === 0 ? ['not_operational'] : [];
    return qubitEntry(index, timeParam(r, get('T1')), timeParam(r, get('T2')), readout, extra);
  });

  const raw = r.array(doc.gates, 'gates').map((g, i) => {
    const f = `gates[${i}]`;
    const o = r.object(g, f);
    const gate = r.string(o.gate, `${f}.gate`);
    const qs = r.array(o.qubits, `${f}.qubits`).map((q, j) => r.number(q, `${f}.qubits[${j}]`));
    const ps = params(r, o.parameters ?? [], `${f}.parameters`);
    return { gate, qubits: qs, ps };
  });
  const present = new Set(raw.map((g) => g.gate));
  const native1q = NATIVE_1Q_PREFERENCE.find((g) => present.has(g));
  const native2q = NATIVE_2Q_PREFERENCE.find((g) => present.has(g));
  const gates: GateCalibration[] = raw.map(({ gate, qubits: qs, ps }) => {
    const errorParam = ps.find((p) => p.name === 'gate_error');
    const duration = timeParam(
      r,
      ps.find((p) => p.name === 'gate_length')
    );
    const error = errorParam?.value ?? null;
    const kind = qs.length === 1 ? '1q' : qs.length === 2 ? '2q' : 'other';
    // rz is a virtual (frame-change) gate: IBM reports error 0 and length 0, which are true, not missing.
    const flags: GateCalibration['flags'] = error === 0 && duration === 0 ? ['virtual'] : [];
    if (ps.find((p) => p.name === 'operational')?.value === 0) {
      flags.push('not_operational');
    }
    return gateEntry({
      gate,
      qubits: qs,
      error,
      durationSeconds: duration,
      flags,
      kind: gate === 'reset' || gate === 'measure' ? 'other' : kind,
      native: (kind === '1q' && gate === native1q) || (kind === '2q' && gate === native2q),
    });
  });

  const calibratedAt =
    doc.last_update_date !== undefined ? isoTimestamp(r, doc.last_update_date, 'last_update_date') : null;
  return sortBackend({
    provider: 'ibm',
    backend,
    calibratedAt,
    calibrationVersion:
      calibratedAt ?? `${backend}@${typeof doc.backend_version === 'string' ? doc.backend_version : 'unknown'}`,
    processorFamily: null,
    vendor: 'ibm',
    format: 'ibm.backend_properties',
    source,
    qubits,
    gates,
    summary: summarize(qubits, gates),
    availability: null,
    configuration: null,
  });
}

export interface IbmConfiguration {
  backend: string;
  qubitCount: number;
  basisGates: string[];
  couplingMap: number[][] | null;
  processorFamily: string | null;
}

export function parseIbmConfiguration(doc: JsonObject, source: string): IbmConfiguration {
  const r = new Reader(source);
  const backend = r.string(doc.backend_name, 'backend_name');
  const qubitCount = r.number(doc.n_qubits, 'n_qubits');
  const basisGates = r.array(doc.basis_gates, 'basis_gates').map((g, i) => r.string(g, `basis_gates[${i}]`));
  const couplingMap =
    doc.coupling_map === undefined || doc.coupling_map === null
      ? null
      : r
          .array(doc.coupling_map, 'coupling_map')
          .map((pair, i) => r.array(pair, `coupling_map[${i}]`).map((q, j) => r.number(q, `coupling_map[${i}][${j}]`)));
  let processorFamily: string | null = null;
  if (isObject(doc.processor_type) && typeof doc.processor_type.family === 'string') {
    processorFamily = doc.processor_type.family;
  }
  return { backend, qubitCount, basisGates, couplingMap, processorFamily };
}

/** A configuration alone: the backend is known, its calibration is not. */
export function configurationOnly(conf: IbmConfiguration, version: string, source: string): BackendCalibration {
  return {
    provider: 'ibm',
    backend: conf.backend,
    calibratedAt: null,
    calibrationVersion: version,
    processorFamily: conf.processorFamily,
    vendor: 'ibm',
    format: 'ibm.backend_configuration',
    source,
    qubits: [],
    gates: [],
    summary: summarize([], [], { qubitCount: conf.qubitCount }),
    availability: null,
    configuration: { basisGates: conf.basisGates, couplingMap: conf.couplingMap },
  };
}

/** Properties + configuration of one backend: the configuration decides which 2q gate is native. */
export function mergeIbm(props: BackendCalibration, conf: IbmConfiguration): BackendCalibration {
  const basis = new Set(conf.basisGates);
  const native2q = NATIVE_2Q_PREFERENCE.find((g) => basis.has(g));
  const gates = native2q
    ? props.gates.map((g) => (g.kind === '2q' ? { ...g, native: g.gate === native2q } : g))
    : props.gates;
  return {
    ...props,
    processorFamily: conf.processorFamily,
    gates,
    summary: summarize(props.qubits, gates),
    configuration: { basisGates: conf.basisGates, couplingMap: conf.couplingMap },
  };
}
