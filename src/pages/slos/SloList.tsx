import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { css } from '@emotion/css';
import { Badge, TextLink, Tooltip, useStyles2 } from '@grafana/ui';
import type { GrafanaTheme2 } from '@grafana/data';
import { Trans, t } from '../../i18n';
import { linkFromScene } from '../../app/links';
import { testIds } from '../../ui/testIds';
import { type SloRow, buildSloRows } from './sloRows';
import { count, percent, times } from './sloFormat';
import { LIST_BURN_WINDOW } from './slosQueries';

interface SloListState extends SceneObjectState {
  minEventsToJudge: number;
}

function StateBadge({ row, minEvents }: { row: SloRow; minEvents: number }) {
  if (row.state === 'noData') {
    return (
      <Tooltip
        content={t(
          'slos.state.no-data-tooltip',
          'The SLO is defined but no recorded SLI values exist yet for it (no events, or the recording rules have not run).'
        )}
      >
        <span>
          <Badge color="blue" text={t('slos.state.no-data', 'no data')} />
        </span>
      </Tooltip>
    );
  }
  if (row.state === 'lowTraffic') {
    return (
      <Tooltip
        content={t(
          'slos.state.low-traffic-tooltip',
          '{{events}} events this period: fewer than {{minEvents}}, and too few to tell whether the objective is met.',
          { events: count(row.events), minEvents }
        )}
      >
        <span>
          <Badge color="purple" text={t('slos.state.low-traffic', 'too little traffic to judge')} />
        </span>
      </Tooltip>
    );
  }
  const missed = (row.budgetRemaining ?? 1) < 0;
  return (
    <Badge
      color={missed ? 'red' : (row.budgetRemaining ?? 1) < 0.25 ? 'orange' : 'green'}
      text={missed ? t('slos.state.missed', 'SLO missed') : t('slos.state.within', 'within SLO')}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    'td.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
});

/**
 * The SLOs Prometheus knows about, worst remaining budget first, each linking to its detail page. Loading,
 * errors and "no SLO metadata" are shown by the DataStates around it.
 */
export class SloList extends SceneObjectBase<SloListState> {
  static Component = SloListRenderer;
}

function SloListRenderer({ model }: SceneComponentProps<SloList>) {
  const { data } = sceneGraph.getData(model).useState();
  sceneGraph.getTimeRange(model).useState();
  const { minEventsToJudge } = model.useState();
  const styles = useStyles2(getStyles);
  const rows = buildSloRows(data?.series ?? [], minEventsToJudge);
  const window = LIST_BURN_WINDOW;
  return (
    <table data-testid={testIds.slos.table} className={styles.table}>
      <thead>
        <tr>
          <th>
            <Trans i18nKey="slos.table.slo">SLO</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.service">Service</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.sli-type">SLI type</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.objective">Objective</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.current-sli">Current SLI</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.budget">Budget remaining</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.burn-rate">Burn rate ({{ window }})</Trans>
          </th>
          <th>
            <Trans i18nKey="slos.table.status">Status</Trans>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.slo} data-testid={testIds.slos.row}>
            <td>
              <TextLink href={linkFromScene(model, { page: 'sloDetail', params: { slo: row.slo } })} inline={false}>
                {row.slo}
              </TextLink>
            </td>
            <td>{row.service}</td>
            <td>{row.sliType}</td>
            <td className="number">{percent(row.objective, 3)}</td>
            <td className="number">{percent(row.sli, 3)}</td>
            <td className="number">{percent(row.budgetRemaining, 1)}</td>
            <td className="number">{times(row.burnRate)}</td>
            <td>
              <StateBadge row={row} minEvents={minEventsToJudge} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
