import { FEATURE_FLAG, MITIGATION_ACTION, formatFeatureFlag } from '@hybridlens/conventions';
import type { MitigationInForce } from '@hybridlens/instrument';
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

export function defaultFlags(): FeatureFlags {
  return { forceSimulator: false, shotReductionFactor: 1, disabledProviders: new Set(), deterministicDecoding: false };
}

/** The flags in force as the orchestrator lists them (the contract's `name:arg` format), for orchestrator.input.flags. */
export function activeFlagNames(flags: FeatureFlags): string[] {
  const names: string[] = [];
  if (flags.forceSimulator) {
    names.push(formatFeatureFlag({ name: FEATURE_FLAG.forceSimulator }));
  }
  if (flags.shotReductionFactor > 1) {
    names.push(formatFeatureFlag({ name: FEATURE_FLAG.shotReduction, arg: String(flags.shotReductionFactor) }));
  }
  for (const provider of [...flags.disabledProviders].sort()) {
    names.push(formatFeatureFlag({ name: FEATURE_FLAG.disableProvider, arg: provider }));
  }
  if (flags.deterministicDecoding) {
    names.push(formatFeatureFlag({ name: FEATURE_FLAG.deterministicDecoding }));
  }
  return names;
}

/**
 * The mitigations the flags put in force, each with the time it was first seen in force (an action that
 * changes a mitigation already in force, e.g. a stronger shot reduction, keeps its time). Feeds
 * hybrid_mitigation_applied_timestamp_seconds.
 */
export class MitigationClock {
  private since = new Map<string, MitigationInForce>();

  update(flags: FeatureFlags, now: number): MitigationInForce[] {
    const inForce: Array<Omit<MitigationInForce, 'since'>> = [];
    if (flags.forceSimulator) {
      inForce.push({ action: MITIGATION_ACTION.forceSimulator });
    }
    if (flags.shotReductionFactor > 1) {
      inForce.push({ action: MITIGATION_ACTION.reduceShots });
    }
    for (const provider of [...flags.disabledProviders].sort()) {
      inForce.push({ action: MITIGATION_ACTION.disableProvider, provider });
    }
    if (flags.deterministicDecoding) {
      inForce.push({ action: MITIGATION_ACTION.deterministicDecoding });
    }
    const next = new Map<string, MitigationInForce>();
    for (const m of inForce) {
      const key = `${m.action}\u0000${m.provider ?? ''}`;
      next.set(key, this.since.get(key) ?? { ...m, since: now });
    }
    this.since = next;
    return [...next.values()];
  }
}
