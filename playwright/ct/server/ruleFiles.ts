// Moved to pkg/testkit (shared with the simulator's demo expectations); re-exported so the harness imports stay.
export {
  alertsAsRecordingRules,
  durationSeconds,
  listRuleFiles,
  readRules,
  recordingRuleLevels,
  references,
  ruleFileText,
  type Rule,
} from '@hybridlens/testkit';
