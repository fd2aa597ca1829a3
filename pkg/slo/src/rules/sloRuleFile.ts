import { type BurnRateTier } from '@hybridlens/conventions';
import { type GenerateOptions, type RuleFile, type RuleGroup } from '../ruleTypes';
import { type SloSpec } from '../spec';
import { burnAlert, maxBurnRate, reachableTiers } from './burnAlerts';
import { increaseRules } from './increase';
import { metadataRules } from './metadata';
import { periodRules } from './period';
import { FAST_WINDOWS, LONG_WINDOWS, ratioAndBurnRules, windowRules } from './windows';

export const FAST_INTERVAL = '1m';
/**
 * The long group's evaluation interval: 4 minutes, not 5. A series evaluated every 5 minutes is stale to any
 * query that lands just past Prometheus's 5-minute lookback before the next evaluation; at 4 minutes there is
 * always a sample within it.
 */
export const LONG_INTERVAL = '4m';

export interface SloRuleResult {
  file: RuleFile;
  /** Tiers dropped because the objective makes their burn rate unreachable. */
  warnings: string[];
}

export function sloGroupNames(spec: SloSpec): { fast: string; long: string } {
  return { fast: `hybridlens-slo-${spec.name}`, long: `hybridlens-slo-${spec.name}-long` };
}

export function sloRuleFileName(spec: SloSpec): string {
  return `slo-${spec.name}.rules.yml`;
}

/** A tier's alert is evaluated with the windows it reads: fast-window tiers in the fast group. */
const inFastGroup = (tier: BurnRateTier) => (FAST_WINDOWS as readonly string[]).includes(tier.longWindow);

/** The rule file of one SLO: increases, windows, period, metadata and its multiwindow burn-rate alerts. */
export function sloRules(spec: SloSpec, options: GenerateOptions): SloRuleResult {
  const { reachable, unreachable } = reachableTiers(spec.objective);
  const warnings = unreachable.map(
    (t) =>
      `${spec.source} (SLO "${spec.name}"): tier ${t.tier} (burn rate ${t.burnRate}) is unreachable with objective ${spec.objective} ` +
      `(max burn rate ${Number(maxBurnRate(spec.objective).toPrecision(4))}); using ${reachable.map((r) => r.tier).join(', ') || 'no burn-rate tier'}`
  );
  const names = sloGroupNames(spec);
  const fast: RuleGroup = {
    name: names.fast,
    interval: FAST_INTERVAL,
    rules: [
      ...increaseRules(spec),
      ...ratioAndBurnRules(spec, '5m'),
      ...FAST_WINDOWS.flatMap((w) => windowRules(spec, w)),
      ...reachable.filter(inFastGroup).map((t) => burnAlert(spec, t, options)),
    ],
  };
  const long: RuleGroup = {
    name: names.long,
    interval: LONG_INTERVAL,
    rules: [
      ...metadataRules(spec),
      ...LONG_WINDOWS.flatMap((w) => windowRules(spec, w)),
      ...periodRules(spec),
      ...reachable.filter((t) => !inFastGroup(t)).map((t) => burnAlert(spec, t, options)),
    ],
  };
  return { warnings, file: { fileName: sloRuleFileName(spec), groups: [fast, long] } };
}
