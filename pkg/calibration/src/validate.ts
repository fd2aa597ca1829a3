import {
  CALIBRATION_FIELD,
  CALIBRATION_INGEST_REASON,
  calibrationQubitsLabel,
  type CalibrationField,
} from '@hybridlens/conventions';
import type { BackendCalibration, GateCalibration, QubitCalibration, QubitValueFacts, ValueIssue } from './model';
import { summarize } from './summary';

const DAY_SECONDS = 86_400;

/**
 * The valid range of every physical quantity. A value outside it is impossible (a unit slip, a corrupt export),
 * so it is dropped (null), flagged `out_of_range`, counted and warned about once; the rest of the snapshot is kept.
 */
export const VALID_RANGE = {
  /** Errors and error rates: 1 − fidelity, a probability. */
  error: { min: 0, max: 1, unit: '' },
  /**
   * T1 and T2: positive and at most a day. Trapped-ion T1 is quoted in seconds to hours of idle time; nothing
   * measured on a calibration cycle is longer than the cycle itself.
   */
  coherenceSeconds: { min: 0, minExclusive: true, max: DAY_SECONDS, unit: 's' },
  /** Gate durations: 0 for virtual gates, at most a second (the slowest trapped-ion gates take about a millisecond). */
  gateDurationSeconds: { min: 0, max: 1, unit: 's' },
  /** Average queue time a provider reports: non-negative, at most 30 days. */
  queueSeconds: { min: 0, max: 30 * DAY_SECONDS, unit: 's' },
  /** Qubit counts: whole numbers. */
  qubitCount: { min: 0, max: 100_000, unit: '', integer: true },
  /** Measurement times: 2000-01-01 to 2100-01-01 (a time outside is a unit slip, e.g. milliseconds read as seconds). */
  timestampSeconds: { min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000, unit: 's' },
} as const;

interface Range {
  min: number;
  max: number;
  unit: string;
  minExclusive?: boolean;
  integer?: boolean;
}

function inRange(value: number, range: Range): boolean {
  if (!Number.isFinite(value) || value > range.max || value < range.min) {
    return false;
  }
  if (range.minExclusive && value === range.min) {
    return false;
  }
  return !range.integer || Number.isInteger(value);
}

function describeRange(range: Range): string {
  const low = range.minExclusive ? `(${range.min}` : `[${range.min}`;
  return `${low}, ${range.max}]${range.unit ? ` ${range.unit}` : ''}${range.integer ? ', whole numbers' : ''}`;
}

/** Standard errors: non-negative and no larger than the range of the value they qualify. */
function stderrRange(range: Range): Range {
  return { min: 0, max: range.max, unit: range.unit };
}

class IssueLog {
  readonly issues: ValueIssue[] = [];

  constructor(private readonly source: string) {}

  add(reason: ValueIssue['reason'], field: CalibrationField, target: string, problem: string): void {
    this.issues.push({ reason, field, target, message: `${this.source}: ${target}: ${field}: ${problem}` });
  }

  /** The value if it is in range; otherwise null, with the issue recorded (the target named only then). */
  check<T>(
    value: number | null | undefined,
    range: Range,
    field: CalibrationField,
    target: string | ((of: T) => string),
    of?: T
  ): number | null {
    if (value === null || value === undefined) {
      return null;
    }
    if (inRange(value, range)) {
      return value;
    }
    this.add(
      CALIBRATION_INGEST_REASON.outOfRange,
      field,
      typeof target === 'string' ? target : target(of as T),
      `${value} is outside the valid range ${describeRange(range)}; dropped`
    );
    return null;
  }
}

const isEmptyId = (id: unknown) => id === null || id === undefined || (typeof id === 'string' && id.trim() === '');

const qubitTarget = (q: QubitCalibration) => `qubit ${q.qubit}`;
const gateTarget = (g: GateCalibration) => `${g.gate} ${calibrationQubitsLabel(g.qubits)}`;

