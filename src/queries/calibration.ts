import {
  CALIBRATION_LOOKBACK,
  CALIBRATION_DRIFT,
  CALIBRATION_METRIC as M,
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
  LABEL,
  QUBIT_MAP_METRIC,
  type QubitMapMetric,
  calibrationDriftSeries,
  eq,
  promString,
  range,
  selector,
} from '@hybridlens/conventions';

/**
 * Every PromQL the backend page runs on calibration series. The calibration in force at an instant is the last
 * sample within the contract's CALIBRATION_LOOKBACK (a scrape gap of a few minutes must not blank the map).
 */

/** One backend, by its canonical ids (case kept). */
export interface BackendRef {
  provider: string;
  backend: string;
}

export const COUPLER_KEY = [LABEL.provider, LABEL.backend, LABEL.gate, LABEL.qubits].join(', ');

export function backendMatchers(b: BackendRef): string[] {
  return [eq(LABEL.provider, b.provider), eq(LABEL.backend, b.backend)];
}

/** The last value of a series within the lookback: what the exporter served at the query's instant. */
export function lastValue(metric: string, matchers: readonly string[]): string {
  return `last_over_time(${range(selector(metric, matchers), CALIBRATION_LOOKBACK)})`;
}

/** Tags a vector with `quantity="<value>"`, so several quantities travel in one query and stay apart. */
export function asQuantity(expr: string, quantity: CalibrationQuantity): string {
  return `label_replace(${expr}, ${promString(LABEL.quantity)}, ${promString(quantity)}, ${promString('__name__')}, ${promString('.*')})`;
}

/** The per-qubit metric of each colour the map offers. */
export const QUBIT_METRIC_SERIES: Readonly<Record<QubitMapMetric, string>> = {
  [QUBIT_MAP_METRIC.t1]: M.qubitT1.name,
  [QUBIT_MAP_METRIC.t2]: M.qubitT2.name,
  [QUBIT_MAP_METRIC.readoutError]: M.qubitReadoutError.name,
  [QUBIT_MAP_METRIC.oneQubitError]: M.qubit1qError.name,
};

/** The backend median of each quantity. */
export const MEDIAN_SERIES: Readonly<Record<CalibrationQuantity, string>> = {
  [CALIBRATION_QUANTITY.t1]: M.medianT1.name,
  [CALIBRATION_QUANTITY.t2]: M.medianT2.name,
  [CALIBRATION_QUANTITY.readoutError]: M.medianReadoutError.name,
  [CALIBRATION_QUANTITY.oneQubitError]: M.median1qError.name,
  [CALIBRATION_QUANTITY.twoQubitError]: M.median2qError.name,
};

const QUBIT_METRICS = Object.entries(QUBIT_METRIC_SERIES) as Array<[QubitMapMetric, string]>;

/** One series per qubit of the device, with its map coordinates (`x`, `y`), calibrated or not. */
export function qubitLayout(b: BackendRef): string {
  return lastValue(M.qubitLayout.name, backendMatchers(b));
}

/** One series per coupling-map edge (`gate`, `qubits`), calibrated or not. */
export function couplers(b: BackendRef): string {
  return lastValue(M.couplerInfo.name, backendMatchers(b));
}

/** T1, T2, readout and 1q error of every qubit that has them, one query, told apart by `quantity`. */
export function qubitValues(b: BackendRef): string {
  return QUBIT_METRICS.map(([q, metric]) => asQuantity(lastValue(metric, backendMatchers(b)), q)).join(' or ');
}

/** The native 2q gate's error on each coupler (the calibrated ones). */
export function couplerErrors(b: BackendRef): string {
  return `${lastValue(M.gateError.name, backendMatchers(b))} and on (${COUPLER_KEY}) ${couplers(b)}`;
}

/** Couplers the provider reports with its uncalibrated sentinel (IBM error 1.0, Rigetti fidelity 0.5). */
export function couplersUncalibrated(b: BackendRef): string {
  return `${lastValue(M.gateUncalibrated.name, backendMatchers(b))} and on (${COUPLER_KEY}) ${couplers(b)}`;
}

/**
 * Qubits whose native 1q gate the provider reports with its uncalibrated sentinel (IBM error 1.0): the gate's
 * `qubits` label is the one qubit. The exporter leaves the sentinel out of the 1q error series, so without this
 * the qubit would read as never measured.
 */
