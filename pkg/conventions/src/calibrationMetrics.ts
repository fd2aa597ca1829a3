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
    help: 'Gate error per gate and qubit tuple (uncalibrated sentinel values are not exported).',
    labels: [L.provider, L.backend, L.gate, L.qubits],
    emitter: 'calibration-exporter',
  },
  gateDuration: {
    name: 'hybrid_calibration_gate_duration_seconds',
    type: 'gauge',
    unit: 'seconds',
    help: 'Gate duration per gate and qubit tuple.',
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
    help: 'Calibration sources that could not be read or parsed, by source.',
    labels: [L.source],
    emitter: 'calibration-exporter',
  },
});

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
} as const;
