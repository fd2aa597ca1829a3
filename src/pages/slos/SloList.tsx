import React from 'react';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { css } from '@emotion/css';
import { Alert, Badge, LoadingPlaceholder, TextLink, Tooltip, useStyles2 } from '@grafana/ui';
import { type GrafanaTheme2, LoadingState } from '@grafana/data';
import { linkFromScene } from '../../app/links';
import { testIds } from '../../testIds';
import { SloMissingHelp } from './SloMissingHelp';
import { type SloRow, buildSloRows } from './sloRows';
import { count, percent, times } from './sloFormat';
import { LIST_BURN_WINDOW } from './slosQueries';

interface SloListState extends SceneObjectState {
  minEventsToJudge: number;
}

function StateBadge({ row, minEvents }: { row: SloRow; minEvents: number }) {
  if (row.state === 'noData') {
    return (
      <Tooltip content="The SLO is defined but no recorded SLI values exist yet for it (no events, or the recording rules have not run).">
        <span>
          <Badge color="blue" text="no data" />
        </span>
      </Tooltip>
    );
  }
  if (row.state === 'lowTraffic') {
    return (
      <Tooltip
        content={`${count(row.events)} events this period; at least ${minEvents} are needed before the SLI means anything.`}
      >
        <span>
          <Badge color="purple" text="too little traffic to judge" />
        </span>
      </Tooltip>
    );
  }
  const missed = (row.budgetRemaining ?? 1) < 0;
  return (
    <Badge
      color={missed ? 'red' : (row.budgetRemaining ?? 1) < 0.25 ? 'orange' : 'green'}
      text={missed ? 'SLO missed' : 'within SLO'}
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

/** The SLOs Prometheus knows about, worst remaining budget first, each linking to its detail page. */
export class SloList extends SceneObjectBase<SloListState> {
  static Component = SloListRenderer;
}

function SloListRenderer({ model }: SceneComponentProps<SloList>) {
  const { data } = sceneGraph.getData(model).useState();
  sceneGraph.getTimeRange(model).useState();
  const { minEventsToJudge } = model.useState();
  const styles = useStyles2(getStyles);
  if (!data || data.state === LoadingState.Loading || data.state === LoadingState.NotStarted) {
    return <LoadingPlaceholder text="Reading SLOs from Prometheus…" />;
  }
  if (data.errors?.length) {
    return (
      <Alert severity="error" title="Could not read SLOs from Prometheus">
        {data.errors.map((e) => e.message).join('; ')}
      </Alert>
    );
  }
  const rows = buildSloRows(data.series, minEventsToJudge);
  if (rows.length === 0) {
    return <SloMissingHelp />;
  }
  return (
    <table data-testid={testIds.slos.table} className={styles.table}>
      <thead>
        <tr>
          <th>SLO</th>
          <th>Service</th>
          <th>SLI type</th>
          <th>Objective</th>
          <th>Current SLI</th>
          <th>Budget remaining</th>
          <th>Burn rate ({LIST_BURN_WINDOW})</th>
          <th>Status</th>
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
