import type { MetricDef } from '@hybridlens/conventions';
import { GAUGES, labelText } from './exposition';
import type { BackendCalibration } from './model';
import { backendSamples, type BackendContext } from './samples';

export interface HistoryOptions {
  /** Seconds between repeated samples of one snapshot (so instant queries find a value between snapshots). */
  stepSeconds: number;
  /** A snapshot's values are repeated until the next snapshot of the same device, but at most this long. */
  holdSeconds: number;
}

export interface DatedSnapshot {
  backend: BackendCalibration;
  /** Unix seconds. */
  timestamp: number;
}

/** Sample times of each snapshot: from its time until the next snapshot of the same device, at most the hold. */
function sampleTimes(ordered: readonly DatedSnapshot[], options: HistoryOptions): number[][] {
  return ordered.map((s, i) => {
    const next = ordered[i + 1]?.timestamp ?? Infinity;
    const end = Math.min(next, s.timestamp + options.holdSeconds + 1);
    const times: number[] = [];
    for (let t = s.timestamp; t < end; t += options.stepSeconds) {
      times.push(t);
    }
    return times;
  });
}

interface DeviceHistory {
  /** Per metric: per series (label text), the values and their sample times, in time order. */
  series: Map<MetricDef, Map<string, Array<{ value: number; times: number[] }>>>;
  samples: number;
}

function deviceHistory(
  snapshots: readonly DatedSnapshot[],
  options: HistoryOptions,
  context: BackendContext
): DeviceHistory {
  const ordered = [...snapshots].sort((a, b) => a.timestamp - b.timestamp);
  const times = sampleTimes(ordered, options);
  const series: DeviceHistory['series'] = new Map();
  let samples = 0;
  ordered.forEach((snapshot, i) => {
    for (const [def, list] of backendSamples(snapshot.backend, context)) {
      const byLabels = series.get(def) ?? new Map<string, Array<{ value: number; times: number[] }>>();
      for (const s of list) {
        const key = labelText(s.labels);
        const runs = byLabels.get(key) ?? [];
        runs.push({ value: s.value, times: times[i]! });
        byLabels.set(key, runs);
        samples += times[i]!.length;
      }
      series.set(def, byLabels);
    }
  });
  return { series, samples };
}

/**
 * OpenMetrics history of dated snapshots of one or more devices (timestamps in seconds, ends with `# EOF`) for
 * `promtool tsdb create-blocks-from openmetrics`, written through `write` a chunk at a time. Each snapshot's values
 * are held until the next snapshot of its device (at most holdSeconds), one sample per step: a qubit missing from
 * a later snapshot simply stops having samples there. Returns the number of samples written.
 */
export function writeOpenMetricsHistory(
  devices: ReadonlyArray<{ snapshots: readonly DatedSnapshot[]; context?: BackendContext }>,
  options: HistoryOptions,
  write: (chunk: string) => void
): number {
  const histories = devices.map((d) => deviceHistory(d.snapshots, options, d.context ?? {}));
  let buffer = '';
  const emit = (line: string) => {
    buffer += line + '\n';
    if (buffer.length > 1 << 20) {
      write(buffer);
      buffer = '';
    }
  };
  let samples = 0;
  for (const def of GAUGES) {
    const families = histories.map((h) => h.series.get(def)).filter((m) => m !== undefined);
    if (families.length === 0) {
      continue;
    }
    emit(`# HELP ${def.name} ${def.help}`);
    emit(`# TYPE ${def.name} gauge`);
    // OpenMetrics wants each series' samples together and in time order.
    for (const byLabels of families) {
      for (const [key, runs] of byLabels) {
        for (const run of runs) {
          for (const t of run.times) {
            emit(`${def.name}${key} ${run.value} ${t}`);
            samples++;
          }
        }
      }
    }
  }
  emit('# EOF');
  write(buffer);
  return samples;
}

/** Samples a history would hold, computed without rendering it (to refuse an oversized backfill up front). */
export function countHistorySamples(
  devices: ReadonlyArray<{ snapshots: readonly DatedSnapshot[] }>,
  options: HistoryOptions
): number {
  let total = 0;
  for (const d of devices) {
    const ordered = [...d.snapshots].sort((a, b) => a.timestamp - b.timestamp);
    const times = sampleTimes(ordered, options);
    ordered.forEach((s, i) => {
      let series = 0;
      for (const list of backendSamples(s.backend).values()) {
        series += list.length;
      }
      total += series * times[i]!.length;
    });
  }
  return total;
}

/** The whole history as one string (tests and small inputs). */
export function renderOpenMetricsHistory(
  snapshots: readonly DatedSnapshot[],
  options: HistoryOptions,
  context: BackendContext = {}
): string {
  const byDevice = new Map<string, DatedSnapshot[]>();
  for (const s of snapshots) {
    const key = `${s.backend.provider}/${s.backend.backend}`;
    byDevice.set(key, [...(byDevice.get(key) ?? []), s]);
  }
  let text = '';
  writeOpenMetricsHistory(
    [...byDevice.values()].map((list) => ({ snapshots: list, context })),
    options,
    (chunk) => (text += chunk)
  );
  return text;
}
