import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import type { BackendRef } from '../../queries/calibration';
import { snapshotQueries } from './providerDetailQueries';

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
