import { type AlertName, MITIGATION_ACTION, type MitigationAction } from '@hybridlens/conventions';
import { activeFlagNames, defaultFlags, type FeatureFlags } from './flags';

/** Shot reduction an alert applies when it does not say how much. */
export const DEFAULT_SHOT_REDUCTION = 4;

/** How automated mitigations (Alertmanager webhook) behave. */
export interface RemediationPolicy {
  /**
   * Alerts whose resolution undoes the mitigation they applied. Any other alert's mitigation stays until a
   * human releases it through the admin API (e.g. a provider disabled for hardware failures comes back only
   * after someone checked its calibration).
   */
  restoreOnResolve: ReadonlySet<AlertName>;
  /** An alert's mitigation stays at least this long, so an alert that flaps does not toggle it (hold-down). */
  minHoldMs: number;
  /** Changes of the flags by alerts allowed per minute; a batch that would exceed it is refused whole. */
  maxChangesPerMinute: number;
}

export const DEFAULT_REMEDIATION_POLICY: RemediationPolicy = {
  restoreOnResolve: new Set<AlertName>([
    'HybridQuantumBacklogCritical',
    'HybridProviderRateLimited',
    'HybridLLMHallucinationRateHigh',
  ]),
  minHoldMs: 5 * 60_000,
  maxChangesPerMinute: 30,
};

/** A mitigation an alert holds in force. */
export interface Hold {
  alertname: string;
  action: MitigationAction;
  /** The action that undoes it. */
  undo: MitigationAction;
  provider?: string;
  factor?: number;
  since: number;
  /** Set when the alert resolved before its hold-down ended: released at this time. */
  releaseAt?: number;
}

/** One firing or resolved alert with a mapped mitigation, validated. */
export interface AlertChange {
  alertname: string;
  status: 'firing' | 'resolved';
  action: MitigationAction;
  undo: MitigationAction;
  provider?: string;
}

/**
 * What an alert did: `applied` a new hold, `unchanged` (already held: a repeated notification never stacks),
 * `restored` (hold removed), `scheduled` (removed when its hold-down ends), `kept` (the policy keeps it until
 * a human releases it).
 */
export type AlertResult = 'applied' | 'unchanged' | 'restored' | 'scheduled' | 'kept';

export interface PlannedAlerts {
  results: AlertResult[];
  /** Number of hold changes the batch makes (what the rate limit counts). */
  changes: number;
  holds: Map<string, Hold>;
}

function holdKey(alertname: string, provider: string | undefined): string {
  return `${alertname}\u0000${provider ?? ''}`;
}

/**
 * The orchestrator's flags as the manual settings of the admin API combined with the holds of alert-driven
 * mitigations: forced simulator if either asks, the strongest shot reduction, the union of disabled
 * providers. `flags` is the effective view the orchestrator reads, updated in place.
 */
export class MitigationState {
  readonly flags: FeatureFlags;
  private readonly manual: FeatureFlags = defaultFlags();
  private holds = new Map<string, Hold>();
  private readonly recentChanges: number[] = [];

  constructor(
    readonly policy: RemediationPolicy = DEFAULT_REMEDIATION_POLICY,
    flags: FeatureFlags = defaultFlags()
  ) {
    this.flags = flags;
    this.recompute();
  }

  get activeHolds(): readonly Hold[] {
    return [...this.holds.values()];
  }

  /** A human's action: sets the manual setting; a release also drops the alert holds of that setting. */
  applyManual(action: MitigationAction, provider?: string, factor?: number): 'applied' | 'unchanged' {
    const before = activeFlagNames(this.flags).join(',');
    const m = this.manual;
    const dropHolds = (matches: (h: Hold) => boolean) => {
      for (const [key, hold] of this.holds) {
        if (matches(hold)) {
          this.holds.delete(key);
        }
      }
    };
    switch (action) {
      case MITIGATION_ACTION.forceSimulator:
        m.forceSimulator = true;
        break;
      case MITIGATION_ACTION.releaseSimulator:
        m.forceSimulator = false;
        dropHolds((h) => h.action === MITIGATION_ACTION.forceSimulator);
        break;
      case MITIGATION_ACTION.reduceShots:
        m.shotReductionFactor = factor ?? DEFAULT_SHOT_REDUCTION;
        break;
      case MITIGATION_ACTION.restoreShots:
        m.shotReductionFactor = 1;
        dropHolds((h) => h.action === MITIGATION_ACTION.reduceShots);
        break;
      case MITIGATION_ACTION.disableProvider:
        m.disabledProviders.add(provider!);
        break;
      case MITIGATION_ACTION.enableProvider:
        m.disabledProviders.delete(provider!);
        dropHolds((h) => h.action === MITIGATION_ACTION.disableProvider && h.provider === provider);
        break;
      case MITIGATION_ACTION.deterministicDecoding:
        m.deterministicDecoding = true;
        break;
      case MITIGATION_ACTION.restoreDecoding:
        m.deterministicDecoding = false;
        dropHolds((h) => h.action === MITIGATION_ACTION.deterministicDecoding);
        break;
    }
    this.recompute();
    return activeFlagNames(this.flags).join(',') === before ? 'unchanged' : 'applied';
  }

