export { backfill, DEFAULT_SEED, DEFAULT_STEP_SECONDS, type BackfillOptions, type BackfillResult } from './backfill';
export { HybridSimulator, type SimulatorOptions } from './engine';
export { parseScenario, loadScenarioFile, ScenarioError, type Scenario, type ScenarioOptions } from './scenario';
export {
  DEFAULT_BACKFILL_SCENARIO,
  DEFAULT_LIVE_SCENARIO,
  resolveScenario,
  type ScenarioClock,
  type ScenarioInput,
} from './scenarioSource';
export { FAULT_KIND, FAULT_KIND_SPEC, type FaultKind, type ScheduledFault } from './faultKinds';
export { DEFAULT_TOPOLOGY, type Topology } from './topology';
export { DEFAULT_INCIDENT } from './defaultScenarios';
export { OpenMetricsWriter, TSDB_BLOCK_MS } from './openMetricsWriter';
export { JOB_STATE_MACHINES } from './jobStates';
export { DECISION_REASON } from './orchestrator';
export { Rng } from './rng';
export { importOpenMetrics, type ImportOptions } from './promtoolImport';
export { LIMITS } from './limits';
export {
  modelVersionAt,
  PromptRollouts,
  PROMPT_LATEST_RELEASE_LEAD_MS,
  PROMPT_RELEASE_INTERVAL_MS,
  PROMPT_TEMPLATE_VERSION_AT_ANCHOR,
} from './modelVersions';