export function qubitsUncalibrated(b: BackendRef): string {
  const native1q = `label_replace(${deviceInfo(b)}, ${promString(LABEL.gate)}, "$1", ${promString(LABEL.native1qGate)}, "(.+)")`;
  return `${lastValue(M.gateUncalibrated.name, backendMatchers(b))} and on (${LABEL.provider}, ${LABEL.backend}, ${LABEL.gate}) ${native1q}`;
}

/** When each per-qubit value was measured (`quantity`), where the source dates values (IBM, IQM). */
export function qubitMeasuredAt(b: BackendRef): string {
  return lastValue(M.qubitMeasuredAt.name, backendMatchers(b));
}

/** When each coupler's 2q error was measured, where the source dates values. */
export function couplerMeasuredAt(b: BackendRef): string {
  return lastValue(M.couplerMeasuredAt.name, backendMatchers(b));
}

/** Standard errors of per-qubit values (`quantity`), where the provider publishes them. */
export function qubitStderr(b: BackendRef): string {
  return `${lastValue(M.qubitTimeStderr.name, backendMatchers(b))} or ${lastValue(M.qubitErrorStderr.name, backendMatchers(b))}`;
}

/** Standard error of each coupler's 2q error, where published. */
export function couplerStderr(b: BackendRef): string {
  return lastValue(M.couplerErrorStderr.name, backendMatchers(b));
}

/** Each qubit value against its own rolling 7-day median (recorded by the drift rules), by `quantity`. */
export function qubitDrift(b: BackendRef): string {
  return QUBIT_METRICS.map(([q, metric]) =>
    asQuantity(lastValue(calibrationDriftSeries(metric).ratioToMedian7d, backendMatchers(b)), q)
  ).join(' or ');
}

/** Each coupler's 2q error against its own rolling 7-day median. */
export function couplerDrift(b: BackendRef): string {
  return lastValue(calibrationDriftSeries(CALIBRATION_DRIFT.couplerTwoQubitError).ratioToMedian7d, backendMatchers(b));
}

/** Static facts of the device: vendor, layout kind, native gates, QPU version. */
export function deviceInfo(b: BackendRef): string {
  return lastValue(M.deviceInfo.name, backendMatchers(b));
}

/** Calibration version and processor family. */
export function calibrationInfo(b: BackendRef): string {
  return lastValue(M.info.name, backendMatchers(b));
}

/** Unix time of the calibration served. */
export function calibratedAt(b: BackendRef): string {
  return lastValue(M.calibratedAt.name, backendMatchers(b));
}

/** The provider's usual time between calibrations of the backend. */
export function expectedInterval(b: BackendRef): string {
  return lastValue(M.expectedInterval.name, backendMatchers(b));
}

/** How long the exporter has failed to read the source (0 while it reads good). */
export function lastGoodAge(b: BackendRef): string {
  return lastValue(M.lastGoodAge.name, backendMatchers(b));
}

/** The five backend medians, one query, told apart by `quantity`. */
export function backendMedians(b: BackendRef): string {
  return (Object.entries(MEDIAN_SERIES) as Array<[CalibrationQuantity, string]>)
    .map(([q, metric]) => asQuantity(lastValue(metric, backendMatchers(b)), q))
    .join(' or ');
}

/** The backend medians against their own rolling 7-day medians, by `quantity`. */
export function backendMedianDrift(b: BackendRef): string {
  return (Object.entries(MEDIAN_SERIES) as Array<[CalibrationQuantity, string]>)
    .map(([q, metric]) => asQuantity(lastValue(calibrationDriftSeries(metric).ratioToMedian7d, backendMatchers(b)), q))
    .join(' or ');
}

/** How many values of each quantity each measurement method produced (`quantity`, `method`). */
export function methodValues(b: BackendRef): string {
  return lastValue(M.methodValues.name, backendMatchers(b));
}

/** Qubits present in the calibration. */
export function qubitCount(b: BackendRef): string {
  return lastValue(M.qubitCount.name, backendMatchers(b));
}

/** Gates reported with the provider's uncalibrated sentinel. */
export function uncalibratedGates(b: BackendRef): string {
  return lastValue(M.uncalibratedGates.name, backendMatchers(b));
}

/** Values dropped or refused by the exporter for this backend over the time range, by field and reason. */
export function droppedValues(b: BackendRef): string {
  return `sum by (${LABEL.field}, ${LABEL.reason}) (increase(${range(selector(M.ingestErrors.name, backendMatchers(b)), '$__range')}))`;
}
