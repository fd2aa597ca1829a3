import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Badge, Text, useStyles2, useTheme2 } from '@grafana/ui';
import { SPAN_STAGE } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from '../../components/waterfall/formatDuration';
import { stageColor } from '../../components/waterfall/stageStyle';
import { type PathColumn, aggregateWaterfall, axisEnd } from './aggregateWaterfall';

function pathName(path: string): string {
  switch (path) {
    case 'qpu':
      return t('lifecycle.path.qpu', 'QPU');
    case 'simulator':
      return t('lifecycle.path.simulator', 'Simulator');
    case 'classical':
      return t('lifecycle.path.classical', 'Classical');
    case 'none':
      return t('lifecycle.path.none', 'Ended before routing');
    default:
      return path;
  }
}

const seconds = (s: number | undefined) => (s === undefined ? '—' : formatMs(s * 1000));

function Column({ column }: { column: PathColumn }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const end = axisEnd(column);
  const pct = (s: number) => `${Math.min((s / end) * 100, 100)}%`;
  return (
    <section className={styles.column} data-testid={testIds.lifecycle.pathColumn} data-path={column.path}>
      <Text element="h4">{pathName(column.path)}</Text>
      <Text color="secondary" variant="bodySmall">
        {t('lifecycle.column.summary', '{{requests}} requests · P50 {{p50}} · P95 {{p95}} · axis 0–{{end}}', {
          requests: Math.round(column.requests),
          p50: seconds(column.requestP50),
          p95: seconds(column.requestP95),
          end: seconds(end),
        })}
      </Text>
      {column.stages.map((s) => {
        const color = stageColor(theme, SPAN_STAGE[s.span]);
        const offset = s.offsetP50 ?? 0;
        const tail = s.span === column.tailStage;
        return (
          <div
            key={s.span}
            className={styles.row}
            data-testid={testIds.lifecycle.stageRow}
            data-span={s.span}
            data-duration-p50={s.durationP50}
            data-duration-p95={s.durationP95}
            data-offset-p50={s.offsetP50}
          >
            <div className={styles.label}>
              <span>{s.span}</span>
              {tail && (
                <span data-testid={testIds.lifecycle.tailMark}>
                  <Badge color="red" text={t('lifecycle.tail', 'dominates the tail')} />
                </span>
              )}
            </div>
            <div className={styles.track}>
              {s.durationP95 !== undefined && (
                <div
                  className={styles.p95}
                  style={{ left: pct(offset), width: pct(s.durationP95), borderColor: color }}
                  title={t('lifecycle.bar.p95', 'P95 {{duration}} from +{{offset}}', {
                    duration: seconds(s.durationP95),
                    offset: seconds(offset),
                  })}
                />
              )}
              {s.durationP50 !== undefined && (
                <div
                  className={styles.p50}
                  style={{ left: pct(offset), width: pct(s.durationP50), background: color }}
                  title={t('lifecycle.bar.p50', 'P50 {{duration}} from +{{offset}}', {
                    duration: seconds(s.durationP50),
                    offset: seconds(offset),
                  })}
                />
              )}
            </div>
            <span className={styles.numbers}>
              {t('lifecycle.row.numbers', '+{{offset}} · P50 {{p50}} · P95 {{p95}}', {
                offset: seconds(s.offsetP50),
                p50: seconds(s.durationP50),
                p95: seconds(s.durationP95),
              })}
            </span>
          </div>
        );
      })}
    </section>
  );
}

interface LifecycleWaterfallState extends SceneObjectState {}

/**
 * The lifecycle as one waterfall over many requests: per served path (QPU, simulator, classical side by side),
 * each lifecycle span at its P50 start offset with its P50 (solid) and P95 (outline) duration, on one axis per
 * path, and the span that dominates the tail marked. Built on Prometheus only (the per-span histograms).
 */
export class LifecycleWaterfall extends SceneObjectBase<LifecycleWaterfallState> {
  static Component = ({ model }: SceneComponentProps<LifecycleWaterfall>) => <Columns model={model} />;
}

function Columns({ model }: { model: LifecycleWaterfall }) {
  const styles = useStyles2(getStyles);
  const { data } = sceneGraph.getData(model).useState();
  const columns = aggregateWaterfall(data?.series ?? []);
  return (
    <div className={styles.columns} data-testid={testIds.lifecycle.waterfall}>
      {columns.map((c) => (
        <Column key={c.path} column={c} />
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  columns: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))',
    gap: theme.spacing(2),
  }),
  column: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    minWidth: 0,
  }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '170px minmax(0, 1fr)',
    gridTemplateRows: 'auto auto',
    columnGap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  // Wraps rather than clips: the tail badge must stay readable at 1024 px.
  label: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    alignItems: 'center',
    overflowWrap: 'anywhere',
  }),
  track: css({ position: 'relative', height: 18, background: theme.colors.background.secondary }),
  p95: css({ position: 'absolute', top: 1, bottom: 1, border: '1px dashed', borderRadius: 2, minWidth: 2 }),
  p50: css({ position: 'absolute', top: 4, bottom: 4, borderRadius: 2, minWidth: 2 }),
  numbers: css({ gridColumn: 2, color: theme.colors.text.secondary }),
});
