/**
 * The one calibration model every provider format is normalized into.
 * SI units throughout (seconds, ratios 0..1). A number the source does not give is `null`, never 0 or NaN.
 */

export type Provider = 'ibm' | 'braket' | 'google' | 'azure' | 'iqm';

/** Qubit ids are integers where the provider numbers its qubits, strings otherwise (Google grid "3_2"). */
export type QubitId = number | string;

export type QubitFlag = 'missing_t1' | 'missing_t2' | 'missing_readout' | 'not_operational';

export type GateFlag = 'uncalibrated' | 'virtual' | 'not_operational';

export type GateKind = '1q' | '2q' | 'other';

export interface QubitCalibration {
  qubit: QubitId;
  t1Seconds: number | null;
  t2Seconds: number | null;
  readoutError: number | null;
  flags: QubitFlag[];
}

export interface GateCalibration {
  gate: string;
  qubits: QubitId[];
  /** Error per gate, 0..1; null when missing or when the source gave an uncalibrated sentinel. */
  error: number | null;
  durationSeconds: number | null;
  flags: GateFlag[];
  kind: GateKind;
  /** The native gate the summary's 1q / 2q median is taken over. */
  native: boolean;
}

export interface CalibrationSummary {
  qubitCount: number | null;
  medianT1Seconds: number | null;
  medianT2Seconds: number | null;
  medianReadoutError: number | null;
  median1qError: number | null;
  median2qError: number | null;
  uncalibratedGates: number;
  qubitsMissingT1: number;
}

/** Provider target status (Azure Quantum providerStatus); null for sources without one. */
export interface TargetAvailability {
  /** The provider's own state name, e.g. Available, Degraded, Unavailable. */
  status: string;
  available: boolean;
  averageQueueSeconds: number | null;
}

export interface BackendCalibration {
  provider: Provider;
  backend: string;
  /** ISO 8601 (UTC) or null when the source has no timestamp. */
  calibratedAt: string | null;
  /** Calibration id where the provider has one; otherwise calibratedAt; otherwise a content hash. */
  calibrationVersion: string;
  processorFamily: string | null;
  /** Hardware vendor behind an aggregator (Braket: iqm, rigetti, ionq; Azure: the target's provider id). */
  vendor: string | null;
  /** Source format id, e.g. ibm.backend_properties, braket.standardized.v1. */
  format: string;
  /** The file (or live source) the calibration was read from. */
  source: string;
  qubits: QubitCalibration[];
  gates: GateCalibration[];
  summary: CalibrationSummary;
  availability: TargetAvailability | null;
  /** Extra configuration facts (coupling map, basis gates) when the source has them. */
  configuration: { basisGates: string[] | null; couplingMap: QubitId[][] | null } | null;
}
