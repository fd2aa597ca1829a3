import { CALIBRATION_QUANTITY } from './calibrationMetrics';

/**
 * Query parameters of the backend page (`providers/:provider/:backend`), beside `from` / `to` and `var-*`.
 * The page keeps its own state in them, so a link (or a reload) restores what was on screen.
 */
export const PROVIDER_DETAIL_PARAM = {
  /** The per-qubit quantity that colours the qubit map (a QUBIT_MAP_METRIC value). */
  qubitMetric: 'metric',
  /** Number of qubits of the best connected chain ("best qubits now"). */
  chainLength: 'chain',
  /** Drift flag factor f: a value more than f times off its own rolling 7-day median is flagged. */
  driftFactor: 'drift',
  /**
   * Qubits a job used, as `jobQubitsParam()` writes them: highlighted on the map and compared with the best
   * chain of the same length. The quantum-job card sets it from `quantum.qubits.used`.
   */
  jobQubits: 'qubits',
  /** The qubit whose details are pinned open (its `qubit` label value). */
  qubit: 'qubit',
} as const;

/** Quantities the qubit map can be coloured by (values of `PROVIDER_DETAIL_PARAM.qubitMetric`). */
export const QUBIT_MAP_METRIC = {
  t1: CALIBRATION_QUANTITY.t1,
  t2: CALIBRATION_QUANTITY.t2,
  readoutError: CALIBRATION_QUANTITY.readoutError,
  oneQubitError: CALIBRATION_QUANTITY.oneQubitError,
} as const;
export type QubitMapMetric = (typeof QUBIT_MAP_METRIC)[keyof typeof QUBIT_MAP_METRIC];

/** Query parameters of the Providers page. */
export const PROVIDERS_PARAM = {
  /** Backends compared side by side, each `provider/backend` (`providersCompareParam()`). */
  compare: 'compare',
  /** The column group the table shows (a PROVIDERS_COLUMN_GROUP value; the overview when absent). */
  columns: 'columns',
} as const;

/**
 * Column groups of the Providers table (values of `PROVIDERS_PARAM.columns`): the overview carries the key figure
 * of each group so every backend fits one screen; the others show their group in full.
 */
export const PROVIDERS_COLUMN_GROUP = {
  overview: 'overview',
  operations: 'operations',
  calibration: 'calibration',
  cost: 'cost',
} as const;
export type ProvidersColumnGroup = (typeof PROVIDERS_COLUMN_GROUP)[keyof typeof PROVIDERS_COLUMN_GROUP];

const LIST_SEPARATOR = ',';

/** `PROVIDER_DETAIL_PARAM.jobQubits` for the qubits a job used (ids as in the calibration `qubit` label). */
export function jobQubitsParam(qubits: ReadonlyArray<number | string>): string {
  return qubits.map(String).join(LIST_SEPARATOR);
}

/** The qubit ids in a `jobQubitsParam()` value; empty entries are ignored. */
export function parseJobQubitsParam(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((q) => q.trim())
    .filter((q) => q !== '');
}

/** `PROVIDERS_PARAM.compare` for backends to compare. */
export function providersCompareParam(backends: ReadonlyArray<{ provider: string; backend: string }>): string {
  return backends.map((b) => `${b.provider}/${b.backend}`).join(LIST_SEPARATOR);
}

/** The backends in a `providersCompareParam()` value; entries without `provider/backend` are ignored. */
export function parseProvidersCompareParam(value: string): Array<{ provider: string; backend: string }> {
  return value.split(LIST_SEPARATOR).flatMap((entry) => {
    const at = entry.indexOf('/');
    const provider = entry.slice(0, at).trim();
    const backend = entry.slice(at + 1).trim();
    return at > 0 && provider !== '' && backend !== '' ? [{ provider, backend }] : [];
  });
}
