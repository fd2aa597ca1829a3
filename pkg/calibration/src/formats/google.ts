import {
  CALIBRATION_FIELD,
  CALIBRATION_INGEST_REASON,
  CALIBRATION_METHOD,
  canonicalBackendId,
} from '@hybridlens/conventions';
import type { BackendCalibration, GateCalibration, QubitCalibration, QubitId, ValueIssue } from '../model';
import { isObject, Reader, type JsonObject } from '../json';
import { gateEntry, qubitEntry, sortBackend, summarize } from '../summary';

/**
 * Cirq calibration JSON: `{cirq_type: "Calibration", metrics: {metrics: [...]}}` (cirq_google's JSON of a
 * MetricsSnapshot) or a bare MetricsSnapshot `{timestampMs?, metrics: [{name, targets, values}]}`.
 */
export function isCirqCalibration(doc: JsonObject): boolean {
  const snapshot = snapshotOf(doc);
  return (
    snapshot !== null &&
    Array.isArray(snapshot.metrics) &&
    snapshot.metrics.every((m) => isObject(m) && typeof m.name === 'string')
  );
}

function snapshotOf(doc: JsonObject): JsonObject | null {
  if (doc.cirq_type === 'Calibration' && isObject(doc.metrics)) {
    return doc.metrics;
  }
  if (Array.isArray(doc.metrics) && doc.metrics.length > 0 && isObject(doc.metrics[0]) && 'targets' in doc.metrics[0]) {
    return doc;
  }
  return null;
}

// Native two-qubit gate: Sycamore devices' own gate first, then sqrt(iSWAP); isolated XEB before parallel.
// Pauli error per the contract; the XEB average error only where a calibration has no Pauli error at all.
const TWO_QUBIT_PREFERENCE = ['pauli', 'average'].flatMap((kind) => [
  `two_qubit_sycamore_gate_xeb_${kind}_error_per_cycle`,
  `two_qubit_sqrt_iswap_gate_xeb_${kind}_error_per_cycle`,
  `two_qubit_parallel_sycamore_gate_xeb_${kind}_error_per_cycle`,
  `two_qubit_parallel_sqrt_iswap_gate_xeb_${kind}_error_per_cycle`,
]);
const ONE_QUBIT_PREFERENCE = ['single_qubit_rb_pauli_error_per_gate', 'single_qubit_rb_average_error_per_gate'];
const TWO_QUBIT_XEB = /^two_qubit_(parallel_)?(.+?)_gate_xeb_(pauli|average)_error_per_cycle$/;

/** A processor resource name or id written beside the calibration (`projects/p/processors/rainbow`), if any. */
function processorName(doc: JsonObject): string | null {
  for (const key of ['processor_id', 'processorId', 'processor', 'name']) {
    const value = doc[key];
    if (typeof value === 'string' && value.trim() !== '') {
      return value;
    }
  }
  return null;
}

function qubitOf(target: string): QubitId {
  // Grid qubits are "3_2" (older exports "q3_2"); keep the provider's row_col id.
  return target.replace(/^q/, '');
}

