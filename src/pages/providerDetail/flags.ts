import type { QubitMapMetric } from '@hybridlens/conventions';
import type { BackendSnapshot } from './snapshot';
import { QUBIT_METRICS } from './qubitMetrics';

/** Default drift flag factor: a value more than twice or less than half its own rolling 7-day median. */
export const DEFAULT_DRIFT_FACTOR = 2;

export function parseDriftFactor(raw: unknown): number {
  const value = typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(value) && value > 1 && value <= 100 ? value : DEFAULT_DRIFT_FACTOR;
}

export function isDrifted(ratio: number | undefined, factor: number): boolean {
  return ratio !== undefined && Number.isFinite(ratio) && ratio > 0 && (ratio > factor || ratio < 1 / factor);
}

export interface QubitFlags {
  id: string;
  /** Quantities the snapshot has no value for (and the provider did not report uncalibrated). */
  missing: QubitMapMetric[];
  /** Quantities reported with the provider's uncalibrated sentinel. */
  uncalibrated: QubitMapMetric[];
  /** Quantities more than the factor off their own 7-day median, with the ratio. */
  drifted: Array<{ metric: QubitMapMetric; ratio: number }>;
}

export interface CouplerFlags {
  label: string;
  gate: string;
  uncalibrated: boolean;
  missing: boolean;
  /** Error 1 (or more): the coupler is unusable. */
  broken: boolean;
  driftRatio?: number;
}

/**
 * Qubits and couplers called out: missing values, uncalibrated sentinels, broken couplers, drift past `factor`.
 * A quantity no qubit has (IonQ publishes T1/T2 and errors per device, Google no T2) is one device-level line in
 * `missingEverywhere`, not the same remark on every qubit.
 */
export function flagsOf(
  snapshot: BackendSnapshot,
  factor: number
): { qubits: QubitFlags[]; couplers: CouplerFlags[]; missingEverywhere: QubitMapMetric[] } {
  const missingEverywhere =
    snapshot.qubits.length === 0
      ? []
      : QUBIT_METRICS.filter((m) =>
          snapshot.qubits.every((q) => q.values[m] === undefined && !(q.uncalibrated ?? []).includes(m))
        );
  const qubits = snapshot.qubits
    .map((q) => ({
      id: q.id,
      missing: QUBIT_METRICS.filter(
        (m) => q.values[m] === undefined && !missingEverywhere.includes(m) && !(q.uncalibrated ?? []).includes(m)
      ),
      uncalibrated: q.uncalibrated ?? [],
      drifted: QUBIT_METRICS.filter((m) => isDrifted(q.drift[m], factor)).map((m) => ({
        metric: m,
        ratio: q.drift[m]!,
      })),
    }))
    .filter((f) => f.missing.length > 0 || f.uncalibrated.length > 0 || f.drifted.length > 0);
  const couplers = snapshot.couplers
    .map((c) => ({
      label: c.label,
      gate: c.gate,
      uncalibrated: c.uncalibrated,
      missing: c.error === undefined && !c.uncalibrated,
      broken: c.error !== undefined && c.error >= 1,
      driftRatio: isDrifted(c.drift, factor) ? c.drift : undefined,
    }))
    .filter((f) => f.uncalibrated || f.missing || f.broken || f.driftRatio !== undefined);
  return { qubits, couplers, missingEverywhere };
}
