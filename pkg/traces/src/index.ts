// The trace model: browser-safe (no Node imports). The app imports it; the CLI (src/cli) wraps it.
export * from './model';
export * from './problems';
export { readTrace, readTraceValue, TraceFormatError, type TraceDocument, type FormatAttempt } from './read/readTrace';
export type { RawTrace } from './read/collector';
export { isRawContentEvent, isRawContentKey } from './read/content';
export { normalizeId, base64ToHex, hexToBase64, TRACE_ID_BYTES, SPAN_ID_BYTES } from './read/ids';
export { anyValue } from './read/values';
export {
  deriveLifecycle,
  DEFAULT_MIN_GAP_SHARE,
  type DeriveInput,
  type DeriveOptions,
  type LifecycleSpan,
  type TraceLifecycle,
  type UnattributedGap,
  type CriticalPathStretch,
} from './derive/lifecycle';
export type { StageSource } from './derive/stage';
export type { StageTotal } from './derive/stageTotals';
export type { Cost } from './derive/cost';
export { DEFAULT_IDLE_GAP, type IdleGap, type IdleGapOptions } from './derive/idleGaps';
export { lifecycleReport, roundMs, type LifecycleReport } from './report';
export { renderWaterfall, type WaterfallOptions } from './text/waterfall';
export { formatSpanDuration } from './text/formatTime';
export type { QuantumJob, JobPhase, JobPhaseTime, JobState } from './derive/quantumJobs';
export type { LlmCall, LlmEvaluation, LlmPhase } from './derive/llmCalls';
export type { RequestSummary, OrchestratorDecision } from './derive/request';
export { loadTrace, pickTrace, deriveFromDocument, TraceNotFoundError } from './loadTrace';
export { timeAxis, type TimeAxis, type AxisSegment, type TimeAxisOptions } from './axis';
export { groupAttributes, type AttributeGroup, type AttributeGroupName } from './attributeGroups';