export function parseCirqCalibration(
  doc: JsonObject,
  source: string,
  nameHint: string,
  version: string
): BackendCalibration {
  const r = new Reader(source);
  const snapshot = snapshotOf(doc) ?? r.fail('metrics', 'expected a Cirq MetricsSnapshot');
  const base = snapshot === doc ? 'metrics' : 'metrics.metrics';
  const byName = new Map<string, Map<string, number>>();
  const issues: ValueIssue[] = [];
  r.array(snapshot.metrics, base).forEach((m, i) => {
    const f = `${base}[${i}]`;
    const o = r.object(m, f);
    const name = r.string(o.name, `${f}.name`);
    const targets = r.array(o.targets ?? [], `${f}.targets`).map((t, j) => qubitOf(r.string(t, `${f}.targets[${j}]`)));
    const values = r.array(o.values, `${f}.values`);
    if (values.length === 0) {
      return;
    }
    const v = r.object(values[0], `${f}.values[0]`);
    const raw = v.doubleVal ?? v.int32Val ?? v.int64Val;
    if (raw === undefined) {
      return; // string-valued metrics carry no numbers we use
    }
    const value = r.number(raw, `${f}.values[0]`);
    const metric = byName.get(name) ?? new Map<string, number>();
    const key = targets.join('-');
    // "q3_2" and "3_2" are the same qubit: the first entry is kept, a repeat is reported.
    if (metric.has(key)) {
      issues.push({
        reason: CALIBRATION_INGEST_REASON.duplicate,
        field: targets.length > 1 ? CALIBRATION_FIELD.coupler : CALIBRATION_FIELD.qubit,
        target: `${name} ${key}`,
        message: `${source}: ${f}: ${name} for ${key || '(no target)'} listed more than once; the first entry is kept`,
      });
    } else {
      metric.set(key, value);
    }
    byName.set(name, metric);
  });

  const get = (name: string, key: string) => byName.get(name)?.get(key) ?? null;
  const qubitKeys = new Set<string>();
  for (const [name, values] of byName) {
    if (name.startsWith('single_qubit_') || name.startsWith('parallel_p')) {
      for (const k of values.keys()) {
        qubitKeys.add(k);
      }
    }
  }
  const qubits: QubitCalibration[] = [...qubitKeys].map((k) => {
    const t1Micros = get('single_qubit_idle_t1_micros', k);
    const p00 = get('single_qubit_p00_error', k) ?? get('parallel_p00_error', k);
    const p11 = get('single_qubit_p11_error', k) ?? get('parallel_p11_error', k);
    const readout = p00 !== null && p11 !== null ? (p00 + p11) / 2 : (p00 ?? p11);
    // Cirq calibrations carry no T2.
    return qubitEntry(k, t1Micros === null ? null : t1Micros / 1e6, null, readout);
  });

  const gates: GateCalibration[] = [];
  const oneQubitMetric = ONE_QUBIT_PREFERENCE.find((n) => byName.has(n));
  for (const [k, error] of oneQubitMetric ? byName.get(oneQubitMetric)! : []) {
    gates.push(
      gateEntry({
        gate: '1q_rb',
        qubits: [k],
        error,
        durationSeconds: null,
        kind: '1q',
        native: true,
        method: CALIBRATION_METHOD.rb,
      })
    );
  }
  const kind = [...byName.keys()].some((n) => TWO_QUBIT_XEB.exec(n)?.[3] === 'pauli') ? 'pauli' : 'average';
  const xebMetrics = [...byName.keys()].filter((n) => TWO_QUBIT_XEB.exec(n)?.[3] === kind).sort();
  const nativeMetric = TWO_QUBIT_PREFERENCE.find((n) => byName.has(n)) ?? xebMetrics[0];
  // One entry per gate family: isolated XEB where measured, parallel otherwise.
  const families = new Map<string, string>();
  for (const name of xebMetrics) {
    const m = TWO_QUBIT_XEB.exec(name)!;
    if (!families.has(m[2]!) || !m[1]) {
      families.set(m[2]!, name);
    }
  }
  if (nativeMetric) {
    families.set(TWO_QUBIT_XEB.exec(nativeMetric)![2]!, nativeMetric);
  }
  for (const [gate, metric] of families) {
    for (const [k, error] of byName.get(metric) ?? []) {
      gates.push(
        gateEntry({
          gate,
          qubits: k.split('-'),
          error,
          durationSeconds: null,
          kind: '2q',
          native: metric === nativeMetric,
          method: TWO_QUBIT_XEB.exec(metric)![1] ? CALIBRATION_METHOD.parallelXeb : CALIBRATION_METHOD.xeb,
        })
      );
    }
  }

  const ts = snapshot.timestampMs ?? snapshot.timestamp_ms;
  const calibratedAt =
    ts === undefined
      ? null
      : new Date(r.number(ts, `${base === 'metrics' ? '' : 'metrics.'}timestampMs`)).toISOString();
  return sortBackend({
    provider: 'google',
    backend: canonicalBackendId(processorName(doc) ?? nameHint.replace(/_calibration$/, '')),
    calibratedAt,
    calibrationVersion: calibratedAt ?? version,
    processorFamily: null,
    vendor: 'google',
    format: 'cirq.calibration',
    source,
    qubits,
    gates,
    summary: summarize(qubits, gates),
    availability: null,
    configuration: null,
    issues,
  });
}
