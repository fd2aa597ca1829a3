import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import * as calibration from '../../queries/calibration';
import type { BackendRef } from '../../queries/calibration';
import { SNAPSHOT } from './snapshot';

type SnapshotRefId = (typeof SNAPSHOT)[keyof typeof SNAPSHOT];

/** The PromQL behind each refId of the snapshot runner. */
export function snapshotQueries(b: BackendRef): Record<SnapshotRefId, string> {
  return {
    [SNAPSHOT.layout]: calibration.qubitLayout(b),
    [SNAPSHOT.couplers]: calibration.couplers(b),
    [SNAPSHOT.qubitValues]: calibration.qubitValues(b),
    [SNAPSHOT.couplerErrors]: calibration.couplerErrors(b),
    [SNAPSHOT.couplersUncalibrated]: calibration.couplersUncalibrated(b),
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

/**
 * The calibration in force at the end of the time range, as instant queries: moving the range replays an older
 * snapshot (time travel), so a job's card can link here at the job's time.
 */
export function buildSnapshotRunner(b: BackendRef): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(snapshotQueries(b)).map(([refId, expr]) => ({ refId, expr, instant: true, range: false })),
  });
}
