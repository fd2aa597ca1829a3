export * from './model';
export { CalibrationInputError } from './errors';
export { parseDocument, type ParsedDocument } from './detect';
export { normalizeFiles, normalizeTexts, type NormalizeResult } from './normalize';
export { toOutputJson } from './output';
export { median, isSentinelError } from './summary';
export { renderExposition, renderOpenMetricsHistory, backendSamples, type HistoryOptions } from './exposition';
export {
  startExporter,
  DEFAULT_PORT,
  DEFAULT_SNAPSHOT_DIR,
  type ExporterOptions,
  type RunningExporter,
} from './server';
export { backfill, type BackfillOptions, type BackfillResult } from './backfill';
export { fetchIbm, ibmOptionsFromEnv, type IbmLiveOptions } from './live/ibm';
export { fetchBraket } from './live/braket';
export { braketOptionsFromEnv, type BraketLiveOptions } from './live/braketOptions';
