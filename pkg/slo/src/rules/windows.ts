import {
  SLO_SERIES,
  type SloWindow,
  formatDuration,
  parseDuration,
  sloBurnRateSeries,
  sloErrorRatioSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import { type RecordingRule } from '../ruleTypes';
import { type SloSpec } from '../spec';
import { INCREASE_RANGE } from './increase';
import { errorBudget, sloLabels, sloSeries } from './sloSeries';

/** Windows recorded in the fast group (also the short windows of every burn-rate tier). */
export const FAST_WINDOWS = ['30m', '1h', '2h', '6h'] as const satisfies readonly SloWindow[];
/** Windows recorded in the long group, evaluated less often. */
export const LONG_WINDOWS = ['1d', '3d', '30d'] as const satisfies readonly SloWindow[];

/** Every window ≥ 30m is a sum of the 5-minute increases on this subquery grid. */
const GRID_STEP = INCREASE_RANGE;

/**
 * `w-1s`: a subquery range one second short of the window. With the grid step dividing the window, a full
 * range holds one grid point more on Prometheus 2 (ranges closed at the start) than on 3 (open at the start);
 * one second less gives the same w / 5m slots on both.
 */
export function sameSlotsOnPrometheus2And3(window: string): string {
  return formatDuration(parseDuration(window)! - 1000);
}

/** Bad or total events over `window`: the sum of its 5-minute increases, never an average of ratios. */
export function eventsOverWindow(spec: SloSpec, kind: 'bad' | 'total', window: string): string {
  const base = kind === 'bad' ? SLO_SERIES.badIncrease5m : SLO_SERIES.totalIncrease5m;
  return `sum_over_time(${sloSeries(spec, base)}[${sameSlotsOnPrometheus2And3(window)}:${GRID_STEP}])`;
}

/** The count series the alerts report: the 5-minute increase itself for 5m, the window's sum otherwise. */
export function eventCountSeries(spec: SloSpec, kind: 'bad' | 'total', window: SloWindow): string {
  if (window === INCREASE_RANGE) {
    return sloSeries(spec, kind === 'bad' ? SLO_SERIES.badIncrease5m : SLO_SERIES.totalIncrease5m);
  }
  return sloSeries(spec, sloEventCountSeries(kind, window));
}

/** Error ratio and burn rate of one window from its bad and total counts. */
export function ratioAndBurnRules(spec: SloSpec, window: SloWindow): RecordingRule[] {
  const labels = sloLabels(spec);
  const bad = eventCountSeries(spec, 'bad', window);
  const total = eventCountSeries(spec, 'total', window);
  return [
    // No events → no ratio (not NaN): the window says nothing, and alerts stay quiet.
    { record: sloErrorRatioSeries(window), expr: `${bad} / (${total} > 0)`, labels },
    {
      record: sloBurnRateSeries(window),
      expr: `${sloSeries(spec, sloErrorRatioSeries(window))} / ${errorBudget(spec)}`,
      labels,
    },
  ];
}

/** Counts, error ratio and burn rate of one window ≥ 30m. */
export function windowRules(spec: SloSpec, window: SloWindow): RecordingRule[] {
  const labels = sloLabels(spec);
  return [
    { record: sloEventCountSeries('bad', window), expr: eventsOverWindow(spec, 'bad', window), labels },
    { record: sloEventCountSeries('total', window), expr: eventsOverWindow(spec, 'total', window), labels },
    ...ratioAndBurnRules(spec, window),
  ];
}