  /** What a batch of alerts would do, without doing it (a batch is applied whole or not at all). */
  planAlerts(alerts: readonly AlertChange[], now: number): PlannedAlerts {
    const holds = new Map(this.holds);
    let changes = 0;
    const results = alerts.map((alert): AlertResult => {
      const key = holdKey(alert.alertname, alert.provider);
      const held = holds.get(key);
      if (alert.status === 'firing') {
        if (held) {
          if (held.releaseAt !== undefined) {
            // It fired again during its hold-down: the hold simply continues.
            const { releaseAt: _dropped, ...continued } = held;
            holds.set(key, continued);
            changes++;
          }
          return 'unchanged';
        }
        holds.set(key, {
          alertname: alert.alertname,
          action: alert.action,
          undo: alert.undo,
          ...(alert.provider !== undefined ? { provider: alert.provider } : {}),
          ...(alert.action === MITIGATION_ACTION.reduceShots ? { factor: DEFAULT_SHOT_REDUCTION } : {}),
          since: now,
        });
        changes++;
        return 'applied';
      }
      if (!held) {
        return 'unchanged';
      }
      if (!this.policy.restoreOnResolve.has(alert.alertname as AlertName)) {
        return 'kept';
      }
      if (now - held.since >= this.policy.minHoldMs) {
        holds.delete(key);
        changes++;
        return 'restored';
      }
      if (held.releaseAt === undefined) {
        holds.set(key, { ...held, releaseAt: held.since + this.policy.minHoldMs });
        changes++;
      }
      return 'scheduled';
    });
    return { results, changes, holds };
  }

  /** Seconds until a batch of `changes` fits the rate limit (0: it fits now). */
  retryAfterSeconds(changes: number, now: number): number {
    this.forgetOldChanges(now);
    const excess = this.recentChanges.length + changes - this.policy.maxChangesPerMinute;
    if (excess <= 0) {
      return 0;
    }
    if (changes > this.policy.maxChangesPerMinute) {
      return 60;
    }
    const freedAt = this.recentChanges[excess - 1]! + 60_000;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  commitAlerts(plan: PlannedAlerts, now: number): void {
    this.holds = plan.holds;
    for (let i = 0; i < plan.changes; i++) {
      this.recentChanges.push(now);
    }
    this.recompute();
  }

  /** Holds whose hold-down ended after their alert resolved: removed now, returned for the audit. */
  releaseDue(now: number): Hold[] {
    const released: Hold[] = [];
    for (const [key, hold] of this.holds) {
      if (hold.releaseAt !== undefined && hold.releaseAt <= now) {
        this.holds.delete(key);
        released.push(hold);
      }
    }
    if (released.length > 0) {
      this.recompute();
    }
    return released;
  }

  private forgetOldChanges(now: number): void {
    while (this.recentChanges.length > 0 && this.recentChanges[0]! <= now - 60_000) {
      this.recentChanges.shift();
    }
  }

  private recompute(): void {
    const holds = [...this.holds.values()];
    const f = this.flags;
    f.forceSimulator = this.manual.forceSimulator || holds.some((h) => h.action === MITIGATION_ACTION.forceSimulator);
    f.shotReductionFactor = Math.max(this.manual.shotReductionFactor, ...holds.map((h) => h.factor ?? 1));
    f.disabledProviders.clear();
    for (const p of this.manual.disabledProviders) {
      f.disabledProviders.add(p);
    }
    for (const h of holds) {
      if (h.action === MITIGATION_ACTION.disableProvider && h.provider) {
        f.disabledProviders.add(h.provider);
      }
    }
    f.deterministicDecoding =
      this.manual.deterministicDecoding || holds.some((h) => h.action === MITIGATION_ACTION.deterministicDecoding);
  }
}
