import type { DataFrame } from '@grafana/data';
import {
  CALIBRATION_LAYOUT,
  CALIBRATION_QUANTITY,
  CALIBRATION_QUBITS_SEPARATOR,
  type CalibrationQuantity,
  LABEL,
  QUBIT_MAP_METRIC,
  type QubitMapMetric,
} from '@hybridlens/conventions';
import { type InstantSample, samplesOf } from '../../app/frames';
import { SNAPSHOT } from './providerDetailQueries';
import { QUBIT_METRICS } from './qubitMetrics';

export { SNAPSHOT };

export { QUBIT_METRICS };

type PerMetric = Partial<Record<QubitMapMetric, number>>;

export interface QubitView {
  /** The `qubit` label value. */
  id: string;
  x: number;
  y: number;
  values: PerMetric;
  /** Unix seconds each value was measured, where the source dates values. */
  measuredAt: PerMetric;
  stderr: PerMetric;
  /** Value / its own rolling 7-day median (drift rules). */
  drift: PerMetric;
  /** Quantities the provider reported with its uncalibrated sentinel (the native 1q gate's error 1.0): no value. */
  uncalibrated?: QubitMapMetric[];
}

export interface CouplerView {
  /** Qubit ids, in the native gate's order of the direction that speaks for the coupler. */
  qubits: [string, string];
  /** The `qubits` label value of that direction. */
  label: string;
  gate: string;
  /** 2q error of the best calibrated direction; undefined when no direction has one. */
  error?: number;
  /** Reported with the provider's uncalibrated sentinel (and no direction calibrated). */
  uncalibrated: boolean;
  measuredAt?: number;
  stderr?: number;
  drift?: number;
}

export interface DeviceFacts {
  vendor?: string;
  layout?: string;
  native1qGate?: string;
  native2qGate?: string;
  backendVersion?: string;
  calibrationVersion?: string;
  processorFamily?: string;
}

export interface DroppedValues {
  field: string;
  reason: string;
  count: number;
}

export interface BackendSnapshot {
  qubits: QubitView[];
  couplers: CouplerView[];
  device: DeviceFacts;
  /** Unix seconds of the calibration served; undefined when the source has no time. */
  calibratedAt?: number;
  expectedIntervalSeconds?: number;
  lastGoodAgeSeconds?: number;
  medians: Partial<Record<CalibrationQuantity, number>>;
  medianDrift: Partial<Record<CalibrationQuantity, number>>;
  /** Values measured per method, per quantity (`1q_error`, `2q_error`). */
  methods: Array<{ quantity: string; method: string; values: number }>;
  qubitCount?: number;
  uncalibratedGates?: number;
  dropped: DroppedValues[];
}

const QUBIT_METRIC_SET: ReadonlySet<string> = new Set(QUBIT_METRICS);

function isQubitMetric(q: string | undefined): q is QubitMapMetric {
  return q !== undefined && QUBIT_METRIC_SET.has(q);
}

function finite(samples: InstantSample[]): InstantSample[] {
  return samples.filter((s) => Number.isFinite(s.value));
}

function first(frames: readonly DataFrame[], refId: string): InstantSample | undefined {
  return finite(samplesOf(frames, refId))[0];
}

/** Qubit ids sort numerically where they are numbers, then as text (Google `3_2`). */
export function compareQubitIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const aNum = a.trim() !== '' && Number.isFinite(na);
  const bNum = b.trim() !== '' && Number.isFinite(nb);
  if (aNum && bNum) {
    return na - nb;
  }
  if (aNum !== bNum) {
    return aNum ? -1 : 1;
  }
  return a.localeCompare(b, undefined, { numeric: true });
}

/**
 * The two qubit ids of a `qubits` label. Ids are joined with "-"; where an id could itself hold one, the split
 * that gives two known qubits wins.
 */
export function splitQubitsLabel(label: string, known: ReadonlySet<string>): [string, string] | undefined {
  const parts = label.split(CALIBRATION_QUBITS_SEPARATOR);
  for (let i = 1; i < parts.length; i++) {
    const a = parts.slice(0, i).join(CALIBRATION_QUBITS_SEPARATOR);
    const b = parts.slice(i).join(CALIBRATION_QUBITS_SEPARATOR);
    if (known.has(a) && known.has(b)) {
      return [a, b];
    }
  }
  return undefined;
}

