import { CALIBRATION_METRIC, LABEL, calibrationQubitsLabel, type MetricDef } from '@hybridlens/conventions';
import type { BackendCalibration } from './model';

type Labels = Record<string, string>;
interface Sample {
  labels: Labels;
  value: number;
  /** Unix seconds; only for backfill (OpenMetrics). */
  timestamp?: number;
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

function num(value: number): string {
  return String(value);
}

/** Every gauge sample of one backend, keyed by metric; null values produce no sample. */
export function backendSamples(b: BackendCalibration): Map<MetricDef, Sample[]> {
  const out = new Map<MetricDef, Sample[]>();
  const seen = new Set<string>();
  const push = (def: MetricDef, labels: Labels, value: number | null) => {
    if (value === null || !Number.isFinite(value)) {
      return;
    }
    // A source listing the same gate twice must not produce a duplicate series: Prometheus would reject the scrape.
    const key = def.name + labelText(labels);
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
  for (const q of b.qubits) {
    const labels = { ...base, [LABEL.qubit]: String(q.qubit) };
    push(M.qubitT1, labels, q.t1Seconds);
    push(M.qubitT2, labels, q.t2Seconds);
    push(M.qubitReadoutError, labels, q.readoutError);
  }
  for (const g of b.gates) {
    const labels = { ...base, [LABEL.gate]: g.gate, [LABEL.qubits]: calibrationQubitsLabel(g.qubits) };
    push(M.gateError, labels, g.error);
    push(M.gateDuration, labels, g.durationSeconds);
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
  }
  if (b.availability) {
    push(M.targetAvailable, base, b.availability.available ? 1 : 0);
    push(M.targetQueueTime, base, b.availability.averageQueueSeconds);
  }
  return out;
}

const GAUGES = Object.values(CALIBRATION_METRIC).filter((d) => d.type === 'gauge');

/** Prometheus text exposition (format 0.0.4) of the backends plus the ingest-error counter. */
export function renderExposition(backends: BackendCalibration[], ingestErrors: ReadonlyMap<string, number>): string {
  const perBackend = backends.map(backendSamples);
  const lines: string[] = [];
  for (const def of GAUGES) {
    const samples = perBackend.flatMap((m) => m.get(def) ?? []);
    if (samples.length === 0) {
      continue;
    }
    lines.push(`# HELP ${def.name} ${def.help}`, `# TYPE ${def.name} gauge`);
    for (const s of samples) {
      lines.push(`${def.name}${labelText(s.labels)} ${num(s.value)}`);
    }
  }
  const counter = CALIBRATION_METRIC.ingestErrors;
  lines.push(`# HELP ${counter.name} ${counter.help}`, `# TYPE ${counter.name} counter`);
  for (const [source, count] of [...ingestErrors].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${counter.name}${labelText({ [LABEL.source]: source })} ${count}`);
  }
  return lines.join('\n') + '\n';
}

export interface HistoryOptions {
  /** Seconds between repeated samples of one snapshot (so instant queries find a value between snapshots). */
  stepSeconds: number;
  /** A snapshot's values are repeated until the next snapshot, but at most this long. */
  holdSeconds: number;
}

/**
 * OpenMetrics history of dated snapshots (timestamps in seconds, ends with `# EOF`) for promtool.
 * Each snapshot's values are held from its time until the next snapshot (at most holdSeconds), one sample
 * per step: a qubit missing from a later snapshot simply stops having samples there.
 */
export function renderOpenMetricsHistory(
  snapshots: Array<{ backend: BackendCalibration; timestamp: number }>,
  options: HistoryOptions
): string {
  const ordered = [...snapshots].sort((a, b) => a.timestamp - b.timestamp);
  const perSnapshot = ordered.map((s, i) => {
    const next = ordered[i + 1]?.timestamp ?? Infinity;
    const end = Math.min(next, s.timestamp + options.holdSeconds + 1);
    const times: number[] = [];
    for (let t = s.timestamp; t < end; t += options.stepSeconds) {
      times.push(t);
    }
    return { samples: backendSamples(s.backend), times };
  });
  const lines: string[] = [];
  for (const def of GAUGES) {
    const series = new Map<string, string[]>();
    for (const { samples, times } of perSnapshot) {
      for (const s of samples.get(def) ?? []) {
        const key = labelText(s.labels);
        const list = series.get(key) ?? [];
        for (const t of times) {
          list.push(`${def.name}${key} ${num(s.value)} ${t}`);
        }
        series.set(key, list);
      }
    }
    if (series.size === 0) {
      continue;
    }
    lines.push(`# HELP ${def.name} ${def.help}`, `# TYPE ${def.name} gauge`);
    // OpenMetrics wants each series' samples together and in time order.
    for (const list of series.values()) {
      for (const line of list) {
        lines.push(line);
      }
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