function checkFacts(
  facts: QubitValueFacts | undefined,
  log: IssueLog,
  q: QubitCalibration,
  ranges: { t1: Range; t2: Range; readoutError: Range },
  field: (key: keyof QubitValueFacts) => CalibrationField
): QubitValueFacts | undefined {
  if (!facts) {
    return undefined;
  }
  const out: QubitValueFacts = {};
  for (const key of ['t1', 't2', 'readoutError'] as const) {
    const value = log.check(facts[key], ranges[key], field(key), qubitTarget, q);
    if (value !== null) {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function validateQubit(q: QubitCalibration, log: IssueLog): QubitCalibration {
  const flags = [...q.flags];
  const drop = (value: number | null, range: Range, field: CalibrationField, missing: QubitCalibration['flags'][0]) => {
    const kept = log.check(value, range, field, qubitTarget, q);
    if (value !== null && kept === null) {
      flags.push('out_of_range');
      if (!flags.includes(missing)) {
        flags.push(missing);
      }
    }
    return kept;
  };
  const t1Seconds = drop(q.t1Seconds, VALID_RANGE.coherenceSeconds, CALIBRATION_FIELD.t1, 'missing_t1');
  const t2Seconds = drop(q.t2Seconds, VALID_RANGE.coherenceSeconds, CALIBRATION_FIELD.t2, 'missing_t2');
  const readoutError = drop(q.readoutError, VALID_RANGE.error, CALIBRATION_FIELD.readoutError, 'missing_readout');
  const times = {
    t1: VALID_RANGE.timestampSeconds,
    t2: VALID_RANGE.timestampSeconds,
    readoutError: VALID_RANGE.timestampSeconds,
  };
  const measuredAt = checkFacts(q.measuredAt, log, q, times, () => CALIBRATION_FIELD.timestamp);
  const stderr = checkFacts(
    q.stderr,
    log,
    q,
    {
      t1: stderrRange(VALID_RANGE.coherenceSeconds),
      t2: stderrRange(VALID_RANGE.coherenceSeconds),
      readoutError: stderrRange(VALID_RANGE.error),
    },
    () => CALIBRATION_FIELD.stderr
  );
  const out: QubitCalibration = {
    qubit: q.qubit,
    t1Seconds,
    t2Seconds,
    readoutError,
    flags: flags.length === q.flags.length ? flags : [...new Set(flags)],
  };
  if (measuredAt) {
    out.measuredAt = measuredAt;
  }
  if (stderr) {
    out.stderr = stderr;
  }
  return out;
}

function validateGate(g: GateCalibration, log: IssueLog): GateCalibration {
  const flags = [...g.flags];
  const error = log.check(g.error, VALID_RANGE.error, CALIBRATION_FIELD.gateError, gateTarget, g);
  if (g.error !== null && error === null) {
    flags.push('out_of_range');
  }
  const durationSeconds = log.check(
    g.durationSeconds,
    VALID_RANGE.gateDurationSeconds,
    CALIBRATION_FIELD.gateDuration,
    gateTarget,
    g
  );
  if (g.durationSeconds !== null && durationSeconds === null && !flags.includes('out_of_range')) {
    flags.push('out_of_range');
  }
  const out: GateCalibration = {
    gate: g.gate,
    qubits: g.qubits,
    error,
    durationSeconds,
    flags,
    kind: g.kind,
    native: g.native,
  };
  const measuredAt = log.check(g.measuredAt, VALID_RANGE.timestampSeconds, CALIBRATION_FIELD.timestamp, gateTarget, g);
  const errorStderr = log.check(g.errorStderr, stderrRange(VALID_RANGE.error), CALIBRATION_FIELD.stderr, gateTarget, g);
  if (measuredAt !== null) {
    out.measuredAt = measuredAt;
  }
  if (errorStderr !== null) {
    out.errorStderr = errorStderr;
  }
  if (g.method !== undefined) {
    out.method = g.method;
  }
  return out;
}

/**
 * Drop what a snapshot cannot mean and resolve what it says twice, recording one issue per dropped value:
 * - entries without a target qubit (a phantom `qubit=""`) are dropped (`missing_target`);
 * - a qubit id listed twice (also `1` and `"01"`, `q3_2` and `3_2`, which normalize to the same id), or the same
 *   gate on the same qubits twice: the FIRST entry in document order is kept, later ones dropped (`duplicate`);
 * - a two-qubit entry on one qubit twice (`3-3`) is dropped (`out_of_range`, field coupler);
 * - every value outside {@link VALID_RANGE} becomes null (`out_of_range`, field named).
 * The summary is recomputed from what is kept.
 */
export function validateBackend(b: BackendCalibration): BackendCalibration {
  const log = new IssueLog(b.source);
  const qubits: QubitCalibration[] = [];
  const seenQubits = new Set<string>();
  for (const q of b.qubits) {
    if (isEmptyId(q.qubit)) {
      log.add(
        CALIBRATION_INGEST_REASON.missingTarget,
        CALIBRATION_FIELD.qubit,
        'qubit ""',
        'entry has no qubit; dropped'
      );
      continue;
    }
    const key = String(q.qubit);
    if (seenQubits.has(key)) {
      log.add(
        CALIBRATION_INGEST_REASON.duplicate,
        CALIBRATION_FIELD.qubit,
        `qubit ${key}`,
        'listed more than once; the first entry is kept'
      );
      continue;
    }
    seenQubits.add(key);
    qubits.push(validateQubit(q, log));
  }
  const gates: GateCalibration[] = [];
  const seenGates = new Set<string>();
  for (const g of b.gates) {
    const field = g.kind === '2q' ? CALIBRATION_FIELD.coupler : CALIBRATION_FIELD.gate;
    if (g.qubits.length === 0 || g.qubits.some(isEmptyId)) {
      log.add(CALIBRATION_INGEST_REASON.missingTarget, field, gateTarget(g), 'entry has no target qubit; dropped');
      continue;
    }
    const key = `${g.gate}|${g.qubits.join('|')}`;
    if (g.qubits.length > 1 && new Set(g.qubits.map(String)).size !== g.qubits.length) {
      log.add(CALIBRATION_INGEST_REASON.outOfRange, field, gateTarget(g), 'acts on the same qubit twice; dropped');
      continue;
    }
    if (seenGates.has(key)) {
      log.add(
        CALIBRATION_INGEST_REASON.duplicate,
        CALIBRATION_FIELD.gate,
        gateTarget(g),
        'listed more than once; the first entry is kept'
      );
      continue;
    }
    seenGates.add(key);
    gates.push(validateGate(g, log));
  }
  const device = b.deviceLevel ? { ...b.deviceLevel } : undefined;
  if (device) {
    const target = 'device';
    device.qubitCount = log.check(device.qubitCount, VALID_RANGE.qubitCount, CALIBRATION_FIELD.qubitCount, target);
    device.t1Seconds = log.check(device.t1Seconds, VALID_RANGE.coherenceSeconds, CALIBRATION_FIELD.t1, target);
    device.t2Seconds = log.check(device.t2Seconds, VALID_RANGE.coherenceSeconds, CALIBRATION_FIELD.t2, target);
    device.readoutError = log.check(device.readoutError, VALID_RANGE.error, CALIBRATION_FIELD.readoutError, target);
    device.error1q = log.check(device.error1q, VALID_RANGE.error, CALIBRATION_FIELD.gateError, target);
    device.error2q = log.check(device.error2q, VALID_RANGE.error, CALIBRATION_FIELD.gateError, target);
  }
  let availability = b.availability;
  if (availability) {
    const queue = log.check(
      availability.averageQueueSeconds,
      VALID_RANGE.queueSeconds,
      CALIBRATION_FIELD.queueTime,
      'target'
    );
    availability = { ...availability, averageQueueSeconds: queue };
  }
  let calibratedAt = b.calibratedAt;
  if (calibratedAt !== null) {
    const seconds = log.check(
      Date.parse(calibratedAt) / 1000,
      VALID_RANGE.timestampSeconds,
      CALIBRATION_FIELD.timestamp,
      'calibration'
    );
    calibratedAt = seconds === null ? null : calibratedAt;
  }
  return {
    ...b,
    calibratedAt,
    calibrationVersion: b.calibrationVersion,
    qubits,
    gates,
    availability,
    ...(device ? { deviceLevel: device } : {}),
    summary: summarize(qubits, gates, device),
    issues: [...(b.issues ?? []), ...log.issues],
  };
}
