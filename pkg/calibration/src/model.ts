/**
 * The one calibration model every provider format is normalized into.
 * SI units throughout (seconds, ratios 0..1). A number the source does not give is `null`, never 0 or NaN.
 */
import type { CalibrationField, CalibrationIngestReason, CalibrationMethod } from '@hybridlens/conventions';

export type Provider = 'ibm' | 'braket' | 'google' | 'azure' | 'iqm';

/** Qubit ids are integers where the provider numbers its qubits, strings otherwise (Google grid "3_2"). */
export type QubitId = number | string;

export type QubitFlag = 'missing_t1' | 'missing_t2' | 'missing_readout' | 'not_operational' | 'out_of_range';

export type GateFlag = 'uncalibrated' | 'virtual' | 'not_operational' | 'out_of_range';

export type GateKind = '1q' | '2q' | 'other';

/** The per-qubit quantities that can carry their own measurement time and standard error. */
export interface QubitValueFacts {
  t1?: number;
  t2?: number;
  readoutError?: number;
}

export interface QubitCalibration {
  qubit: QubitId;
  t1Seconds: number | null;
  t2Seconds: number | null;
  readoutError: number | null;
  flags: QubitFlag[];
  /** Unix seconds each value was measured, where the source dates values (IBM, IQM). */
  measuredAt?: QubitValueFacts;
  /** Standard error of each value, in the value's unit, where the provider publishes one (Braket, IQM). */
  stderr?: QubitValueFacts;
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
  /** Unix seconds the error was measured, where the source dates values. */
  measuredAt?: number;
  /** Standard error of the error, where published. */
  errorStderr?: number;
  /** How the error was measured, where the provider says. */
  method?: CalibrationMethod;
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

/** The device's connectivity as the source states it, besides the pairs its 2q gates act on. */
export interface Connectivity {
  /** Coupled pairs from an explicit coupling map (IBM configuration, Braket connectivity graph, Rigetti specs). */
  edges: Array<[QubitId, QubitId]>;
  /** Qubits the coupling map names (some may have no calibration). */
  qubits: QubitId[];
  /** The provider says every pair is coupled (trapped ions). */
  fullyConnected: boolean;
}

/** A value or entry the normalizer refused (dropped, or resolved as a duplicate), for counting and one warning. */
export interface ValueIssue {
  reason: CalibrationIngestReason;
  field: CalibrationField;
  /** The qubit or gate the value belongs to, as written in a warning ("qubit 3", "ecr 0-1"). */
  target: string;
  message: string;
}

/** Device-level values (sources without per-qubit data, such as IonQ): the summary falls back on them. */
export interface DeviceLevelValues {
  qubitCount?: number | null;
  t1Seconds?: number | null;
  t2Seconds?: number | null;
  readoutError?: number | null;
  error1q?: number | null;
  error2q?: number | null;
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
  /** Explicit connectivity where the source has it (null: only the 2q gates tell). */
  connectivity?: Connectivity | null;
  /** The QPU's own version where the provider publishes one (IBM backend_version). */
  backendVersion?: string | null;
  /** Device-level values the summary falls back on where the per-qubit and per-gate lists give none. */
  deviceLevel?: DeviceLevelValues;
  /** Values dropped and duplicates resolved while normalizing (counted by the exporter, warned once). */
  issues?: ValueIssue[];
}
