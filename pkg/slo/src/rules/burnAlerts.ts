import {
  ALERT,
  ALERT_ANNOTATION,
  BURN_RATE_TIERS,
  type BurnRateTier,
  LABEL,
  buildAppUrl,
  parseDuration,
  sloBurnRateSeries,
} from '@hybridlens/conventions';
import { type AlertingRule, type GenerateOptions } from '../ruleTypes';
import { type SloSpec, sloPlaybook } from '../spec';
import { evalTimeMs, queryText, templateQuery, valueText } from '../templates';
import { type BurnNumbers, burnDescription, burnSummary } from './annotationText';
import { sloSeries } from './sloSeries';
import { eventCountSeries } from './windows';

/** The largest burn rate an SLI can reach: every event bad, 1 / (1 − objective). */
export function maxBurnRate(objective: number): number {
  return 1 / (1 - objective);
}

/** The contract's tiers split by whether this objective lets the burn rate exceed their threshold. */
export function reachableTiers(objective: number): { reachable: BurnRateTier[]; unreachable: BurnRateTier[] } {
  const max = maxBurnRate(objective);
  return {
    reachable: BURN_RATE_TIERS.filter((t) => t.burnRate < max),
    unreachable: BURN_RATE_TIERS.filter((t) => t.burnRate >= max),
  };
}

/**
 * One multiwindow burn-rate alert (SRE Workbook): both windows over the tier's threshold, and at least
 * `minBadEvents` bad events in the long window so one failure in a quiet hour cannot page. Severity and
 * windows come from the tier; the runbook is the SLO's playbook.
 */
export function burnAlert(spec: SloSpec, tier: BurnRateTier, options: GenerateOptions): AlertingRule {
  const long = sloSeries(spec, sloBurnRateSeries(tier.longWindow));
  const short = sloSeries(spec, sloBurnRateSeries(tier.shortWindow));
  const badInLong = eventCountSeries(spec, 'bad', tier.longWindow);
  const numbers: BurnNumbers = {
    longBurn: valueText(2),
    shortBurn: queryText(templateQuery(short), 2),
    badEvents: queryText(templateQuery(badInLong), 0),
    totalEvents: queryText(templateQuery(eventCountSeries(spec, 'total', tier.longWindow)), 0),
  };
  const lookbackSeconds = parseDuration(tier.longWindow)! / 1000;
  return {
    alert: ALERT.sloBurnRate,
    expr:
      `${long} > ${tier.burnRate}\n` +
      `and ${short} > ${tier.burnRate}\n` +
      `and on () ${badInLong} >= ${spec.minBadEvents}`,
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
          time: { from: evalTimeMs(-lookbackSeconds), to: evalTimeMs(0) },
          variables: { ...spec.scope },
          query: { alertname: ALERT.sloBurnRate },
        },
        { baseUrl: options.grafanaUrl }
      ),
    },
  };
}
