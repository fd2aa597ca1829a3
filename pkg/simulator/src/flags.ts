/**
 * The orchestrator's feature flags in force (the manual settings of the admin API combined with the holds of
 * automated mitigations, see mitigationState.ts). Names of flags appear in orchestrator.input.flags and in
 * orchestrator decision reasons.
 */
export interface FeatureFlags {
  /** Route every QPU-bound request to the simulator. */
  forceSimulator: boolean;
  /** Divide shots of QPU jobs by this factor (1 = off). */
  shotReductionFactor: number;
  /** Providers the orchestrator must not use. */
  disabledProviders: Set<string>;
  /** LLM calls run at temperature 0 (playbook C), which lowers the hallucination rate. */
  deterministicDecoding: boolean;
}

export const FLAG_NAME = {
  forceSimulator: 'force_simulator',
  shotReduction: 'shot_reduction',
  disableProvider: 'disable_provider',
  deterministicDecoding: 'deterministic_decoding',
} as const;

export function defaultFlags(): FeatureFlags {
  return { forceSimulator: false, shotReductionFactor: 1, disabledProviders: new Set(), deterministicDecoding: false };
}

/** The flags in force as short strings for orchestrator.input.flags. */
export function activeFlagNames(flags: FeatureFlags): string[] {
  const names: string[] = [];
  if (flags.forceSimulator) {
    names.push(FLAG_NAME.forceSimulator);
  }
  if (flags.shotReductionFactor > 1) {
    names.push(`${FLAG_NAME.shotReduction}:${flags.shotReductionFactor}`);
  }
  for (const provider of [...flags.disabledProviders].sort()) {
    names.push(`${FLAG_NAME.disableProvider}:${provider}`);
  }
  if (flags.deterministicDecoding) {
    names.push(FLAG_NAME.deterministicDecoding);
  }
  return names;
}
