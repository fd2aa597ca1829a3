import { LABEL as L } from './labels';
import { defineMetrics } from './metricTypes';

/** Metrics exposed by the calibration exporter (@hybridlens/calibration). */
export const CALIBRATION_METRIC = defineMetrics({
  qubitT1: {
    name: 'hybrid_calibration_qubit_t1_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Qubit energy-relaxation time T1.',
    labels: [L.provider, L.backend, L.qubit],
    emitter: 'calibration-exporter',
  },
  qubitT2: {
    name: 'hybrid_calibration_qubit_t2_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Qubit dephasing time T2.',
    labels: [L.provider, L.backend, L.qubit],
    emitter: 'calibration-exporter',
  },
  qubitReadoutError: {
    name: 'hybrid_calibration_qubit_readout_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Qubit readout (measurement assignment) error.',
    labels: [L.provider, L.backend, L.qubit],
    emitter: 'calibration-exporter',
  },
  gateError: {
    name: 'hybrid_calibration_gate_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Gate error per gate and qubit tuple (uncalibrated sentinels and virtual frame-change gates are not exported).',
    labels: [L.provider, L.backend, L.gate, L.qubits],
    emitter: 'calibration-exporter',
  },
  gateDuration: {
    name: 'hybrid_calibration_gate_duration_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Gate duration per gate and qubit tuple (virtual frame-change gates are not exported).',
    labels: [L.provider, L.backend, L.gate, L.qubits],
    emitter: 'calibration-exporter',
  },
  medianT1: {
    name: 'hybrid_calibration_backend_median_t1_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Median T1 over the qubits that report one.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  medianT2: {
    name: 'hybrid_calibration_backend_median_t2_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Median T2 over the qubits that report one.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  medianReadoutError: {
    name: 'hybrid_calibration_backend_median_readout_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Median readout error of the backend.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  median1qError: {
    name: 'hybrid_calibration_backend_median_1q_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Median error of the native single-qubit gate, uncalibrated gates excluded.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  median2qError: {
    name: 'hybrid_calibration_backend_median_2q_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Median error of the native two-qubit gate, uncalibrated gates excluded.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  qubitCount: {
    name: 'hybrid_calibration_backend_qubits',
    type: 'gauge',
    unit: 'qubits',
    help: 'Qubits present in the latest calibration.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  uncalibratedGates: {
    name: 'hybrid_calibration_backend_uncalibrated_gates',
    type: 'gauge',
    unit: 'gates',
    help: 'Gates reported with sentinel values (uncalibrated).',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  qubitsMissingT1: {
    name: 'hybrid_calibration_backend_qubits_missing_t1',
    type: 'gauge',
    unit: 'qubits',
    help: 'Qubits of the backend without a T1 value.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  calibratedAt: {
    name: 'hybrid_calibration_timestamp_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Unix time of the calibration the exporter serves (absent when the source has no timestamp).',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  info: {
    name: 'hybrid_calibration_info',
    type: 'gauge',
    unit: '1',
    help: 'Always 1; carries the calibration version and processor family as labels.',
    labels: [L.provider, L.backend, L.calibrationVersion, L.processorFamily],
    emitter: 'calibration-exporter',
  },
  targetAvailable: {
    name: 'hybrid_provider_target_available',
    type: 'gauge',
    unit: '1',
    help: 'Provider target availability (1 available, 0 degraded or unavailable), e.g. Azure Quantum target status.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  targetQueueTime: {
    name: 'hybrid_provider_target_average_queue_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Average queue time the provider reports for a target.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  ingestErrors: {
    name: 'hybrid_calibration_ingest_errors_total',
    type: 'counter',
    unit: '1',
    help:
      'Calibration input refused or dropped, counted once per version of a source: whole sources by source and reason; ' +
      'dropped values also by provider, backend and field (see CALIBRATION_INGEST_REASON, CALIBRATION_FIELD).',
    labels: [L.source, L.reason, L.provider, L.backend, L.field],
    emitter: 'calibration-exporter',
  },
  lastGoodAge: {
    name: 'hybrid_calibration_last_good_snapshot_age_seconds',
    type: 'gauge',
    unit: 'seconds',
    help:
      'How long the source of the served calibration has failed to read good: 0 while it reads good; while it fails, ' +
      'the last good snapshot stays served and this grows from the first failure.',
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  expectedInterval: {
    name: 'hybrid_calibration_expected_interval_seconds',
    type: 'gauge',
    unit: 'seconds',
    help:
      "The provider's usual time between calibrations of the backend (median interval of the snapshots seen, else the " +
      "exporter's default or --cadence): stale when time() - timestamp exceeds it by a margin.",
    labels: [L.provider, L.backend],
    emitter: 'calibration-exporter',
  },
  deviceInfo: {
    name: 'hybrid_calibration_device_info',
    type: 'gauge',
    unit: '1',
    help:
      'Always 1; static facts of the device: hardware vendor, layout kind of the qubit map (CALIBRATION_LAYOUT), the ' +
      'native 1q and 2q gate names, and the QPU version where the provider publishes one.',
    labels: [L.provider, L.backend, L.vendor, L.layout, L.native1qGate, L.native2qGate, L.backendVersion],
    emitter: 'calibration-exporter',
  },
  qubit1qError: {
    name: 'hybrid_calibration_qubit_1q_error_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Error of the native single-qubit gate on the qubit (1 - fidelity), uncalibrated sentinels not exported.',
    labels: [L.provider, L.backend, L.qubit],
    emitter: 'calibration-exporter',
  },
  qubitLayout: {
    name: 'hybrid_calibration_qubit_layout_info',
    type: 'gauge',
    unit: '1',
    help:
      'Always 1; one series per qubit of the device (with or without calibrated values) carrying its position in the ' +
      'qubit map: x to the right, y downwards, couplers of lattice layouts one unit long.',
    labels: [L.provider, L.backend, L.qubit, L.x, L.y],
    emitter: 'calibration-exporter',
  },
  couplerInfo: {
    name: 'hybrid_calibration_coupler_info',
    type: 'gauge',
    unit: '1',
    help:
      "Always 1; one series per coupling-map edge, also when it has no calibrated value. qubits is in the native 2q gate's " +
      'own order and gate its name, so `gate_error and on(provider, backend, gate, qubits) coupler_info` is the 2q error per coupler.',
    labels: [L.provider, L.backend, L.gate, L.qubits],
    emitter: 'calibration-exporter',
  },
  gateUncalibrated: {
    name: 'hybrid_calibration_gate_uncalibrated',
    type: 'gauge',
    unit: '1',
    help: 'Always 1, present only for gates the provider reports with its uncalibrated sentinel (IBM error 1.0, Rigetti fidelity 0.5).',
    labels: [L.provider, L.backend, L.gate, L.qubits],
    emitter: 'calibration-exporter',
  },
  qubitMeasuredAt: {
    name: 'hybrid_calibration_qubit_measured_timestamp_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Unix time a per-qubit value was measured (quantity: t1, t2, readout_error, 1q_error), where the source dates each value (IBM, IQM).',
    labels: [L.provider, L.backend, L.qubit, L.quantity],
    emitter: 'calibration-exporter',
  },
  couplerMeasuredAt: {
    name: 'hybrid_calibration_coupler_measured_timestamp_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Unix time the 2q error of a coupler was measured, where the source dates each value; qubits as in coupler_info.',
    labels: [L.provider, L.backend, L.qubits],
    emitter: 'calibration-exporter',
  },
  qubitTimeStderr: {
    name: 'hybrid_calibration_qubit_time_stderr_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Standard error of a per-qubit time (quantity: t1, t2), where the provider publishes one (Braket, IQM).',
    labels: [L.provider, L.backend, L.qubit, L.quantity],
    emitter: 'calibration-exporter',
  },
  qubitErrorStderr: {
    name: 'hybrid_calibration_qubit_error_stderr_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Standard error of a per-qubit error (quantity: readout_error, 1q_error), where the provider publishes one.',
    labels: [L.provider, L.backend, L.qubit, L.quantity],
    emitter: 'calibration-exporter',
  },
  couplerErrorStderr: {
    name: 'hybrid_calibration_coupler_error_stderr_ratio',
    type: 'gauge',
    unit: 'ratio',
    help: 'Standard error of the 2q error of a coupler, where the provider publishes one; qubits as in coupler_info.',
    labels: [L.provider, L.backend, L.qubits],
    emitter: 'calibration-exporter',
  },
  methodValues: {
    name: 'hybrid_calibration_method_values',
    type: 'gauge',
    unit: '1',
    help: 'How many values of a quantity (1q_error, 2q_error) were measured with a method (CALIBRATION_METHOD), where the provider says.',
    labels: [L.provider, L.backend, L.quantity, L.method],
    emitter: 'calibration-exporter',
  },
});

/** Values of the `reason` label of the ingest-error counter: a bounded set. */
export const CALIBRATION_INGEST_REASON = {
  /** The file or directory cannot be read (permissions, vanished, not a file). */
  unreadable: 'unreadable',
  /** Larger than the exporter's size limit: refused without reading it. */
  tooLarge: 'too_large',
  /** Not JSON: garbage, a binary file, or a file truncated mid-write. */
  invalidJson: 'invalid_json',
  /** JSON that matches no known calibration format. */
  unknownFormat: 'unknown_format',
  /** A known format with a field of the wrong type or shape. */
  invalidField: 'invalid_field',
  /** A value outside its valid range (e.g. an error above 1, a negative time): the value is dropped. */
  outOfRange: 'out_of_range',
  /** A qubit or gate listed twice: the first entry is kept, later ones are dropped. */
  duplicate: 'duplicate',
  /** A per-qubit or per-pair entry with no target qubit: dropped. */
  missingTarget: 'missing_target',
  /** A snapshot with no time (backfill): skipped. */
  noTimestamp: 'no_timestamp',
  /** A provider API request failed (network, HTTP error, bad response). */
  requestFailed: 'request_failed',
  /** A provider API answered 429: polling backs off. */
  rateLimited: 'rate_limited',
} as const;
export type CalibrationIngestReason = (typeof CALIBRATION_INGEST_REASON)[keyof typeof CALIBRATION_INGEST_REASON];

/** Values of the `field` label of the ingest-error counter (which value of the model was dropped). */
export const CALIBRATION_FIELD = {
  t1: 't1',
  t2: 't2',
  readoutError: 'readout_error',
  gateError: 'gate_error',
  gateDuration: 'gate_duration',
  stderr: 'stderr',
  qubit: 'qubit',
  gate: 'gate',
  coupler: 'coupler',
  qubitCount: 'qubit_count',
  queueTime: 'queue_time',
  timestamp: 'timestamp',
} as const;
export type CalibrationField = (typeof CALIBRATION_FIELD)[keyof typeof CALIBRATION_FIELD];

/** Values of the `quantity` label (per-value timestamps, standard errors, measurement methods, drift). */
export const CALIBRATION_QUANTITY = {
  t1: 't1',
  t2: 't2',
  readoutError: 'readout_error',
  oneQubitError: '1q_error',
  twoQubitError: '2q_error',
} as const;
export type CalibrationQuantity = (typeof CALIBRATION_QUANTITY)[keyof typeof CALIBRATION_QUANTITY];

/** Values of the `method` label: how the provider measured a gate error. */
export const CALIBRATION_METHOD = {
  rb: 'rb',
  simultaneousRb: 'simultaneous_rb',
  interleavedRb: 'interleaved_rb',
  simultaneousInterleavedRb: 'simultaneous_interleaved_rb',
  xeb: 'xeb',
  parallelXeb: 'parallel_xeb',
} as const;
export type CalibrationMethod = (typeof CALIBRATION_METHOD)[keyof typeof CALIBRATION_METHOD];

/**
 * Values of the `layout` label of `hybrid_calibration_device_info`: how the qubit map's coordinates were found.
 * Lattice kinds place every coupler one unit long, horizontally or vertically.
 */
export const CALIBRATION_LAYOUT = {
  /** Degree at most 3, no 4-cycles: IBM's heavy-hex families (Falcon 27, Eagle 127, Heron 133/156), brick-wall drawing. */
  heavyHex: 'heavy_hex',
  /** A square lattice (4-cycles): IQM Crystal, Rigetti Ankaa. */
  squareLattice: 'square_lattice',
  /** A coupling map without cycles (a line or a tree), drawn on the grid. */
  tree: 'tree',
  /** Qubit ids carry grid coordinates (Google `row_col`). */
  grid: 'grid',
  /** Every pair coupled (IonQ, Quantinuum): a list, no coupler series. */
  allToAll: 'all_to_all',
  /** Any other coupling map: positions computed from graph distances (stress layout). */
  computed: 'computed',
  /** Qubits without a coupling map: a list. */
  list: 'list',
} as const;
export type CalibrationLayout = (typeof CALIBRATION_LAYOUT)[keyof typeof CALIBRATION_LAYOUT];

/**
 * Drift: each tracked series against its own rolling 7-day median, by recording rules that
 * `hybridlens-calibration rules` generates. The median is recorded hourly over an hourly subsample (168 samples
 * per series), the ratio at the rule evaluation interval; a page flags values more than a factor off (ratio > f or
 * < 1/f) by reading the ratio only.
 */
export const CALIBRATION_DRIFT = {
  windowDays: 7,
  /** The 2q error per coupler (gate_error of the native gate on coupling-map edges), recorded for drift. */
  couplerTwoQubitError: 'calibration:coupler_2q_error_ratio',
} as const;

/** The metrics whose drift is recorded, by the series name the rules read. */
export const CALIBRATION_DRIFT_TRACKED: readonly string[] = [
  CALIBRATION_METRIC.qubitT1.name,
  CALIBRATION_METRIC.qubitT2.name,
  CALIBRATION_METRIC.qubitReadoutError.name,
  CALIBRATION_METRIC.qubit1qError.name,
  CALIBRATION_DRIFT.couplerTwoQubitError,
  CALIBRATION_METRIC.medianT1.name,
  CALIBRATION_METRIC.medianT2.name,
  CALIBRATION_METRIC.medianReadoutError.name,
  CALIBRATION_METRIC.median1qError.name,
  CALIBRATION_METRIC.median2qError.name,
];

/** Recorded drift series of a tracked series: its rolling 7-day median and its ratio to that median. */
export function calibrationDriftSeries(trackedSeries: string): { median7d: string; ratioToMedian7d: string } {
  const base = trackedSeries.replace(/^hybrid_calibration_/, '').replace(/^calibration:/, '');
  return {
    median7d: `calibration:${base}:median_7d`,
    ratioToMedian7d: `calibration:${base}:ratio_to_median_7d`,
  };
}

/** Separator of qubit ids in the `qubits` label of per-gate calibration series ("0-1", Google grid "3_2-4_2"). */
export const CALIBRATION_QUBITS_SEPARATOR = '-';

/** The `qubits` label value for a gate acting on these qubits, in the gate's own order. */
export function calibrationQubitsLabel(qubits: ReadonlyArray<number | string>): string {
  return qubits.join(CALIBRATION_QUBITS_SEPARATOR);
}

/** Values of the `event` log field written by the calibration exporter. */
export const CALIBRATION_LOG_EVENT = {
  ingestFailed: 'calibration_ingest_failed',
  sourceLoaded: 'calibration_source_loaded',
  valueDropped: 'calibration_value_dropped',
  pollBackoff: 'calibration_poll_backoff',
} as const;

/**
 * How far back a reader looks for a backend's calibration at an instant. The exporter's backfill writes one sample
 * per hour, and Prometheus' own 5-minute lookback would find nothing between them: the app's pages and the bundled
 * dashboards read `last_over_time(…[CALIBRATION_LOOKBACK])`. The price: a qubit that drops out of a new snapshot
 * lingers for up to that long.
 */
export const CALIBRATION_LOOKBACK = '1h';
