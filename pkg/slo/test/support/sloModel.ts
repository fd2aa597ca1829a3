import { BURN_RATE_TIERS, type BurnRateTier, type SloWindow, parseDuration } from '@hybridlens/conventions';
import { reachableTiers, type SloSpec } from '../../src';

/**
 * An independent model of what the generated rules should record, from the raw per-minute counts:
 * every window is the sum of the 5-minute slots on the 5-minute grid that ends at or before the
 * evaluation time (the 5m window itself is the last 5 minutes). Times are minutes since 0.
 */
export interface Counts {
  /** Cumulative bad and total events at each minute (index 0 = 0). */
  bad: readonly number[];
  total: readonly number[];
}

export interface WindowValue {
  bad: number;
  total: number;
  ratio?: number;
  burn?: number;
}

const minutesOf = (w: string) => parseDuration(w)! / 60_000;

function at(series: readonly number[], minute: number): number {
  return series[Math.max(0, Math.min(minute, series.length - 1))]!;
}

export function windowValue(spec: SloSpec, counts: Counts, t: number, window: SloWindow | string): WindowValue {
  const w = minutesOf(window);
  const end = w === 5 ? t : Math.floor(t / 5) * 5;
  const start = end - w;
  const bad = at(counts.bad, end) - at(counts.bad, start);
  const total = at(counts.total, end) - at(counts.total, start);
  if (total <= 0) {
    return { bad, total };
  }
  const ratio = bad / total;
  return { bad, total, ratio, burn: ratio / (1 - spec.objective) };
}

export interface FiringTier {
  tier: BurnRateTier;
  long: WindowValue;
  short: WindowValue;
}

/** Tiers whose alert condition holds at minute t (burn-rate alerts have no `for`). */
export function firingTiers(
  spec: SloSpec,
  counts: Counts,
  t: number,
  tiers: readonly BurnRateTier[] = reachableTiers(spec.objective).reachable
): FiringTier[] {
  const out: FiringTier[] = [];
  for (const tier of tiers) {
    const long = windowValue(spec, counts, t, tier.longWindow);
    const short = windowValue(spec, counts, t, tier.shortWindow);
    if ((long.burn ?? 0) > tier.burnRate && (short.burn ?? 0) > tier.burnRate && long.bad >= spec.minBadEvents) {
      out.push({ tier, long, short });
    }
  }
  return out;
}

/** First minute in [from, to] at which `tier` fires, if any. */
export function firstFiring(
  spec: SloSpec,
  counts: Counts,
  tierName: string,
  from: number,
  to: number
): number | undefined {
  const tier = BURN_RATE_TIERS.find((t) => t.tier === tierName)!;
  for (let t = from; t <= to; t++) {
    if (firingTiers(spec, counts, t, [tier]).length > 0) {
      return t;
    }
  }
  return undefined;
}
