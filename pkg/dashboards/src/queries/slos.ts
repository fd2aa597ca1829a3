import {
  LABEL,
  PROMETHEUS_ALERTS,
  SLI_TYPE,
  SLO_PERIOD,
  SLO_SERIES,
  ALERT_STATE,
  oneOf,
  eq,
  range,
  selector,
} from '@hybridlens/conventions';
import { defaultSpecs } from '@hybridlens/slo';
import { MACRO } from './grafanaMacros';

/**
 * The SLIs the summary leads with (the ops guide's: latency, quantum job success, schema compliance).
 * The app's Overview uses the same three (src/queries/slo.ts); both read them from hybridlens_slo_info.
 */
export const KEY_SLI_TYPES = [SLI_TYPE.latency, SLI_TYPE.quantumJobSuccess, SLI_TYPE.schemaCompliance] as const;

/**
 * How many key SLOs the generated rules define (pkg/slo's default specs, which the compose stack and the harness
 * load): the summary's SLO table is sized to show every one of them without scrolling.
 */
export function keySloCount(): number {
  return defaultSpecs().filter((spec) => (KEY_SLI_TYPES as readonly string[]).includes(spec.sliType)).length;
}

const keySloInfo = selector(SLO_SERIES.info, [oneOf(LABEL.sliType, KEY_SLI_TYPES)]);
const onKeySlos = (expr: string) => `(${expr}) and on (${LABEL.slo}) ${keySloInfo}`;
const bySlo = `max by (${LABEL.slo})`;

/** The generator's own step for sums of 5-minute increases (each 5-minute slot counted once). */
const FIVE_MINUTE_SLOTS = `${MACRO.range}:5m`;

function eventsOverRange(series: string): string {
  return `sum by (${LABEL.slo}) (sum_over_time(${series}[${FIVE_MINUTE_SLOTS}]))`;
}

/** Objective of each key SLO (e.g. 0.99). */
export function keySloObjective(): string {
  return `${bySlo} (${onKeySlos(SLO_SERIES.objective)})`;
}

/** Share of good events of each key SLO over the dashboard's time range. */
export function keySloGoodRatioOverRange(): string {
  const bad = eventsOverRange(SLO_SERIES.badIncrease5m);
  const total = eventsOverRange(SLO_SERIES.totalIncrease5m);
  return `1 - ${bySlo} (${onKeySlos(`${bad} / (${total} > 0)`)})`;
}

/** Error budget left of each key SLO over its compliance period (1 = untouched, below 0 = missed). */
export function keySloBudgetLeft(): string {
  return `${bySlo} (${onKeySlos(SLO_SERIES.errorBudgetRemaining)})`;
}

/** Error budget left of every SLO. */
export function sloBudgetLeft(): string {
  return `${bySlo} (${SLO_SERIES.errorBudgetRemaining})`;
}

/** Burn rate of every SLO over one recorded window, over time. */
export function sloBurnRate(series: string): string {
  return `${bySlo} (${series})`;
}

/** The compliance period the budget is counted over, in words for panel text. */
export const SLO_PERIOD_TEXT = SLO_PERIOD.replace(/d$/, ' days');

const firing = (extra: string[] = []) =>
  selector(PROMETHEUS_ALERTS.series, [eq(PROMETHEUS_ALERTS.alertState, ALERT_STATE.firing), ...extra]);

/** The labels an incident is told apart by (as Alertmanager groups them). */
export const INCIDENT_LABELS = [
  PROMETHEUS_ALERTS.alertName,
  LABEL.severity,
  LABEL.slo,
  LABEL.provider,
  LABEL.backend,
] as const;

/** The incident labels in plain words, as table columns. */
export const INCIDENT_COLUMN_NAMES: Readonly<Record<(typeof INCIDENT_LABELS)[number], string>> = {
  [PROMETHEUS_ALERTS.alertName]: 'Alert',
  [LABEL.severity]: 'Priority',
  [LABEL.slo]: 'Service level',
  [LABEL.provider]: 'Provider',
  [LABEL.backend]: 'Backend',
};

/**
 * Grafana's Prometheus datasource names a table's value column `Value` when the panel has one query returning one
 * series, `Value #<refId>` otherwise: a transformation that renames or hides it names both.
 */
export function valueColumnNames(refId: string): [string, string] {
  return ['Value', `Value #${refId}`];
}

const byIncident = `by (${INCIDENT_LABELS.join(', ')})`;

/** Seconds each incident was firing within the time range (minute resolution). */
export function incidentFiringSeconds(): string {
  return `sum ${byIncident} (count_over_time(${range(firing(), `${MACRO.range}:1m`)})) * 60`;
}

/** When each incident last fired, in ms since the epoch (for a date column). */
export function incidentLastFiringMs(): string {
  return `max ${byIncident} (max_over_time(${range(`timestamp(${firing()})`, `${MACRO.range}:1m`)})) * 1000`;
}

/** Incidents that paged someone in the time range, `offset` back (0 when there were none). */
export function pagingIncidentCount(paging: readonly string[], offset?: string): string {
  const selected = range(firing([oneOf(LABEL.severity, paging)]), MACRO.range);
  const window = offset ? `${selected} offset ${offset}` : selected;
  return `count(max ${byIncident} (max_over_time(${window}))) or vector(0)`;
}

/** Alerts firing now, one row per incident. */
export function firingNow(): string {
  return `max ${byIncident} (${firing()})`;
}

/** Paging alerts as annotations on every time series. */
export function pagingAlertsAnnotation(paging: readonly string[]): string {
  return firing([oneOf(LABEL.severity, paging)]);
}
