import {
  ALERT,
  ALERT_ANNOTATION,
  BURN_RATE_TIERS,
  type BurnRateTier,
  LABEL,
  SLO_PERIOD,
  SLO_SERIES,
  type SloWindow,
  buildAppUrl,
  sloBurnRateSeries,
  sloErrorRatioSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import { durationSeconds, formatDuration } from './duration';
import { eq, selector } from './promql';
import { type AlertingRule, type RecordingRule, type RuleFile } from './ruleTypes';
import { type SloSpec, sloPlaybook } from './spec';
import { evalTimeMs, queryText, secondsBefore, valueText } from './templates';

/** Windows recorded in the fast group (also the short windows of the page and ticket tiers). */
export const FAST_WINDOWS = ['30m', '1h', '2h', '6h'] as const satisfies readonly SloWindow[];
/** Windows recorded in the long group, with its longer interval. */
export const LONG_WINDOWS = ['1d', '3d', '30d'] as const satisfies readonly SloWindow[];

export const FAST_INTERVAL = '1m';
/** Under the 5m lookback, so the long-window series never go stale between evaluations. */
export const LONG_INTERVAL = '4m';
/** Every long window is summed from 5-minute increases on this grid. */
const STEP = '5m';

export interface GenerateOptions {
  /** Grafana root URL for runbook and drilldown links. */
  grafanaUrl: string;
}

export interface SloRuleResult {
  file: RuleFile;
  /** Tiers dropped because the objective makes their burn rate unreachable. */
  warnings: string[];
}

/** The largest burn rate an SLI can reach: every event bad, 1 / (1 − objective). */
export function maxBurnRate(objective: number): number {
  return 1 / (1 - objective);
}

/** Tiers whose threshold the SLO can actually exceed. */
export function reachableTiers(objective: number): { reachable: BurnRateTier[]; unreachable: BurnRateTier[] } {
  const max = maxBurnRate(objective);
  const reachable = BURN_RATE_TIERS.filter((t) => t.burnRate < max);
  const unreachable = BURN_RATE_TIERS.filter((t) => t.burnRate >= max);
  return { reachable, unreachable };
}

/** `(1 - 0.99)`: written out so Prometheus and the tests compute the same float. */
function budget(spec: SloSpec): string {
  return `(1 - ${spec.objective})`;
}

const sloSel = (spec: SloSpec, series: string) => selector(series, [eq(LABEL.slo, spec.name)]);

/** A range that ends at the evaluation time and excludes its start on Prometheus 2 and 3 alike. */
function openRange(window: string): string {
  return formatDuration(durationSeconds(window) - 1);
}

function sumOverWindow(spec: SloSpec, kind: 'bad' | 'total', window: string): string {
  const base = kind === 'bad' ? SLO_SERIES.badIncrease5m : SLO_SERIES.totalIncrease5m;
  return `sum_over_time(${sloSel(spec, base)}[${openRange(window)}:${STEP}])`;
}

/**
 * The 5-minute increases every window is built from. A NaN or +Inf sample (or a bucket above its
 * count) only drops the 5-minute slots that contain it, for bad and total together; it never reaches
 * the long windows. Missing good/bad series (no event of that kind yet) count as zero.
 */
function increaseRules(spec: SloSpec): RecordingRule[] {
  const inc = (sel: string) => `sum(increase(${sel}[5m]))`;
  const total = inc(spec.sli.total);
  const bad =
    spec.sli.bad !== undefined
      ? `(${inc(spec.sli.bad)} or ${total} * 0)`
      : `(${total} - (${inc(spec.sli.good!)} or ${total} * 0))`;
  const finiteBad = `(${bad} >= 0 < +Inf)`;
  const finiteTotal = `(${total} >= 0 < +Inf)`;
  const labels = { [LABEL.slo]: spec.name };
  return [
    { record: SLO_SERIES.badIncrease5m, expr: `${finiteBad} and ${finiteTotal}`, labels },
    { record: SLO_SERIES.totalIncrease5m, expr: `${finiteTotal} and ${finiteBad}`, labels },
  ];
}

function ratioAndBurn(spec: SloSpec, window: SloWindow, bad: string, total: string): RecordingRule[] {
  const labels = { [LABEL.slo]: spec.name };
  return [
    // No events → no ratio (not NaN): the window says nothing, and alerts stay quiet.
    { record: sloErrorRatioSeries(window), expr: `${bad} / (${total} > 0)`, labels },
    {
      record: sloBurnRateSeries(window),
      expr: `${sloSel(spec, sloErrorRatioSeries(window))} / ${budget(spec)}`,
      labels,
    },
  ];
}

function windowRules(spec: SloSpec, window: SloWindow): RecordingRule[] {
  const labels = { [LABEL.slo]: spec.name };
  return [
    { record: sloEventCountSeries('bad', window), expr: sumOverWindow(spec, 'bad', window), labels },
    { record: sloEventCountSeries('total', window), expr: sumOverWindow(spec, 'total', window), labels },
    ...ratioAndBurn(
      spec,
      window,
      sloSel(spec, sloEventCountSeries('bad', window)),
      sloSel(spec, sloEventCountSeries('total', window))
    ),
  ];
}

function periodRules(spec: SloSpec): RecordingRule[] {
  const labels = { [LABEL.slo]: spec.name };
  const periodBurn =
    spec.period === SLO_PERIOD
      ? sloSel(spec, sloBurnRateSeries(SLO_PERIOD))
      : `(${sumOverWindow(spec, 'bad', spec.period)} / (${sumOverWindow(spec, 'total', spec.period)} > 0)) / ${budget(spec)}`;
  return [
    { record: SLO_SERIES.periodBurnRate, expr: periodBurn, labels },
    { record: SLO_SERIES.errorBudgetRemaining, expr: `1 - ${sloSel(spec, SLO_SERIES.periodBurnRate)}`, labels },
  ];
}

function metadataRules(spec: SloSpec): RecordingRule[] {
  return [
    {
      record: SLO_SERIES.info,
      expr: 'vector(1)',
      labels: {
        [LABEL.slo]: spec.name,
        [LABEL.sloService]: spec.service,
        [LABEL.sliType]: spec.sliType,
        [LABEL.objective]: String(spec.objective),
        [LABEL.window]: spec.period,
        [LABEL.playbook]: sloPlaybook(spec),
      },
    },
    { record: SLO_SERIES.objective, expr: `vector(${spec.objective})`, labels: { [LABEL.slo]: spec.name } },
  ];
}

/** The numbers a burn-rate alert reports, as text (template snippets in rules, values in tests). */
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
  const budgetShare = (tier.burnRate * durationSeconds(tier.longWindow)) / durationSeconds(spec.period);
  return (
    `SLO ${spec.name} (objective ${percent(spec.objective)} over ${spec.period}): burn rate ${n.longBurn} over ${tier.longWindow} ` +
    `and ${n.shortBurn} over ${tier.shortWindow}, both above ${tier.burnRate} (${percent(budgetShare)} of the error budget in ${tier.longWindow}). ` +
    `${n.badEvents} bad of ${n.totalEvents} events in the last ${tier.longWindow}.`
  );
}

