import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { sloBudgetRemaining, sloBurnRate, sloCurrentSli, sloInfo, sloTotalEvents } from '../../queries/slo';
import { SLO_LIST } from './sloRows';

/** The window whose burn rate the list shows: the long window of the fastest paging tier. */
export const LIST_BURN_WINDOW = '1h' as const;

export function buildSloListRunner(): SceneQueryRunner {
  const instant = { instant: true, range: false };
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: SLO_LIST.info, expr: sloInfo(), ...instant },
      { refId: SLO_LIST.sli, expr: sloCurrentSli(), ...instant },
      { refId: SLO_LIST.budget, expr: sloBudgetRemaining(), ...instant },
      { refId: SLO_LIST.burnRate, expr: sloBurnRate(LIST_BURN_WINDOW), ...instant },
      { refId: SLO_LIST.events, expr: sloTotalEvents(), ...instant },
    ],
  });
}
