import { CALIBRATION_METHOD, canonicalBackendId, type CalibrationMethod } from '@hybridlens/conventions';
import type {
  BackendCalibration,
  Connectivity,
  GateCalibration,
  QubitCalibration,
  QubitId,
  QubitValueFacts,
} from '../model';
import { isObject, isoTimestamp, Reader, type Json, type JsonObject } from '../json';
import { gateEntry, qubitEntry, sortBackend, summarize, zeroAsMissing, type DeviceLevelValues } from '../summary';
import { toSeconds } from '../units';

/** A Braket device-capabilities document (what GetDevice returns in deviceCapabilities). */
export function isBraketCapabilities(doc: JsonObject): boolean {
  return (
    isObject(doc.braketSchemaHeader) &&
    typeof doc.braketSchemaHeader.name === 'string' &&
    doc.braketSchemaHeader.name.startsWith('braket.device_schema.')
  );
}

/** A GetDevice response (recorded from the API or the SDK): device name + capabilities JSON string. */
export function isBraketGetDevice(doc: JsonObject): boolean {
  return (
    typeof doc.deviceArn === 'string' &&
    (typeof doc.deviceCapabilities === 'string' || isObject(doc.deviceCapabilities))
  );
}

const ONE_QUBIT_RB_PREFERENCE = ['SIMULTANEOUS_RANDOMIZED_BENCHMARKING', 'RANDOMIZED_BENCHMARKING'];
const TWO_QUBIT_TYPE_PREFERENCE = [
  'SIMULTANEOUS_INTERLEAVED_RANDOMIZED_BENCHMARKING',
  'INTERLEAVED_RANDOMIZED_BENCHMARKING',
  'RANDOMIZED_BENCHMARKING',
];
/** Gate name used for the RB-derived average single-qubit error (Braket reports no gate name for it). */
export const RB_1Q_GATE = '1q_rb';

interface Fidelity {
  type: string;
  value: number;
  /** Standard error of the fidelity (= of the error), where published. */
  stderr: number | null;
}

/** Braket fidelity types → the contract's measurement methods. */
const METHOD_OF_TYPE: Record<string, CalibrationMethod> = {
  RANDOMIZED_BENCHMARKING: CALIBRATION_METHOD.rb,
  SIMULTANEOUS_RANDOMIZED_BENCHMARKING: CALIBRATION_METHOD.simultaneousRb,
  INTERLEAVED_RANDOMIZED_BENCHMARKING: CALIBRATION_METHOD.interleavedRb,
  SIMULTANEOUS_INTERLEAVED_RANDOMIZED_BENCHMARKING: CALIBRATION_METHOD.simultaneousInterleavedRb,
};

function fidelities(r: Reader, list: Json | undefined, field: string): Fidelity[] {
  if (list === undefined || list === null) {
    return [];
  }
  return r.array(list, field).map((f, i) => {
    const o = r.object(f, `${field}[${i}]`);
    const type =
      isObject(o.fidelityType) && typeof o.fidelityType.name === 'string' ? o.fidelityType.name.toUpperCase() : '';
    return {
      type,
      value: r.number(o.fidelity, `${field}[${i}].fidelity`),
      stderr: r.optionalNumber(o.standardError, `${field}[${i}].standardError`),
    };
  });
}

/** A gate from a fidelity: error = 1 − fidelity, with its standard error and method where given. */
function fromFidelity(f: Fidelity): Pick<GateCalibration, 'error' | 'errorStderr' | 'method'> {
  const out: Pick<GateCalibration, 'error' | 'errorStderr' | 'method'> = { error: 1 - f.value };
  if (f.stderr !== null) {
    out.errorStderr = f.stderr;
  }
  const method = METHOD_OF_TYPE[f.type];
  if (method) {
    out.method = method;
  }
  return out;
}