function pairKey(a: string, b: string): string {
  return compareQubitIds(a, b) <= 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function qubitsOf(frames: readonly DataFrame[]): QubitView[] {
  const byId = new Map<string, QubitView>();
  for (const s of samplesOf(frames, SNAPSHOT.layout)) {
    const id = s.labels[LABEL.qubit];
    const x = Number(s.labels[LABEL.x]);
    const y = Number(s.labels[LABEL.y]);
    if (id === undefined || !Number.isFinite(x) || !Number.isFinite(y) || byId.has(id)) {
      continue;
    }
    byId.set(id, { id, x, y, values: {}, measuredAt: {}, stderr: {}, drift: {}, uncalibrated: [] });
  }
  const fill = (refId: string, into: (q: QubitView) => PerMetric) => {
    for (const s of finite(samplesOf(frames, refId))) {
      const q = byId.get(s.labels[LABEL.qubit] ?? '');
      const quantity = s.labels[LABEL.quantity];
      if (q && isQubitMetric(quantity)) {
        into(q)[quantity] = s.value;
      }
    }
  };
  fill(SNAPSHOT.qubitValues, (q) => q.values);
  fill(SNAPSHOT.qubitMeasuredAt, (q) => q.measuredAt);
  fill(SNAPSHOT.qubitStderr, (q) => q.stderr);
  fill(SNAPSHOT.qubitDrift, (q) => q.drift);
  for (const s of finite(samplesOf(frames, SNAPSHOT.qubitsUncalibrated))) {
    const q = byId.get(s.labels[LABEL.qubits] ?? '');
    if (q && q.values[QUBIT_MAP_METRIC.oneQubitError] === undefined) {
      q.uncalibrated = [QUBIT_MAP_METRIC.oneQubitError];
    }
  }
  return [...byId.values()].sort((a, b) => compareQubitIds(a.id, b.id));
}

function couplersOf(frames: readonly DataFrame[], known: ReadonlySet<string>): CouplerView[] {
  const byLabel = (refId: string) => {
    const out = new Map<string, InstantSample>();
    for (const s of finite(samplesOf(frames, refId))) {
      out.set(`${s.labels[LABEL.gate] ?? ''}\u0000${s.labels[LABEL.qubits] ?? ''}`, s);
    }
    return out;
  };
  const byQubits = (refId: string) => {
    const out = new Map<string, number>();
    for (const s of finite(samplesOf(frames, refId))) {
      out.set(s.labels[LABEL.qubits] ?? '', s.value);
    }
    return out;
  };
  const errors = byLabel(SNAPSHOT.couplerErrors);
  const uncalibrated = byLabel(SNAPSHOT.couplersUncalibrated);
  const measured = byQubits(SNAPSHOT.couplerMeasuredAt);
  const stderr = byQubits(SNAPSHOT.couplerStderr);
  const drift = byLabel(SNAPSHOT.couplerDrift);
  const directions = new Map<string, CouplerView[]>();
  for (const s of samplesOf(frames, SNAPSHOT.couplers)) {
    const label = s.labels[LABEL.qubits] ?? '';
    const gate = s.labels[LABEL.gate] ?? '';
    const qubits = splitQubitsLabel(label, known);
    if (!qubits) {
      continue;
    }
    const key = `${gate}\u0000${label}`;
    const pair = pairKey(...qubits);
    directions.set(pair, [
      ...(directions.get(pair) ?? []),
      {
        qubits,
        label,
        gate,
        error: errors.get(key)?.value,
        uncalibrated: uncalibrated.has(key),
        measuredAt: measured.get(label),
        stderr: stderr.get(label),
        drift: drift.get(key)?.value,
      },
    ]);
  }
  return [...directions.values()]
    .map(speaksForCoupler)
    .sort((a, b) => compareQubitIds(a.qubits[0], b.qubits[0]) || compareQubitIds(a.qubits[1], b.qubits[1]));
}

/**
 * Both directions of a coupler may be listed (IBM cx devices): the better calibrated direction speaks for it; with
 * none calibrated, it is uncalibrated when a direction carries the sentinel, otherwise missing.
 */
function speaksForCoupler(directions: CouplerView[]): CouplerView {
  const calibrated = directions.filter((d) => d.error !== undefined).sort((a, b) => a.error! - b.error!);
  if (calibrated.length > 0) {
    return { ...calibrated[0]!, uncalibrated: false };
  }
  return directions.find((d) => d.uncalibrated) ?? directions[0]!;
}

function medians(frames: readonly DataFrame[], refId: string): Partial<Record<CalibrationQuantity, number>> {
  const out: Partial<Record<CalibrationQuantity, number>> = {};
  const valid = new Set<string>(Object.values(CALIBRATION_QUANTITY));
  for (const s of finite(samplesOf(frames, refId))) {
    const q = s.labels[LABEL.quantity];
    if (q !== undefined && valid.has(q)) {
      out[q as CalibrationQuantity] = s.value;
    }
  }
  return out;
}

/** The calibration a backend had at the query's instant, from the snapshot runner's answers. */
export function buildSnapshot(frames: readonly DataFrame[]): BackendSnapshot {
  const qubits = qubitsOf(frames);
  const known = new Set(qubits.map((q) => q.id));
  const device = first(frames, SNAPSHOT.deviceInfo)?.labels ?? {};
  const info = first(frames, SNAPSHOT.calibrationInfo)?.labels ?? {};
  return {
    qubits,
    couplers: couplersOf(frames, known),
    device: {
      vendor: device[LABEL.vendor] || undefined,
      layout: device[LABEL.layout] || undefined,
      native1qGate: device[LABEL.native1qGate] || undefined,
      native2qGate: device[LABEL.native2qGate] || undefined,
      backendVersion: device[LABEL.backendVersion] || undefined,
      calibrationVersion: info[LABEL.calibrationVersion] || undefined,
      processorFamily: info[LABEL.processorFamily] || undefined,
    },
    calibratedAt: first(frames, SNAPSHOT.calibratedAt)?.value,
    expectedIntervalSeconds: first(frames, SNAPSHOT.expectedInterval)?.value,
    lastGoodAgeSeconds: first(frames, SNAPSHOT.lastGoodAge)?.value,
    medians: medians(frames, SNAPSHOT.medians),
    medianDrift: medians(frames, SNAPSHOT.medianDrift),
    methods: finite(samplesOf(frames, SNAPSHOT.methods))
      .map((s) => ({ quantity: s.labels[LABEL.quantity] ?? '', method: s.labels[LABEL.method] ?? '', values: s.value }))
      .sort((a, b) => a.quantity.localeCompare(b.quantity) || b.values - a.values),
    qubitCount: first(frames, SNAPSHOT.qubitCount)?.value,
    uncalibratedGates: first(frames, SNAPSHOT.uncalibratedGates)?.value,
    dropped: finite(samplesOf(frames, SNAPSHOT.dropped))
      .filter((s) => s.value > 0)
      .map((s) => ({ field: s.labels[LABEL.field] ?? '', reason: s.labels[LABEL.reason] ?? '', count: s.value })),
  };
}

/** Lattice layouts are drawn from their coordinates; the others (all-to-all, no coupling map) as a list. */
export function isListLayout(layout: string | undefined): boolean {
  return layout === CALIBRATION_LAYOUT.allToAll || layout === CALIBRATION_LAYOUT.list;
}

/** Whether the calibration served is older than the provider's usual cadence allows (the exporter's rule). */
export const STALE_FACTOR = 1.5;

export function calibrationAge(snapshot: BackendSnapshot, atSeconds: number): number | undefined {
  return snapshot.calibratedAt === undefined ? undefined : atSeconds - snapshot.calibratedAt;
}

export function isStale(snapshot: BackendSnapshot, atSeconds: number): boolean | undefined {
  const age = calibrationAge(snapshot, atSeconds);
  if (age === undefined || snapshot.expectedIntervalSeconds === undefined) {
    return undefined;
  }
  return age > STALE_FACTOR * snapshot.expectedIntervalSeconds;
}
