import { type BurnRateTier, parseDuration } from '@hybridlens/conventions';
import { type SloSpec } from '../spec';

/**
 * The texts of a burn-rate alert as functions of its numbers: the rules pass Go-template snippets that
 * Prometheus fills in, the tests pass the values they computed, and both must read the same.
 */
export interface BurnNumbers {
  longBurn: string;
  shortBurn: string;
  badEvents: string;
  totalEvents: string;
}

function percent(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

export function burnSummary(spec: SloSpec, tier: BurnRateTier, n: BurnNumbers): string {
  return `${spec.displayName}: error budget burning ${n.longBurn}x too fast (${tier.tier}, ${tier.severity})`;
}

export function burnDescription(spec: SloSpec, tier: BurnRateTier, n: BurnNumbers): string {
  const budgetShare = (tier.burnRate * parseDuration(tier.longWindow)!) / parseDuration(spec.period)!;
  return (
    `SLO ${spec.name} (objective ${percent(spec.objective)} over ${spec.period}): burn rate ${n.longBurn} over ${tier.longWindow} ` +
    `and ${n.shortBurn} over ${tier.shortWindow}, both above ${tier.burnRate} (${percent(budgetShare)} of the error budget in ${tier.longWindow}). ` +
    `${n.badEvents} bad of ${n.totalEvents} events in the last ${tier.longWindow}.`
  );
}
