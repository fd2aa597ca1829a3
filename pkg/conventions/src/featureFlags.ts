import { MITIGATION_ACTION, type MitigationAction } from './mitigations';

/**
 * The orchestrator's feature flags as it lists them (admin API `flags`, orchestrator.input.flags, decision
 * reasons): a name, or `name:arg` for flags that take an argument (`shot_reduction:4`, `disable_provider:ibm`).
 */
export const FEATURE_FLAG = {
  forceSimulator: 'force_simulator',
  /** Argument: the factor shots are divided by (above 1). */
  shotReduction: 'shot_reduction',
  /** Argument: the provider the orchestrator must not use. */
  disableProvider: 'disable_provider',
  deterministicDecoding: 'deterministic_decoding',
} as const;
export type FeatureFlagName = (typeof FEATURE_FLAG)[keyof typeof FEATURE_FLAG];

/** Between a flag's name and its argument. */
export const FEATURE_FLAG_ARG_SEPARATOR = ':';

/** The mitigation action that puts each flag in force. */
export const FEATURE_FLAG_ACTION: Readonly<Record<FeatureFlagName, MitigationAction>> = {
  [FEATURE_FLAG.forceSimulator]: MITIGATION_ACTION.forceSimulator,
  [FEATURE_FLAG.shotReduction]: MITIGATION_ACTION.reduceShots,
  [FEATURE_FLAG.disableProvider]: MITIGATION_ACTION.disableProvider,
  [FEATURE_FLAG.deterministicDecoding]: MITIGATION_ACTION.deterministicDecoding,
};

/**
 * The `provider` label value of hybrid_mitigation_applied_timestamp_seconds for mitigations that apply to the
 * whole pipeline (every action except disable_provider).
 */
export const MITIGATION_ALL_PROVIDERS = 'all';

const TAKES_ARG: ReadonlySet<FeatureFlagName> = new Set([FEATURE_FLAG.shotReduction, FEATURE_FLAG.disableProvider]);
const NAMES: ReadonlySet<string> = new Set(Object.values(FEATURE_FLAG));

export interface FeatureFlag {
  name: FeatureFlagName;
  /** The factor of shot_reduction, the provider of disable_provider; absent for the others. */
  arg?: string;
}

/** A flag as the orchestrator lists it. Throws when a flag that takes an argument has none, or one that does not has one. */
export function formatFeatureFlag(flag: FeatureFlag): string {
  const takesArg = TAKES_ARG.has(flag.name);
  if (takesArg !== (flag.arg !== undefined && flag.arg !== '')) {
    throw new Error(`feature flag ${flag.name}: ${takesArg ? 'needs an argument' : 'takes no argument'}`);
  }
  return takesArg ? `${flag.name}${FEATURE_FLAG_ARG_SEPARATOR}${flag.arg}` : flag.name;
}

/**
 * A listed flag, or undefined when it is not one of the contract's (an unknown name, a missing or unexpected
 * argument, a shot reduction that is not a number above 1): callers show it as it is and skip what they derive.
 */
export function parseFeatureFlag(text: string): FeatureFlag | undefined {
  const at = text.indexOf(FEATURE_FLAG_ARG_SEPARATOR);
  const name = at === -1 ? text : text.slice(0, at);
  const arg = at === -1 ? undefined : text.slice(at + 1);
  if (!NAMES.has(name)) {
    return undefined;
  }
  const flagName = name as FeatureFlagName;
  if (!TAKES_ARG.has(flagName)) {
    return arg === undefined ? { name: flagName } : undefined;
  }
  if (arg === undefined || arg === '') {
    return undefined;
  }
  if (flagName === FEATURE_FLAG.shotReduction && !(Number(arg) > 1)) {
    return undefined;
  }
  return { name: flagName, arg };
}
