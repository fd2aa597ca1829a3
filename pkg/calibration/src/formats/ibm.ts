import { CALIBRATION_FIELD, CALIBRATION_INGEST_REASON, canonicalBackendId } from '@hybridlens/conventions';
import type {
  BackendCalibration,
  GateCalibration,
  QubitCalibration,
  QubitFlag,
  QubitId,
  QubitValueFacts,
  ValueIssue,
} from '../model';
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
  /** Unix seconds: IBM dates every parameter with the time it was measured. */
  measuredAt: number | null;
}

/** Parsed parameter dates of one document: a calibration repeats the same few hundred dates thousands of times. */
type DateCache = Map<string, number>;

function params(r: Reader, list: Json, field: string, dateCache: DateCache): Param[] {
  return r.array(list, field).map((p, i) => {
    const f = `${field}[${i}]`;
    const o = r.object(p, f);
    const name = r.string(o.name, `${f}.name`);
    let measuredAt: number | null = null;
    if (o.date !== undefined && o.date !== null) {
      const key = typeof o.date === 'string' ? o.date : JSON.stringify(o.date);
      measuredAt = dateCache.get(key) ?? Date.parse(isoTimestamp(r, o.date, `${f}.date`)) / 1000;
      dateCache.set(key, measuredAt);
    }
    return { name, value: r.optionalNumber(o.value, `${f}.value`), unit: o.unit, field: f, measuredAt };
  });
}

function dates(entries: Array<[keyof QubitValueFacts, Param | undefined]>): QubitValueFacts | undefined {
  const out: QubitValueFacts = {};
  for (const [key, p] of entries) {
    if (p && p.value !== null && p.measuredAt !== null) {
      out[key] = p.measuredAt;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A qubit entry that repeats an earlier one parameter for parameter (names, values, units and dates) and that no
 * gate acts on is a copy, not a qubit: IBM numbers qubits by position, so a copied entry shows up as an extra
 * qubit (a 5-qubit device exported as 6), and every real qubit has gates listed. The copy is dropped.
 */
function copySignature(raw: Json): string | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    return null;
  }
  const measured = raw.some((p) => isObject(p) && typeof p.value === 'number' && typeof p.date === 'string');
  return measured ? JSON.stringify(raw) : null;
}

function timeParam(r: Reader, p: Param | undefined): number | null {
  if (!p || p.value === null) {
    return null;
  }
  return toSeconds(p.value, p.unit, r.source, `${p.field}.unit`);
}

export function parseIbmProperties(doc: JsonObject, source: string): BackendCalibration {
  const r = new Reader(source);
  const backend = canonicalBackendId(r.string(doc.backend_name, 'backend_name'));
  const issues: ValueIssue[] = [];
  const dateCache: DateCache = new Map();
  const raw = r.array(doc.gates, 'gates').map((g, i) => {
    const f = `gates[${i}]`;
    const o = r.object(g, f);
    const gate = r.string(o.gate, `${f}.gate`);
    const qs = r.array(o.qubits, `${f}.qubits`).map((q, j) => r.number(q, `${f}.qubits[${j}]`));
    const ps = params(r, o.parameters ?? [], `${f}.parameters`, dateCache);
    return { gate, qubits: qs as QubitId[], ps };
  });
  // Qubits some gate acts on: a real qubit always has gates listed (a broken one with error 1).
  const gated = new Set(raw.flatMap((g) => g.qubits.map(String)));
  const qubitList = r.array(doc.qubits, 'qubits');
  const isGated = (index: number) => raw.length === 0 || gated.has(String(index));
  // Only an entry no gate acts on can be a copy: the usual document skips the comparison altogether.
  const signatures = qubitList.some((_, index) => !isGated(index)) ? qubitList.map(copySignature) : null;
  const qubits: QubitCalibration[] = [];
  qubitList.forEach((q, index) => {
    const ps = params(r, q, `qubits[${index}]`, dateCache);
    const signature = signatures && !isGated(index) ? signatures[index] : null;
    const original = signature ? signatures!.findIndex((other, j) => j < index && other === signature) : -1;
    if (original >= 0) {
      issues.push({
        reason: CALIBRATION_INGEST_REASON.duplicate,
        field: CALIBRATION_FIELD.qubit,
        target: `qubit ${index}`,
        message: `${source}: qubit ${index}: qubit: repeats qubit ${original} parameter for parameter; the copy is dropped`,
      });
      return;
    }
    const get = (name: string) => ps.find((p) => p.name === name);
    let readoutParam = get('readout_error');
    let readout = readoutParam?.value ?? null;
    if (readout === null) {
      const m01 = get('prob_meas1_prep0');
      const m10 = get('prob_meas0_prep1');
      readout = m01?.value != null && m10?.value != null ? (m01.value + m10.value) / 2 : null;
      readoutParam = readout === null ? undefined : m01;
    }
    const extra: QubitFlag[] = get('operational')?.value === 0 ? ['not_operational'] : [];
    const entry = qubitEntry(index, timeParam(r, get('T1')), timeParam(r, get('T2')), readout, extra);
    const measuredAt = dates([
      ['t1', get('T1')],
      ['t2', get('T2')],
      ['readoutError', readoutParam],
    ]);
    qubits.push(measuredAt ? { ...entry, measuredAt } : entry);
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
    const entry = gateEntry({
      gate,
      qubits: qs,
      error,
      durationSeconds: duration,
      flags,
      kind: gate === 'reset' || gate === 'measure' ? 'other' : kind,
      native: (kind === '1q' && gate === native1q) || (kind === '2q' && gate === native2q),
    });
    return errorParam?.measuredAt != null && errorParam.value !== null
      ? { ...entry, measuredAt: errorParam.measuredAt }
      : entry;
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
    backendVersion: typeof doc.backend_version === 'string' ? doc.backend_version : null,
    issues,
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
  const backend = canonicalBackendId(r.string(doc.backend_name, 'backend_name'));
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
    connectivity: connectivityOf(conf),
    deviceLevel: { qubitCount: conf.qubitCount },
  };
}

function connectivityOf(conf: IbmConfiguration): BackendCalibration['connectivity'] {
  if (!conf.couplingMap) {
    return null;
  }
  const edges = conf.couplingMap
    .filter((pair) => pair.length === 2)
    .map((pair) => [pair[0]!, pair[1]!] as [number, number]);
  const qubits = Number.isInteger(conf.qubitCount) ? Array.from({ length: conf.qubitCount }, (_, i) => i) : [];
  return { edges, qubits, fullyConnected: false };
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
    connectivity: connectivityOf(conf),
  };
}
