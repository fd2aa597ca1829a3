export * from './model';
export { CalibrationInputError } from './errors';
export { parseDocument, type ParsedDocument } from './detect';
export { normalizeFiles, normalizeTexts, type NormalizeResult } from './normalize';
export { validateBackend, VALID_RANGE } from './validate';
export { readSnapshotFile, DEFAULT_MAX_FILE_BYTES } from './files';
export { toOutputJson } from './output';
export { median, isSentinelError } from './summary';
export { deviceView, type DeviceView, type Coupler } from './device';
export { computeLayout, type DeviceLayout } from './layout/layout';
export { Graph } from './layout/graph';
export {
  renderExposition,
  renderGauges,
  backendSamples,
  type BackendContext,
  type IngestErrorCount,
  type IngestErrorLabels,
} from './exposition';
export { renderOpenMetricsHistory, writeOpenMetricsHistory, type HistoryOptions, type DatedSnapshot } from './history';
export { expectedIntervalSeconds, DEFAULT_CADENCE_SECONDS } from './cadence';
export { CalibrationState } from './state';
export { DirectorySource } from './directorySource';
export {
  startExporter,
  DEFAULT_PORT,
  DEFAULT_SNAPSHOT_DIR,
  MAX_REQUEST_BODY_BYTES,
  type ExporterOptions,
  type RunningExporter,
} from './server';
export { backfill, type BackfillOptions, type BackfillResult } from './backfill';
export { driftRuleGroups, driftRulesYaml, DRIFT_RULES_FILE, DRIFT_RULES_HEADER } from './rules';
export { fetchIbm, ibmOptionsFromEnv, type IbmLiveOptions } from './live/ibm';
export { fetchBraket } from './live/braket';
export { braketOptionsFromEnv, type BraketLiveOptions } from './live/braketOptions';
export { Poller, nextPollDelayMs, parseRetryAfter, LIVE_INTERVAL_FLOOR_MS } from './live/poller';
export { main as runCalibrationCli, CALIBRATION_CLI } from './cli';
