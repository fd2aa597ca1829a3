import type { DataFrame } from '@grafana/data';
import { ALERT_STATE, BURN_RATE_TIERS, type BurnRateTier, LABEL, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';

export type TierState = 'firing' | 'pending' | 'ok';

export interface TierRow {
  tier: BurnRateTier;
  state: TierState;
}

/** Alert state of each burn-rate tier from ALERTS samples; firing wins over pending, no sample = ok. */
export function tierStates(frames: readonly DataFrame[], refId: string): TierRow[] {
  const samples = samplesOf(frames, refId);
  return BURN_RATE_TIERS.map((tier) => {
    const states = samples
      .filter((s) => s.labels[LABEL.tier] === tier.tier)
      .map((s) => s.labels[PROMETHEUS_ALERTS.alertState]);
    const state: TierState = states.includes(ALERT_STATE.firing)
      ? 'firing'
      : states.includes(ALERT_STATE.pending)
        ? 'pending'
        : 'ok';
    return { tier, state };
  });
}
