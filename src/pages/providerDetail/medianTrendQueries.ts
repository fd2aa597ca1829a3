import { CALIBRATION_METRIC as M, type CalibrationQuantity, calibrationDriftSeries } from '@hybridlens/conventions';
import { type BackendRef, MEDIAN_SERIES, backendMatchers, lastValue } from '../../queries/calibration';

/**
 * Range queries of the backend page's drift charts: each backend median over the dashboard range beside its rolling
 * 7-day median, as the exporter's drift rules record it (hybridlens-calibration-drift.rules.yml). Each reads the
 * value in force at every step (`last_over_time`, as the snapshot does), so hourly snapshots draw as steps.
 */

/** RefIds of the range queries calibration events are read from (calibrationEvents.ts). */
export const EVENT_SOURCES = {
  calibratedAt: 'events:calibratedAt',
  calibrationVersion: 'events:calibrationVersion',
  qpuVersion: 'events:qpuVersion',
} as const;

export type TrendSeries = 'median' | 'median7d';

/** RefId of one line of one quantity's chart ("t1:median", "2q_error:median7d"). */
export function trendRefId(quantity: CalibrationQuantity, series: TrendSeries): string {
  return `${quantity}:${series}`;
}

export function medianTrendQueries(b: BackendRef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [quantity, metric] of Object.entries(MEDIAN_SERIES) as Array<[CalibrationQuantity, string]>) {
    out[trendRefId(quantity, 'median')] = lastValue(metric, backendMatchers(b));
    out[trendRefId(quantity, 'median7d')] = lastValue(calibrationDriftSeries(metric).median7d, backendMatchers(b));
  }
  // Calibration and QPU version changes, drawn as annotations (calibrationEvents.ts).
  out[EVENT_SOURCES.calibratedAt] = lastValue(M.calibratedAt.name, backendMatchers(b));
  out[EVENT_SOURCES.calibrationVersion] = lastValue(M.info.name, backendMatchers(b));
  out[EVENT_SOURCES.qpuVersion] = lastValue(M.deviceInfo.name, backendMatchers(b));
  return out;
}
