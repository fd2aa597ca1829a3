import type { BackendCalibration, GateCalibration, QubitCalibration } from '../model';
import { isObject, isoTimestamp, Reader, type Json, type JsonObject } from '../json';
import { gateEntry, qubitEntry, sortBackend, summarize } from '../summary';
import { toSeconds } from '../units';

/**
 * IQM's own quality-metric set (IQM Server / Resonance, iqm-client `QualityMetricSet`):
 * `{quality_metric_set_id, calibration_set_id, ..., metrics}` where metrics is either flat, keyed by DUT
 * field (`"QB1.t1_time"`, `"characterization.model.QB1.t1_time"`, `"metrics.irb.cz.crf_crf.QB1__QB2.fidelity:par=d2"`)
 * or nested by metric then locus (`{"measure_ssro_fidelity": {"QB1": {...}}}`); each observation is
 * `{value, unit, uncertainty, timestamp}` with the value often a string.
 */
export function isIqmQualityMetrics(doc: JsonObject): boolean {
  return isObject(doc.metrics) && ('quality_metric_set_id' in doc || 'calibration_set_id' in doc);
}

const LOCUS = /^QB\d+(__QB\d+)*$/;

interface Observation {
  metric: string;
  locus: string[];
  value: number | null;
  unit: Json | undefined;
  field: string;
}

function observations(r: Reader, metrics: JsonObject): Observation[] {
  const out: Observation[] = [];
  const add = (path: string[], o: JsonObject, field: string) => {
    // ":par=d2" and similar qualifiers describe how it was measured, not what.
    const tokens = path.map((t) => t.split(':')[0]!);
    const locusIndex = tokens.findIndex((t) => LOCUS.test(t));
    if (locusIndex < 0) {
      return; // device-level entries are not per qubit or pair
    }
    const locus = tokens[locusIndex]!.split('__');
    const metric = tokens
      .filter((_, i) => i !== locusIndex)
      .join('.')
      .toLowerCase();
    out.push({ metric, locus, value: r.optionalNumber(o.value, `${field}.value`), unit: o.unit, field });
  };
  for (const [key, entry] of Object.entries(metrics)) {
    const f = `metrics.${key}`;
    const o = r.object(entry, f);
    if ('value' in o) {
      add(key.split('.'), o, f);
    } else {
      for (const [locus, inner] of Object.entries(o)) {
        add([key, locus], r.object(inner, `${f}.${locus}`), `${f}.${locus}`);
      }
    }
  }
  return out;
}

function qubitIndex(name: string): number {
  return Number(name.slice(2));
}

export function parseIqmQualityMetrics(
  doc: JsonObject,
  source: string,
  nameHint: string,
  version: string
): BackendCalibration {
  const r = new Reader(source);
  const obs = observations(r, r.object(doc.metrics, 'metrics'));
  const perQubit = new Map<string, Observation[]>();
  const perPair: Observation[] = [];
  for (const o of obs) {
    if (o.locus.length === 1) {
      perQubit.set(o.locus[0]!, [...(perQubit.get(o.locus[0]!) ?? []), o]);
    } else if (o.locus.length === 2) {
      perPair.push(o);
    }
  }
  const time = (o: Observation | undefined) =>
    o && o.value !== null ? toSeconds(o.value, o.unit || 's', source, `${o.field}.unit`) : null;
  const qubits: QubitCalibration[] = [];
  const gates: GateCalibration[] = [];
  for (const [name, list] of perQubit) {
    const find = (test: (m: string) => boolean) => list.find((o) => test(o.metric));
    const t1 = find((m) => /(^|\.)t1_time$/.test(m));
    const t2 = find((m) => /(^|\.)t2_time$/.test(m));
    const roFidelity = find((m) => (m.includes('readout') || m.includes('ssro')) && m.includes('fidelity'));
    const roErrors = list.filter((o) => /readout_error_(01|10)|ssro.*error/.test(o.metric) && o.value !== null);
    let readout: number | null = null;
    if (roFidelity && roFidelity.value !== null) {
      readout = 1 - roFidelity.value;
    } else if (roErrors.length > 0) {
      readout = roErrors.reduce((s, o) => s + o.value!, 0) / roErrors.length;
    }
    qubits.push(qubitEntry(qubitIndex(name), time(t1), time(t2), readout));
    const rb = find(
      (m) => m.includes('fidelity_1qb') || (m.includes('rb') && m.includes('prx') && m.endsWith('fidelity'))
    );
    if (rb && rb.value !== null) {
      gates.push(
        gateEntry({
          gate: 'prx',
          qubits: [qubitIndex(name)],
          error: 1 - rb.value,
          durationSeconds: null,
          kind: '1q',
          native: true,
        })
      );
    }
  }
  for (const o of perPair) {
    if (o.value === null || !o.metric.includes('fidelity')) {
      continue;
    }
    const clifford = o.metric.includes('clifford') || o.metric.includes('2qb');
    const gate = clifford ? 'two_qubit_clifford' : o.metric.includes('cz') ? 'cz' : o.metric.split('.')[0]!;
    gates.push(
      gateEntry({
        gate,
        qubits: o.locus.map(qubitIndex),
        error: 1 - o.value,
        durationSeconds: null,
        kind: '2q',
        native: gate === 'cz',
      })
    );
  }

  const stampKey = [
    'quality_metric_set_end_timestamp',
    'quality_metric_set_created_timestamp',
    'calibration_set_created_timestamp',
  ].find((k) => typeof doc[k] === 'string');
  const calibratedAt = stampKey ? isoTimestamp(r, doc[stampKey], stampKey) : null;
  const id = typeof doc.calibration_set_id === 'string' ? doc.calibration_set_id : null;
  const backend = ['quantum_computer', 'backend', 'device']
    .map((k) => doc[k])
    .find((v): v is string => typeof v === 'string');
  return sortBackend({
    provider: 'iqm',
    backend: backend ?? nameHint.replace(/^iqm_/, ''),
    calibratedAt,
    calibrationVersion: id ?? calibratedAt ?? version,
    processorFamily: null,
    vendor: 'iqm',
    format: 'iqm.quality_metric_set',
    source,
    qubits: qubits,
    gates,
    summary: summarize(qubits, gates),
    availability: null,
    configuration: null,
  });
}
