/**
 * The orchestrator's feature flags, as the admin API and Alertmanager mitigations set them.
 * Names of flags appear in orchestrator.input.flags and in orchestrator decision reasons.
 */
export interface FeatureFlags {
  /** Route every QPU-bound request to the simulator. */
  forceSimulator: boolean;
  /** Divide shots of QPU jobs by this factor (1 = off). */
  shotReductionFactor: number;
  /** Providers the orchestrator must not use. */
  disabledProviders: Set<string>;
}

export const FLAG_NAME = {
  forceSimulator: 'force_simulator',
  shotReduction: 'shot_reduction',
  disableProvider: 'disable_provider',
} as const;

export function defaultFlags(): FeatureFlags {
  return { forceSimulator: false, shotReductionFactor: 1, disabledProviders: new Set() };
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
  return names;
}