function shortBurnSeries(spec: SloSpec, tier: BurnRateTier): string {
  return sloSel(spec, sloBurnRateSeries(tier.shortWindow));
}

/** `slo:sli_bad:increase5m` doubles as the 5m count; longer windows have their own count series. */
function countSeries(spec: SloSpec, kind: 'bad' | 'total', window: SloWindow): string {
  if (window === '5m') {
    return sloSel(spec, kind === 'bad' ? SLO_SERIES.badIncrease5m : SLO_SERIES.totalIncrease5m);
  }
  return sloSel(spec, sloEventCountSeries(kind, window));
}

function burnAlert(spec: SloSpec, tier: BurnRateTier, options: GenerateOptions): AlertingRule {
  const long = sloSel(spec, sloBurnRateSeries(tier.longWindow));
  const q = (sel: string) => sel.replace(/"/g, "'");
  const numbers: BurnNumbers = {
    longBurn: valueText(2),
    shortBurn: queryText(q(shortBurnSeries(spec, tier)), 2),
    badEvents: queryText(q(countSeries(spec, 'bad', tier.longWindow)), 0),
    totalEvents: queryText(q(countSeries(spec, 'total', tier.longWindow)), 0),
  };
  return {
    alert: ALERT.sloBurnRate,
    // Both windows over the threshold, and enough bad events in the long one (low-traffic guard).
    expr:
      `${long} > ${tier.burnRate}\n` +
      `and ${shortBurnSeries(spec, tier)} > ${tier.burnRate}\n` +
      `and on () ${countSeries(spec, 'bad', tier.longWindow)} >= ${spec.minBadEvents}`,
    labels: {
      [LABEL.severity]: tier.severity,
      [LABEL.tier]: tier.tier,
      [LABEL.sloService]: spec.service,
      [LABEL.sliType]: spec.sliType,
    },
    annotations: {
      [ALERT_ANNOTATION.summary]: burnSummary(spec, tier, numbers),
      [ALERT_ANNOTATION.description]: burnDescription(spec, tier, numbers),
      [ALERT_ANNOTATION.runbookUrl]: buildAppUrl(
        { page: 'playbook', params: { playbook: sloPlaybook(spec) }, query: { alertname: ALERT.sloBurnRate } },
        { baseUrl: options.grafanaUrl }
      ),
      [ALERT_ANNOTATION.drilldownUrl]: buildAppUrl(
        {
          page: 'sloDetail',
          params: { slo: spec.name },
          time: { from: evalTimeMs(secondsBefore(tier.longWindow)), to: evalTimeMs(0) },
          variables: { ...spec.scope },
          query: { alertname: ALERT.sloBurnRate },
        },
        { baseUrl: options.grafanaUrl }
      ),
    },
  };
}

export function sloGroupNames(spec: SloSpec): { fast: string; long: string } {
  return { fast: `hybridlens-slo-${spec.name}`, long: `hybridlens-slo-${spec.name}-long` };
}

export function sloRuleFileName(spec: SloSpec): string {
  return `slo-${spec.name}.rules.yml`;
}

/** Recording rules, metadata and multiwindow, multi-burn-rate alerts of one SLO. */
export function sloRules(spec: SloSpec, options: GenerateOptions): SloRuleResult {
  const { reachable, unreachable } = reachableTiers(spec.objective);
  const warnings = unreachable.map(
    (t) =>
      `${spec.source} (SLO "${spec.name}"): tier ${t.tier} (burn rate ${t.burnRate}) is unreachable with objective ${spec.objective} ` +
      `(max burn rate ${Number(maxBurnRate(spec.objective).toPrecision(4))}); using ${reachable.map((r) => r.tier).join(', ') || 'no burn-rate tier'}`
  );
  const fastWindows = new Set<string>(FAST_WINDOWS);
  const names = sloGroupNames(spec);
  return {
    warnings,
    file: {
      fileName: sloRuleFileName(spec),
      groups: [
        {
          name: names.fast,
          interval: FAST_INTERVAL,
          rules: [
            ...increaseRules(spec),
            ...ratioAndBurn(
              spec,
              '5m',
              sloSel(spec, SLO_SERIES.badIncrease5m),
              sloSel(spec, SLO_SERIES.totalIncrease5m)
            ),
            ...FAST_WINDOWS.flatMap((w) => windowRules(spec, w)),
            ...reachable.filter((t) => fastWindows.has(t.longWindow)).map((t) => burnAlert(spec, t, options)),
          ],
        },
        {
          name: names.long,
          interval: LONG_INTERVAL,
          rules: [
            ...metadataRules(spec),
            ...LONG_WINDOWS.flatMap((w) => windowRules(spec, w)),
            ...periodRules(spec),
            ...reachable.filter((t) => !fastWindows.has(t.longWindow)).map((t) => burnAlert(spec, t, options)),
          ],
        },
      ],
    },
  };
}
