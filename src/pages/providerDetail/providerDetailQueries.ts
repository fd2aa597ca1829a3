import * as calibration from '../../queries/calibration';
import type { BackendRef } from '../../queries/calibration';

/** RefIds of the backend page's snapshot runner (instant queries at the end of the time range). */
export const SNAPSHOT = {
  layout: 'layout',
  couplers: 'couplers',
  qubitValues: 'qubitValues',
  couplerErrors: 'couplerErrors',
  couplersUncalibrated: 'couplersUncalibrated',
  qubitsUncalibrated: 'qubitsUncalibrated',
  qubitMeasuredAt: 'qubitMeasuredAt',
  couplerMeasuredAt: 'couplerMeasuredAt',
  qubitStderr: 'qubitStderr',
  couplerStderr: 'couplerStderr',
  qubitDrift: 'qubitDrift',
  couplerDrift: 'couplerDrift',
  deviceInfo: 'deviceInfo',
  calibrationInfo: 'calibrationInfo',
  calibratedAt: 'calibratedAt',
  expectedInterval: 'expectedInterval',
  lastGoodAge: 'lastGoodAge',
  medians: 'medians',
  medianDrift: 'medianDrift',
  methods: 'methods',
  qubitCount: 'qubitCount',
  uncalibratedGates: 'uncalibratedGates',
  dropped: 'dropped',
} as const;

type SnapshotRefId = (typeof SNAPSHOT)[keyof typeof SNAPSHOT];

/** The PromQL behind each refId of the snapshot runner. */
export function snapshotQueries(b: BackendRef): Record<SnapshotRefId, string> {
  return {
    [SNAPSHOT.layout]: calibration.qubitLayout(b),
    [SNAPSHOT.couplers]: calibration.couplers(b),
    [SNAPSHOT.qubitValues]: calibration.qubitValues(b),
    [SNAPSHOT.couplerErrors]: calibration.couplerErrors(b),
    [SNAPSHOT.couplersUncalibrated]: calibration.couplersUncalibrated(b),
    [SNAPSHOT.qubitsUncalibrated]: calibration.qubitsUncalibrated(b),
    [SNAPSHOT.qubitMeasuredAt]: calibration.qubitMeasuredAt(b),
    [SNAPSHOT.couplerMeasuredAt]: calibration.couplerMeasuredAt(b),
    [SNAPSHOT.qubitStderr]: calibration.qubitStderr(b),
    [SNAPSHOT.couplerStderr]: calibration.couplerStderr(b),
    [SNAPSHOT.qubitDrift]: calibration.qubitDrift(b),
    [SNAPSHOT.couplerDrift]: calibration.couplerDrift(b),
    [SNAPSHOT.deviceInfo]: calibration.deviceInfo(b),
    [SNAPSHOT.calibrationInfo]: calibration.calibrationInfo(b),
    [SNAPSHOT.calibratedAt]: calibration.calibratedAt(b),
    [SNAPSHOT.expectedInterval]: calibration.expectedInterval(b),
    [SNAPSHOT.lastGoodAge]: calibration.lastGoodAge(b),
    [SNAPSHOT.medians]: calibration.backendMedians(b),
    [SNAPSHOT.medianDrift]: calibration.backendMedianDrift(b),
    [SNAPSHOT.methods]: calibration.methodValues(b),
    [SNAPSHOT.qubitCount]: calibration.qubitCount(b),
    [SNAPSHOT.uncalibratedGates]: calibration.uncalibratedGates(b),
    [SNAPSHOT.dropped]: calibration.droppedValues(b),
  };
}
