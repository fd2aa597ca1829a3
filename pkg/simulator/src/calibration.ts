import { clamp, hashString, Rng } from './rng';
import type { QuantumBackend } from './topology';

/** What the calibration model needs to know about a device (also devices outside the routing topology). */
export type CalibratedDevice = Pick<QuantumBackend, 'backend' | 'qubits' | 'processorFamily' | 'calibration'> & {
  provider: string;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface QubitCalibration {
  qubit: number;
  t1Seconds: number;
  t2Seconds: number;
  readoutError: number;
  oneQubitError: number;
}

export interface PairCalibration {
  qubits: readonly [number, number];
  twoQubitError: number;
}

/** What the device looked like after one recalibration. */
export interface CalibrationSnapshot {
  provider: string;
  backend: string;
  processorFamily: string;
  /** Unix ms of the recalibration. */
  calibratedAt: number;
  /** Identity of the calibration, carried on spans as quantum.calibration.version. */
  version: string;
  qubits: QubitCalibration[];
  pairs: PairCalibration[];
  oneQubitGateSeconds: number;
  twoQubitGateSeconds: number;
  readoutSeconds: number;
  /** Set by the corrupted-calibration fault: the metadata cannot be trusted. */
  corrupted: boolean;
}

export interface CalibrationSummary {
  version: string;
  calibratedAt: number;
  medianT1Seconds: number;
  medianT2Seconds: number;
  medianReadoutError: number;
  median1qError: number;
  median2qError: number;
  corrupted: boolean;
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Log-uniform draw inside a range: calibration figures spread over orders of magnitude. */
function logUniform(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
}

/** Coupling map: a chain with a few cross links, enough for realistic 2q entries. */
function couplingPairs(qubits: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let q = 0; q + 1 < qubits; q++) {
    pairs.push([q, q + 1]);
    if (q + 4 < qubits && q % 4 === 0) {
      pairs.push([q, q + 4]);
    }
  }
  return pairs;
}

/**
 * Calibration of a backend as a function of time: every recalibration epoch draws values around a
 * per-qubit baseline that itself wanders slowly over days, so any instant can be computed directly
 * (no need to replay history) and the same seed always gives the same device.
 */
export class CalibrationModel {
  private readonly baseSeed: number;
  private cacheEpoch = -1;
  private cacheCorrupted = false;
  private cache: CalibrationSnapshot | undefined;
  private summaryOf: CalibrationSnapshot | undefined;
  private summary: CalibrationSummary | undefined;
  /** Qubits tracked in detail; large devices are summarised by a representative subset. */
  private readonly trackedQubits: number;

  constructor(
    readonly backend: CalibratedDevice,
    seed: number
  ) {
    this.baseSeed = (hashString(`${backend.provider}/${backend.backend}`) ^ seed) >>> 0;
    this.trackedQubits = Math.min(backend.qubits, 32);
  }

  epochOf(time: number): number {
    return Math.floor(time / (this.backend.calibration.recalibrationHours * HOUR_MS));
  }

  /** The recalibration instant of an epoch, with a per-epoch jitter of up to an hour. */
  calibratedAtOfEpoch(epoch: number): number {
    const jitter = new Rng((this.baseSeed ^ Math.imul(epoch, 2654435761)) >>> 0).uniform(0, HOUR_MS);
    return epoch * this.backend.calibration.recalibrationHours * HOUR_MS + Math.floor(jitter);
  }

  /** Full calibration in force at `time`, for all qubits (used for snapshots). */
  snapshotAt(time: number, corrupted = false): CalibrationSnapshot {
    let epoch = this.epochOf(time);
    if (time < this.calibratedAtOfEpoch(epoch)) {
      epoch -= 1;
    }
    if (this.cache && this.cacheEpoch === epoch && this.cacheCorrupted === corrupted) {
      return this.cache;
    }
    this.cache = this.build(epoch, corrupted);
    this.cacheEpoch = epoch;
    this.cacheCorrupted = corrupted;
    return this.cache;
  }

  summaryAt(time: number, corrupted = false): CalibrationSummary {
    const snap = this.snapshotAt(time, corrupted);
    // Asked for on every routing decision; the snapshot changes once a day.
    if (this.summaryOf === snap && this.summary) {
      return this.summary;
    }
    this.summaryOf = snap;
    this.summary = {
      version: snap.version,
      calibratedAt: snap.calibratedAt,
      medianT1Seconds: median(snap.qubits.map((q) => q.t1Seconds)),
      medianT2Seconds: median(snap.qubits.map((q) => q.t2Seconds)),
      medianReadoutError: median(snap.qubits.map((q) => q.readoutError)),
      median1qError: median(snap.qubits.map((q) => q.oneQubitError)),
      median2qError: median(snap.pairs.map((p) => p.twoQubitError)),
      corrupted: snap.corrupted,
    };
    return this.summary;
  }

  /** Calibration of every qubit of the device (snapshot files list them all). */
  fullSnapshotAt(time: number, corrupted = false): CalibrationSnapshot {
    const snap = this.snapshotAt(time, corrupted);
    if (snap.qubits.length === this.backend.qubits) {
      return snap;
    }
    const epoch = Math.floor(snap.calibratedAt / (this.backend.calibration.recalibrationHours * HOUR_MS));
    return this.build(epoch, corrupted, this.backend.qubits);
  }

  private build(epoch: number, corrupted: boolean, qubitCount = this.trackedQubits): CalibrationSnapshot {
    const profile = this.backend.calibration;
    const calibratedAt = this.calibratedAtOfEpoch(epoch);
    const dayPhase = calibratedAt / DAY_MS;
    const qubits: QubitCalibration[] = [];
    for (let q = 0; q < qubitCount; q++) {
      const base = new Rng((this.baseSeed + q * 7919) >>> 0);
      const baseT1 = logUniform(base, profile.t1Seconds);
      const t2Ratio = base.uniform(profile.t2OverT1[0], profile.t2OverT1[1]);
      const baseReadout = logUniform(base, profile.readoutError);
      const base1q = logUniform(base, profile.oneQubitError);
      // Slow multi-day drift (period 5-15 days per qubit) plus day-to-day scatter.
      const period = base.uniform(5, 15);
      const phase = base.uniform(0, 2 * Math.PI);
      const wave = Math.sin((2 * Math.PI * dayPhase) / period + phase);
      const today = new Rng((this.baseSeed ^ Math.imul(epoch + 1, 40503) ^ (q * 104729)) >>> 0);
      const t1 = clamp(
        baseT1 * (1 + 0.18 * wave) * today.logNormal(1, 0.08),
        profile.t1Seconds[0] * 0.7,
        profile.t1Seconds[1] * 1.2
      );
      qubits.push({
        qubit: q,
        t1Seconds: t1,
        t2Seconds: Math.min(2 * t1, t1 * t2Ratio * today.logNormal(1, 0.1)),
        readoutError: clamp(baseReadout * (1 - 0.2 * wave) * today.logNormal(1, 0.12), 1e-4, 0.5),
        oneQubitError: clamp(base1q * (1 - 0.15 * wave) * today.logNormal(1, 0.15), 1e-5, 0.5),
      });
    }
    const pairs: PairCalibration[] = couplingPairs(qubitCount).map(([a, b]) => {
      const base = new Rng((this.baseSeed + a * 31337 + b * 7) >>> 0);
      const base2q = logUniform(base, profile.twoQubitError);
      const today = new Rng((this.baseSeed ^ Math.imul(epoch + 1, 69069) ^ (a * 2053 + b)) >>> 0);
      return { qubits: [a, b] as const, twoQubitError: clamp(base2q * today.logNormal(1, 0.15), 1e-4, 0.5) };
    });
    const version = new Date(calibratedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (corrupted) {
      // What corrupted metadata looks like in the wild: missing T1s, sentinel errors, a bogus version.
      for (const q of qubits) {
        if (q.qubit % 3 === 0) {
          q.t1Seconds = Number.NaN;
        }
        q.readoutError = q.qubit % 2 ? 1 : q.readoutError;
      }
      for (const p of pairs) {
        p.twoQubitError = 1;
      }
    }
    return {
      provider: this.backend.provider,
      backend: this.backend.backend,
      processorFamily: this.backend.processorFamily,
      calibratedAt,
      version: corrupted ? `${version}+corrupt` : version,
      qubits,
      pairs,
      oneQubitGateSeconds: profile.oneQubitGateSeconds,
      twoQubitGateSeconds: profile.twoQubitGateSeconds,
      readoutSeconds: profile.readoutSeconds,
      corrupted,
    };
  }
}

/**
 * Predicted fidelity of a job from calibration: a first-order error budget of the entangling layer,
 * single-qubit gates and (mitigated) readout. NaN when the calibration cannot be trusted.
 */
export function predictFidelity(summary: CalibrationSummary, width: number, depth: number): number {
  if (summary.corrupted || !Number.isFinite(summary.median2qError)) {
    return Number.NaN;
  }
  // Transpiled depth grows the entangling layer only slowly after error mitigation / dynamical decoupling.
  const layers = 1 + Math.log2(1 + depth / 20);
  const budget =
    width * layers * (summary.median2qError + 2 * summary.median1qError) + 0.5 * width * summary.medianReadoutError;
  return clamp(Math.exp(-budget), 0, 1);
}
