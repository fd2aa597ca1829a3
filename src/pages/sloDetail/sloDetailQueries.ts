import { SceneQueryRunner } from '@grafana/scenes';
import { BURN_RATE_TIERS, SLO_PERIOD, type SloWindow } from '@hybridlens/conventions';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import {
  budgetRemainingEventsOf,
  budgetRemainingOf,
  burnAlertStatesOf,
  burnRateOf,
  objectiveOf,
  sliOf,
  sloEventsOf,
  sloInfoOf,
} from '../../queries/slo';

export const DETAIL_STATUS = { info: 'info', alerts: 'alerts', events: 'events', budget: 'budgetNow' } as const;
export const DETAIL_TRENDS = {
  sliShort: 'sli1h',
  sliPeriod: 'sliPeriod',
  objective: 'objective',
  budget: 'budget',
  budgetEvents: 'budgetEvents',
} as const;

/** refId of the burn rate over one window; tiers share windows (6h), so each window is queried once. */
export function burnRefId(window: SloWindow): string {
  return `burn${window}`;
}

/** Every window the four tiers use, each once. */
export function burnWindows(): SloWindow[] {
  return [...new Set(BURN_RATE_TIERS.flatMap((t) => [t.longWindow, t.shortWindow]))];
}

export function buildSloStatusRunner(slo: string): SceneQueryRunner {
  const instant = { instant: true, range: false };
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: DETAIL_STATUS.info, expr: sloInfoOf(slo), ...instant },
      { refId: DETAIL_STATUS.alerts, expr: burnAlertStatesOf(slo), ...instant },
      { refId: DETAIL_STATUS.events, expr: sloEventsOf(slo), ...instant },
      { refId: DETAIL_STATUS.budget, expr: budgetRemainingOf(slo), ...instant },
    ],
  });
}

export function buildSloTrendsRunner(slo: string): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: DETAIL_TRENDS.sliShort, expr: sliOf(slo, '1h'), legendFormat: 'SLI (1h)' },
      { refId: DETAIL_TRENDS.sliPeriod, expr: sliOf(slo, SLO_PERIOD), legendFormat: `SLI (${SLO_PERIOD})` },
      { refId: DETAIL_TRENDS.objective, expr: objectiveOf(slo), legendFormat: 'objective' },
      { refId: DETAIL_TRENDS.budget, expr: budgetRemainingOf(slo), legendFormat: 'budget remaining' },
      {
        refId: DETAIL_TRENDS.budgetEvents,
        expr: budgetRemainingEventsOf(slo),
        legendFormat: 'bad events still allowed',
      },
      ...burnWindows().map((w) => ({ refId: burnRefId(w), expr: burnRateOf(slo, w), legendFormat: `burn rate ${w}` })),
    ],
  });
}
