import {
  CALIBRATION_LOOKBACK,
  CALIBRATION_METRIC,
  LABEL,
  calibrationDriftSeries,
  range,
  selector,
} from '@hybridlens/conventions';
import { MACRO } from './grafanaMacros';
import { backendFilter } from './quantum';

const byBackend = `max by (${LABEL.provider}, ${LABEL.backend})`;

/**
 * One value per backend of a per-backend calibration gauge over time, for the dashboard's provider and backend:
 * the calibration in force at each step (its latest sample within CALIBRATION_LOOKBACK).
 */
export function perBackend(metric: { name: string }): string {
  return `${byBackend} (last_over_time(${range(selector(metric.name, backendFilter()), CALIBRATION_LOOKBACK)}))`;
}

/**
 * Each backend's latest value in the time range, for the dashboard's provider and backend. A backend the exporter
 * stopped reporting (provider API down, exporter restarted) keeps its row, with its age telling how stale it is.
 */
export function latestInRange(metric: { name: string }): string {
  return `${byBackend} (last_over_time(${range(selector(metric.name, backendFilter()), MACRO.range)}))`;
}

/** Seconds since each backend's latest calibration in the time range was taken. */
export function calibrationAgeSeconds(): string {
  return `time() - ${latestInRange(CALIBRATION_METRIC.calibratedAt)}`;
}

/**
 * Rejected reads of each calibration source that could not be read or parsed in the time range, or a single
 * label-less 0 when every source was read (so the panel can say so in words instead of "No data"; `on()` adds the
 * 0 only when no source failed, and also when the exporter never counted an error).
 */
export function ingestErrorsInRange(): string {
  const failed = `sum by (${LABEL.source}) (increase(${range(selector(CALIBRATION_METRIC.ingestErrors.name), MACRO.range)})) > 0`;
  return `${failed} or on() vector(0)`;
}

/**
 * A per-backend calibration gauge divided by its own 7-day median, one value per backend (1 is usual). Read from
 * the drift recording rules (`hybridlens-calibration rules`), so a 7-day chart costs what it shows.
 */
export function driftPerBackend(metric: { name: string }): string {
  return perBackend({ name: calibrationDriftSeries(metric.name).ratioToMedian7d });
}

/**
 * The column that keeps each row's provider id in a table that shows the `provider` column by name. A link on another
 * column (the backend's) cannot read the id from the shown column: Grafana resolves `${__data.fields.<column>}` to
 * that column's display value with its value mappings applied, whatever the suffix (`.text`, `.numeric`) or format
 * (`:raw` only skips escaping); only `${__value.raw}` is the raw value, and only of the column the link is on
 * (`DataMacro` / `ValueMacro` of @grafana/scenes, `getFieldDisplayValuesProxy` of @grafana/data). A link on the
 * Provider column could use `${__value.raw}`, but a provider's name is not what a user clicks for one backend's page.
 * So the id is copied into a column without mappings, hidden (src/app/dashboardLinks.test.ts interpolates the link
 * as Grafana does).
 */
export const PROVIDER_ID_COLUMN = 'provider_id';

/** A per-backend query with the `provider` label copied to PROVIDER_ID_COLUMN (every query of a merged table). */
export function withProviderIdColumn(expr: string): string {
  return `label_replace(${expr}, "${PROVIDER_ID_COLUMN}", "$1", "${LABEL.provider}", "(.*)")`;
}
