import { CALIBRATION_QUBITS_SEPARATOR, LABEL } from '@hybridlens/conventions';
import { proxyGet } from '../../queries/datasourceProxy';
import {
  CALIBRATION_MEDIANS,
  CALIBRATION_QUBIT,
  type CalibrationQuantity,
  calibrationAgeRatio,
  calibrationInfo,
  calibrationMedians,
  calibrationOfQubits,
  uncalibratedGates,
} from '../../queries/lifecycle';

/** A calibration is stale once it is older than this many of the backend's usual intervals. */
export const STALE_AGE_RATIO = 1.5;
/** A qubit is degraded when its value is this many times worse than the backend's median at the same time. */
export const DEGRADED_FACTOR = 2;

interface PromVector {
  resultType: string;
  result: Array<{ metric: Record<string, string>; value: [number, string] }>;
}

export interface CalibrationAt {
  /** Unix seconds the values were read at. */
  at: number;
  version?: string;
  /** `time() - calibrated_at` over the expected interval; undefined when the exporter gives no timestamp. */
  ageRatio?: number;
  medians: Partial<Record<CalibrationQuantity, number>>;
  /** qubit → quantity → value (only the job's qubits). */
  qubits: Map<string, Partial<Record<CalibrationQuantity, number>>>;
  /** Gates on the job's qubits the provider reports uncalibrated ("cz 0-1"). */
  uncalibrated: string[];
}

const QUANTITY_OF_MEDIAN = new Map(
  Object.entries(CALIBRATION_MEDIANS).map(([q, name]) => [name, q as CalibrationQuantity])
);
const QUANTITY_OF_QUBIT = new Map(
  Object.entries(CALIBRATION_QUBIT).map(([q, name]) => [name, q as CalibrationQuantity])
);

async function instant(uid: string, expr: string, at: number): Promise<PromVector['result']> {
  const data = await proxyGet<{ status?: string; data?: PromVector } & Partial<PromVector>>(uid, 'api/v1/query', {
    query: expr,
    time: String(at),
  });
  // Through Grafana's proxy the body is Prometheus' own envelope.
  const vector = (data.data ?? data) as PromVector;
  return vector.resultType === 'vector' ? vector.result : [];
}

/** Reads the backend's calibration as Prometheus had it at `at` (Unix seconds). */
export async function calibrationAt(
  prometheusUid: string,
  provider: string,
  backend: string,
  qubits: readonly number[],
  at: number
): Promise<CalibrationAt> {
  const [medians, perQubit, info, age, uncalibrated] = await Promise.all([
    instant(prometheusUid, calibrationMedians(provider, backend), at),
    qubits.length > 0
      ? instant(prometheusUid, calibrationOfQubits(provider, backend, qubits), at)
      : Promise.resolve([]),
    instant(prometheusUid, calibrationInfo(provider, backend), at),
    instant(prometheusUid, calibrationAgeRatio(provider, backend), at),
    instant(prometheusUid, uncalibratedGates(provider, backend), at),
  ]);
  const out: CalibrationAt = { at, medians: {}, qubits: new Map(), uncalibrated: [] };
  for (const s of medians) {
    const q = QUANTITY_OF_MEDIAN.get(s.metric.__name__ ?? '');
    if (q) {
      out.medians[q] = Number(s.value[1]);
    }
  }
  for (const s of perQubit) {
    const q = QUANTITY_OF_QUBIT.get(s.metric.__name__ ?? '');
    const qubit = s.metric[LABEL.qubit];
    if (q && qubit !== undefined) {
      const values = out.qubits.get(qubit) ?? {};
      values[q] = Number(s.value[1]);
      out.qubits.set(qubit, values);
    }
  }
  out.version = info[0]?.metric[LABEL.calibrationVersion];
  const ratio = age[0] ? Number(age[0].value[1]) : undefined;
  out.ageRatio = ratio !== undefined && Number.isFinite(ratio) ? ratio : undefined;
  const wanted = new Set(qubits.map(String));
  for (const s of uncalibrated) {
    const gateQubits = (s.metric[LABEL.qubits] ?? '').split(CALIBRATION_QUBITS_SEPARATOR);
    if (gateQubits.some((q) => wanted.has(q))) {
      out.uncalibrated.push(`${s.metric[LABEL.gate] ?? '?'} ${s.metric[LABEL.qubits] ?? ''}`.trim());
    }
  }
  return out;
}

/** Times are better high (T1, T2), errors better low. */
export const HIGHER_IS_BETTER: Readonly<Record<CalibrationQuantity, boolean>> = {
  t1: true,
  t2: true,
  readout: false,
  oneQubit: false,
  twoQubit: false,
};

/** Whether a qubit's value is degraded against the backend median of the same moment. */
export function isDegraded(quantity: CalibrationQuantity, value: number, median: number | undefined): boolean {
  if (median === undefined || !Number.isFinite(median) || median <= 0) {
    return false;
  }
  return HIGHER_IS_BETTER[quantity] ? value * DEGRADED_FACTOR < median : value > median * DEGRADED_FACTOR;
}

export function isStale(c: CalibrationAt): boolean {
  return c.ageRatio !== undefined && c.ageRatio > STALE_AGE_RATIO;
}

export function hasAnyValue(c: CalibrationAt): boolean {
  return Object.keys(c.medians).length > 0 || c.qubits.size > 0 || c.version !== undefined;
}
