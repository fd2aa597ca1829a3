import { SLO_PERIOD, SLO_SERIES, sloBurnRateSeries } from '@hybridlens/conventions';
import { type RecordingRule } from '../ruleTypes';
import { type SloSpec } from '../spec';
import { errorBudget, sloLabels, sloSeries } from './sloSeries';
import { eventsOverWindow } from './windows';

/**
 * Burn over the SLO's own period (= the share of the budget spent) and the budget remaining. A period that is
 * one of the recorded windows reuses its burn rate; any other gets its own sums.
 */
export function periodRules(spec: SloSpec): RecordingRule[] {
  const labels = sloLabels(spec);
  const periodBurn =
    spec.period === SLO_PERIOD
      ? sloSeries(spec, sloBurnRateSeries(SLO_PERIOD))
      : `(${eventsOverWindow(spec, 'bad', spec.period)} / (${eventsOverWindow(spec, 'total', spec.period)} > 0)) / ${errorBudget(spec)}`;
  return [
    { record: SLO_SERIES.periodBurnRate, expr: periodBurn, labels },
    { record: SLO_SERIES.errorBudgetRemaining, expr: `1 - ${sloSeries(spec, SLO_SERIES.periodBurnRate)}`, labels },
  ];
}
