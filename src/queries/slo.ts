import {
  ALERT,
  LABEL,
  PROMETHEUS_ALERTS,
  SLI_TYPE,
  SLO_PERIOD,
  SLO_SERIES,
  type SloWindow,
  sloBurnRateSeries,
  sloErrorRatioSeries,
  sloEventCountSeries,
  eq,
  oneOf,
  selector,
} from '@hybridlens/conventions';

/**
 * PromQL over the SLO engine's recorded series. The app never re-derives an SLI from raw metrics:
 * it reads what the generated rules record, so a new SLO spec shows up without touching the app.
 */

/** The three SLIs the Overview leads with (ops guide: latency, quantum success, schema compliance). */
export const KEY_SLI_TYPES = [SLI_TYPE.latency, SLI_TYPE.quantumJobSuccess, SLI_TYPE.schemaCompliance] as const;

const keySloInfo = () => selector(SLO_SERIES.info, [oneOf(LABEL.sliType, KEY_SLI_TYPES)]);
const bySlo = `max by (${LABEL.slo})`;
const one = (slo: string) => [eq(LABEL.slo, slo)];

/** SLO metadata: one series per SLO with the labels of SLO_INFO_LABELS (slo, sli_type, objective, playbook, ...). */
export function sloInfo(): string {
  return SLO_SERIES.info;
}

/** Error budget remaining of the key SLOs (1 = untouched, < 0 = SLO missed). */
export function keySloBudgetRemaining(): string {
  return `${bySlo} (${SLO_SERIES.errorBudgetRemaining} and on (${LABEL.slo}) ${keySloInfo()})`;
}

/** Current SLI of the key SLOs over the compliance period. */
export function keySloCurrentSli(): string {
  return `1 - ${bySlo} (${sloErrorRatioSeries(SLO_PERIOD)} and on (${LABEL.slo}) ${keySloInfo()})`;
}

/** Current SLI of every SLO over the compliance period. */
export function sloCurrentSli(): string {
  return `1 - ${bySlo} (${sloErrorRatioSeries(SLO_PERIOD)})`;
}

/** Error budget remaining of every SLO. */
export function sloBudgetRemaining(): string {
  return `${bySlo} (${SLO_SERIES.errorBudgetRemaining})`;
}

/** Burn rate of every SLO over one window (1 = spending the budget exactly over the period). */
export function sloBurnRate(window: SloWindow): string {
  return `${bySlo} (${sloBurnRateSeries(window)})`;
}

/** Events (good + bad) each SLO saw over the period: too few and the SLI says nothing. */
export function sloTotalEvents(): string {
  return `${bySlo} (${sloEventCountSeries('total', SLO_PERIOD)})`;
}

/** Metadata of one SLO. */
export function sloInfoOf(slo: string): string {
  return selector(SLO_SERIES.info, one(slo));
}

/** The SLI of one SLO over a recorded window, over time. */
export function sliOf(slo: string, window: SloWindow): string {
  return `1 - max(${selector(sloErrorRatioSeries(window), one(slo))})`;
}

/** The objective of one SLO as a line to plot the SLI against. */
export function objectiveOf(slo: string): string {
  return `max(${selector(SLO_SERIES.objective, one(slo))})`;
}

/** Error budget remaining of one SLO, relative (1 = untouched). */
export function budgetRemainingOf(slo: string): string {
  return `max(${selector(SLO_SERIES.errorBudgetRemaining, one(slo))})`;
}

/** Error budget remaining of one SLO in events: bad events still allowed this period. */
export function budgetRemainingEventsOf(slo: string): string {
  const allowed = `(1 - max(${selector(SLO_SERIES.objective, one(slo))})) * max(${selector(sloEventCountSeries('total', SLO_PERIOD), one(slo))})`;
  return `${allowed} - max(${selector(sloEventCountSeries('bad', SLO_PERIOD), one(slo))})`;
}

/** Burn rate of one SLO over one window, over time. */
export function burnRateOf(slo: string, window: SloWindow): string {
  return `max(${selector(sloBurnRateSeries(window), one(slo))})`;
}

/** Firing / pending burn-rate alerts of one SLO, by tier. */
export function burnAlertStatesOf(slo: string): string {
  return `max by (${LABEL.tier}, ${PROMETHEUS_ALERTS.alertState}) (${selector(PROMETHEUS_ALERTS.series, [
    eq(PROMETHEUS_ALERTS.alertName, ALERT.sloBurnRate),
    ...one(slo),
  ])})`;
}

/** Events one SLO saw over the period. */
export function sloEventsOf(slo: string): string {
  return `max(${selector(sloEventCountSeries('total', SLO_PERIOD), one(slo))})`;
}
