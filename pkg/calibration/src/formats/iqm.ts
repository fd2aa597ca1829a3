import { CALIBRATION_METHOD, canonicalBackendId, type CalibrationMethod } from '@hybridlens/conventions';
import type { BackendCalibration, GateCalibration, QubitCalibration, QubitValueFacts } from '../model';
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
  uncertainty: number | null;
  /** Unix seconds the observation was made, where given. */
  measuredAt: number | null;
}

/** How IQM names its benchmarks in metric keys: `irb` interleaved RB, `rb` RB. */
function methodOf(metric: string): CalibrationMethod | undefined {
  const tokens = metric.split(/[._]/);
  if (tokens.includes('irb')) {
    return CALIBRATION_METHOD.interleavedRb;
  }
  return tokens.includes('rb') ? CALIBRATION_METHOD.rb : undefined;
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
    const measuredAt =
      o.timestamp === undefined || o.timestamp === null
        ? null
        : Date.parse(isoTimestamp(r, o.timestamp, `${field}.timestamp`)) / 1000;
    out.push({
      metric,
      locus,
      value: r.optionalNumber(o.value, `${field}.value`),
      unit: o.unit,
      field,
      uncertainty: r.optionalNumber(o.uncertainty, `${field}.uncertainty`),
      measuredAt,
    });
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

/** A gate error from a fidelity observation: 1 − fidelity, with its time, uncertainty and method where given. */
function observed(o: Observation): Pick<GateCalibration, 'error' | 'measuredAt' | 'errorStderr' | 'method'> {
  const out: Pick<GateCalibration, 'error' | 'measuredAt' | 'errorStderr' | 'method'> = { error: 1 - o.value! };
  if (o.measuredAt !== null) {
    out.measuredAt = o.measuredAt;
  }
  if (o.uncertainty !== null) {
    out.errorStderr = o.uncertainty;
  }
  const method = methodOf(o.metric);
  if (method) {
    out.method = method;
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
  const timeStderr = (o: Observation | undefined) =>
    o && o.value !== null && o.uncertainty !== null
      ? toSeconds(o.uncertainty, o.unit || 's', source, `${o.field}.unit`)
      : undefined;
  const qubits: QubitCalibration[] = [];
  const gates: GateCalibration[] = [];
  for (const [name, list] of perQubit) {
    const find = (test: (m: string) => boolean) => list.find((o) => test(o.metric));
    const t1 = find((m) => /(^|\.)t1_time$/.test(m));
    const t2 = find((m) => /(^|\.)t2_time$/.test(m));
    const roFidelity = find((m) => (m.includes('readout') || m.includes('ssro')) && m.includes('fidelity'));
    const roErrors = list.filter((o) => /readout_error_(01|10)|ssro.*error/.test(o.metric) && o.value !== null);
    let readout: number | null = null;
    let readoutObs: Observation | undefined;
    if (roFidelity && roFidelity.value !== null) {
      readout = 1 - roFidelity.value;
      readoutObs = roFidelity;
    } else if (roErrors.length > 0) {
      readout = roErrors.reduce((s, o) => s + o.value!, 0) / roErrors.length;
      readoutObs = roErrors[0];
    }
    const entry = qubitEntry(qubitIndex(name), time(t1), time(t2), readout);
    const measuredAt: QubitValueFacts = {};
    const stderr: QubitValueFacts = {};
    const note = (
      key: keyof QubitValueFacts,
      o: Observation | undefined,
      present: boolean,
      err: number | undefined
    ) => {
      if (present && o?.measuredAt != null) {
        measuredAt[key] = o.measuredAt;
      }
      if (present && err !== undefined) {
        stderr[key] = err;
      }
    };
    note('t1', t1, entry.t1Seconds !== null, timeStderr(t1));
    note('t2', t2, entry.t2Seconds !== null, timeStderr(t2));
    note('readoutError', readoutObs, readout !== null, roFidelity?.uncertainty ?? undefined);
    qubits.push({
      ...entry,
      ...(Object.keys(measuredAt).length > 0 ? { measuredAt } : {}),
      ...(Object.keys(stderr).length > 0 ? { stderr } : {}),
    });
    const rb = find(
      (m) => m.includes('fidelity_1qb') || (m.includes('rb') && m.includes('prx') && m.endsWith('fidelity'))
    );
    if (rb && rb.value !== null) {
      gates.push(
        gateEntry({
          gate: 'prx',
          qubits: [qubitIndex(name)],
          ...observed(rb),
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
        ...observed(o),
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
    backend: canonicalBackendId(backend ?? nameHint.replace(/^iqm_/, '')),
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