function pick(list: Fidelity[], preference: string[]): Fidelity | undefined {
  for (const type of preference) {
    const found = list.find((f) => f.type === type);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** Readout error: 1 − READOUT fidelity; IQM's READOUT_ERROR_* entries carry ERRORS in their `fidelity` field. */
function readoutError(list: Fidelity[]): { value: number; stderr: number | null } | null {
  const readout = list.find((f) => f.type === 'READOUT');
  if (readout) {
    return { value: 1 - readout.value, stderr: readout.stderr };
  }
  const errors = list.filter((f) => f.type.startsWith('READOUT_ERROR'));
  if (errors.length > 0) {
    return { value: errors.reduce((s, f) => s + f.value, 0) / errors.length, stderr: null };
  }
  const other = list.find((f) => f.type.includes('READOUT') || f.type === 'RANDOMIZED_BENCHMARKING' || f.type === '');
  return other ? { value: 1 - other.value, stderr: other.stderr } : null;
}

interface Timed {
  seconds: number;
  stderrSeconds: number | null;
}

function timed(r: Reader, value: Json | undefined, field: string): Timed | null {
  if (value === undefined || value === null) {
    return null;
  }
  const o = r.object(value, field);
  const v = r.optionalNumber(o.value, `${field}.value`);
  if (v === null) {
    return null;
  }
  const unit = o.unit ?? 's';
  const stderr = r.optionalNumber(o.standardError, `${field}.standardError`);
  return {
    seconds: toSeconds(v, unit, r.source, `${field}.unit`),
    // A value reported as 0 (not measured) has a meaningless standard error.
    stderrSeconds: stderr === null || v === 0 ? null : toSeconds(stderr, unit, r.source, `${field}.unit`),
  };
}

function duration(r: Reader, value: Json | undefined, field: string): number | null {
  return timed(r, value, field)?.seconds ?? null;
}

function qubitId(key: string): QubitId {
  return /^\d+$/.test(key.trim()) ? Number(key) : key;
}

/** The coupling map: paradigm.connectivity (a graph of string ids, or fullyConnected). */
function connectivityOf(paradigm: JsonObject): Connectivity | null {
  const connectivity = isObject(paradigm.connectivity) ? paradigm.connectivity : null;
  if (!connectivity) {
    return null;
  }
  const graph = isObject(connectivity.connectivityGraph) ? connectivity.connectivityGraph : {};
  const edges: Array<[QubitId, QubitId]> = [];
  const qubits = new Set<QubitId>();
  for (const [from, list] of Object.entries(graph)) {
    qubits.add(qubitId(from));
    for (const to of Array.isArray(list) ? list : []) {
      if (typeof to === 'string' || typeof to === 'number') {
        qubits.add(qubitId(String(to)));
        edges.push([qubitId(from), qubitId(String(to))]);
      }
    }
  }
  return { edges, qubits: [...qubits], fullyConnected: connectivity.fullyConnected === true };
}

/** Case-insensitive key lookup: v3 documents spell device-level keys both ways (readoutFidelity / ReadoutFidelity). */
function field(o: JsonObject, name: string): [Json | undefined, string] {
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return [key === undefined ? undefined : o[key], key ?? name];
}

function vendorOf(doc: JsonObject): string | null {
  const header = isObject(doc.braketSchemaHeader) ? doc.braketSchemaHeader.name : undefined;
  const m =
    typeof header === 'string' ? /^braket\.device_schema\.([a-z0-9_]+)\.\1_device_capabilities$/.exec(header) : null;
  return m ? m[1]! : null;
}

export interface BraketNames {
  /** deviceName from GetDevice, when known. */
  deviceName?: string;
  /** File name stem without its date, used when nothing inside names the device. */
  nameHint: string;
}

export function parseBraketGetDevice(doc: JsonObject, source: string, version: string): BackendCalibration {
  const r = new Reader(source);
  // The canonical id is the ARN's last segment (Forte-Enterprise-1), not the display name (Forte Enterprise).
  const name = canonicalBackendId(r.string(doc.deviceArn, 'deviceArn'));
  let caps: Json = doc.deviceCapabilities ?? null;
  if (typeof caps === 'string') {
    try {
      caps = JSON.parse(caps) as Json;
    } catch (e) {
      r.fail('deviceCapabilities', `not JSON: ${(e as Error).message}`);
    }
  }
  const backend = parseBraketCapabilities(
    r.object(caps, 'deviceCapabilities'),
    source,
    { deviceName: name, nameHint: name },
    version,
    'deviceCapabilities.'
  );
  if (typeof doc.deviceStatus === 'string') {
    // Braket device status: ONLINE, OFFLINE or RETIRED.
    backend.availability = {
      status: doc.deviceStatus,
      available: doc.deviceStatus === 'ONLINE',
      averageQueueSeconds: null,
    };
  }
  return backend;
}

export function parseBraketCapabilities(
  doc: JsonObject,
  source: string,
  names: BraketNames,
  version: string,
  prefix = ''
): BackendCalibration {
  const r = new Reader(source);
  const p = (f: string) => prefix + f;
  const vendor = vendorOf(doc);
  const provider = isObject(doc.provider) ? doc.provider : {};
  // Older IonQ capabilities have no standardized block: their provider block has the device-level values.
  const ionqOnly = doc.standardized === undefined && (isObject(provider.fidelity) || isObject(provider.timing));
  const standardized = ionqOnly ? {} : r.object(doc.standardized, p('standardized'));
  const header = ionqOnly ? {} : r.object(standardized.braketSchemaHeader, p('standardized.braketSchemaHeader'));
  const schemaVersion = ionqOnly ? null : r.string(header.version, p('standardized.braketSchemaHeader.version'));
  const paradigm = isObject(doc.paradigm) ? doc.paradigm : {};
  const nativeGates = new Set(
    Array.isArray(paradigm.nativeGateSet)
      ? paradigm.nativeGateSet.filter((g): g is string => typeof g === 'string').map((g) => g.toLowerCase())
      : []
  );

  const qubits: QubitCalibration[] = [];
  const gates: GateCalibration[] = [];
  const oneQ =
    standardized.oneQubitProperties === undefined
      ? {}
      : r.object(standardized.oneQubitProperties, p('standardized.oneQubitProperties'));
  for (const [key, value] of Object.entries(oneQ)) {
    const f = p(`standardized.oneQubitProperties.${key}`);
    const o = r.object(value, f);
    const fids = fidelities(r, o.oneQubitFidelity, `${f}.oneQubitFidelity`);
    const hasQubitData = o.T1 !== undefined || o.T2 !== undefined || fids.some((x) => x.type.startsWith('READOUT'));
    if (hasQubitData) {
      const t1 = timed(r, o.T1, `${f}.T1`);
      const t2 = timed(r, o.T2, `${f}.T2`);
      const readout = readoutError(fids);
      const entry = qubitEntry(qubitId(key), t1?.seconds ?? null, t2?.seconds ?? null, readout?.value ?? null);
      const stderr: QubitValueFacts = {};
      if (t1?.stderrSeconds != null && entry.t1Seconds !== null) {
        stderr.t1 = t1.stderrSeconds;
      }
      if (t2?.stderrSeconds != null && entry.t2Seconds !== null) {
        stderr.t2 = t2.stderrSeconds;
      }
      if (readout?.stderr != null) {
        stderr.readoutError = readout.stderr;
      }
      qubits.push(Object.keys(stderr).length > 0 ? { ...entry, stderr } : entry);
    }
    const rb = pick(fids, ONE_QUBIT_RB_PREFERENCE);
    if (rb) {
      gates.push(
        gateEntry({
          gate: RB_1Q_GATE,
          qubits: [qubitId(key)],
          ...fromFidelity(rb),
          durationSeconds: null,
          kind: '1q',
          native: true,
        })
      );
    }
  }

  const twoQ =
    standardized.twoQubitProperties === undefined
      ? {}
      : r.object(standardized.twoQubitProperties, p('standardized.twoQubitProperties'));
  const pairGates: Array<{ name: string; qubits: QubitId[]; fidelity: Fidelity; type: string }> = [];
  for (const [key, value] of Object.entries(twoQ)) {
    const f = p(`standardized.twoQubitProperties.${key}`);
    const o = r.object(value, f);
    const list = r.array(o.twoQubitGateFidelity, `${f}.twoQubitGateFidelity`);
    const pair = key.split('-').map(qubitId);
    if (pair.length !== 2) {
      r.fail(f, `expected a qubit pair key like "0-1", got ${JSON.stringify(key)}`);
    }
    list.forEach((g, i) => {
      const gf = `${f}.twoQubitGateFidelity[${i}]`;
      const go = r.object(g, gf);
      const name = r.string(go.gateName, `${gf}.gateName`).toLowerCase();
      const type =
        isObject(go.fidelityType) && typeof go.fidelityType.name === 'string' ? go.fidelityType.name.toUpperCase() : '';
      const dir = isObject(go.direction) ? go.direction : null;
      const qs =
        dir && typeof dir.control === 'number' && typeof dir.target === 'number' ? [dir.control, dir.target] : pair;
      const fidelity: Fidelity = {
        type,
        value: r.number(go.fidelity, `${gf}.fidelity`),
        stderr: r.optionalNumber(go.standardError, `${gf}.standardError`),
      };
      pairGates.push({ name, qubits: qs, fidelity, type });
    });
  }
  // One entry per (gate, qubits): the best-ranked benchmark type wins.
  const rank = (t: string) =>
    (TWO_QUBIT_TYPE_PREFERENCE.indexOf(t) + TWO_QUBIT_TYPE_PREFERENCE.length + 1) %
    (TWO_QUBIT_TYPE_PREFERENCE.length + 1);
  const chosen = new Map<string, (typeof pairGates)[number]>();
  for (const g of pairGates) {
    const k = `${g.name}|${g.qubits.join('-')}`;
    const prev = chosen.get(k);
    if (!prev || rank(g.type) < rank(prev.type)) {
      chosen.set(k, g);
    }
  }
  const anyNativeListed = [...chosen.values()].some((g) => nativeGates.has(g.name));
  for (const g of chosen.values()) {
    // Without a native gate set, any measured 2q gate except the composite Clifford average counts as native.
    const native = anyNativeListed ? nativeGates.has(g.name) : g.name !== 'two_qubit_clifford';
    gates.push(
      gateEntry({
        gate: g.name,
        qubits: g.qubits,
        ...fromFidelity(g.fidelity),
        durationSeconds: null,
        kind: '2q',
        native,
      })
    );
  }

  const device = deviceLevel(r, standardized, provider, p);
  if (typeof paradigm.qubitCount === 'number') {
    device.qubitCount = paradigm.qubitCount;
  }
  fillFromIqmProvider(qubits, provider);

  const service = isObject(doc.service) ? doc.service : {};
  const stamp = standardized.updatedAt ?? service.updatedAt;
  const calibratedAt =
    typeof stamp === 'string'
      ? isoTimestamp(
          r,
          stamp,
          standardized.updatedAt !== undefined ? p('standardized.updatedAt') : p('service.updatedAt')
        )
      : null;
  const specs = isObject(provider.specs) ? provider.specs : {};
  // The provider's own device id, case kept: the GetDevice ARN, a deviceArn written beside the capabilities,
  // Rigetti's specs.name, and only then the file name (without vendor prefix and date).
  const arn = typeof doc.deviceArn === 'string' ? doc.deviceArn : undefined;
  let backend = canonicalBackendId(
    names.deviceName ?? arn ?? (typeof specs.name === 'string' ? specs.name : names.nameHint)
  );
  if (!names.deviceName && !arn && vendor && backend.toLowerCase().startsWith(vendor + '_')) {
    backend = backend.slice(vendor.length + 1);
  }
  return sortBackend({
    provider: 'braket',
    backend,
    calibratedAt,
    calibrationVersion: calibratedAt ?? version,
    processorFamily: null,
    vendor,
    format: schemaVersion === null ? 'braket.provider' : `braket.standardized.v${schemaVersion}`,
    source,
    qubits,
    gates,
    summary: summarize(qubits, gates, device),
    availability: null,
    configuration: null,
    connectivity: connectivityOf(paradigm),
    deviceLevel: device,
  });
}

/** Device-level values: standardized v3 (IonQ) and the IonQ provider block, which also has the 1q fidelity. */
function deviceLevel(
  r: Reader,
  standardized: JsonObject,
  provider: JsonObject,
  p: (f: string) => string
): DeviceLevelValues {
  const values: DeviceLevelValues = {};
  const [t1, t1Key] = field(standardized, 'T1');
  const [t2, t2Key] = field(standardized, 'T2');
  values.t1Seconds = duration(r, t1, p(`standardized.${t1Key}`));
  values.t2Seconds = duration(r, t2, p(`standardized.${t2Key}`));
  const [ro, roKey] = field(standardized, 'readoutFidelity');
  const readout = fidelities(r, ro, p(`standardized.${roKey}`));
  if (readout.length > 0) {
    values.readoutError = 1 - readout[0]!.value;
  }
  const [g2, g2Key] = field(standardized, 'twoQubitGateFidelity');
  const two = fidelities(r, g2, p(`standardized.${g2Key}`));
  if (two.length > 0) {
    values.error2q = 1 - two[0]!.value;
  }
  for (const name of ['oneQubitGateFidelity', 'singleQubitGateFidelity', 'singleQubitFidelity']) {
    const [g1, g1Key] = field(standardized, name);
    const one = fidelities(r, g1, p(`standardized.${g1Key}`));
    if (one.length > 0) {
      values.error1q = 1 - one[0]!.value;
      break;
    }
  }
  // IonQ's provider block: fidelity {1Q, 2Q, spam} means, timing {T1, T2} in seconds.
  const fidelity = isObject(provider.fidelity) ? provider.fidelity : null;
  const mean = (k: string) => {
    const entry = fidelity && isObject(fidelity[k]) ? fidelity[k] : null;
    return entry ? r.optionalNumber(entry.mean, p(`provider.fidelity.${k}.mean`)) : null;
  };
  const f1 = mean('1Q');
  const f2 = mean('2Q');
  const spam = mean('spam');
  values.error1q ??= f1 === null ? null : 1 - f1;
  values.error2q ??= f2 === null ? null : 1 - f2;
  values.readoutError ??= spam === null ? null : 1 - spam;
  const timing = isObject(provider.timing) ? provider.timing : null;
  if (timing) {
    values.t1Seconds ??= zeroAsMissing(r.optionalNumber(timing.T1, p('provider.timing.T1')));
    values.t2Seconds ??= zeroAsMissing(r.optionalNumber(timing.T2, p('provider.timing.T2')));
  }
  return values;
}

/** IQM's provider block repeats T1/T2 per qubit; use it where the standardized block has no value. */
function fillFromIqmProvider(qubits: QubitCalibration[], provider: JsonObject): void {
  const props = isObject(provider.properties) ? provider.properties : null;
  const oneQubit = props && isObject(props.one_qubit) ? props.one_qubit : null;
  if (!oneQubit) {
    return;
  }
  for (const q of qubits) {
    const entry = oneQubit[String(q.qubit)];
    if (!isObject(entry)) {
      continue;
    }
    const fill = (key: 'T1' | 'T2', flag: 'missing_t1' | 'missing_t2', prop: 't1Seconds' | 't2Seconds') => {
      const v = entry[key];
      if (q[prop] === null && typeof v === 'number' && v > 0) {
        q[prop] = v; // the IQM provider block is in seconds
        q.flags = q.flags.filter((f) => f !== flag);
      }
    };
    fill('T1', 'missing_t1', 't1Seconds');
    fill('T2', 'missing_t2', 't2Seconds');
  }
}
