import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { TraceStage } from '@hybridlens/conventions';
import type { TimeAxis, TraceLifecycle } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';
import { stageColor, stageName } from './stageStyle';
import { mergedIntervals } from './waterfallRows';

/**
 * One lane per stage on the trace's time axis (where its spans ran, merged), with its share of the critical path,
 * then the critical path itself coloured by the stage that owns each stretch: where the time went, at a glance.
 */
function StageLanesView({ lifecycle, axis }: { lifecycle: TraceLifecycle; axis: TimeAxis }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const lanes = useMemo(() => {
    const byStage = new Map<TraceStage, Array<{ startMs: number; endMs: number }>>();
    for (const s of lifecycle.spans) {
      const list = byStage.get(s.stage) ?? [];
      list.push({ startMs: s.span.startMs, endMs: s.span.endMs });
      byStage.set(s.stage, list);
    }
    return lifecycle.stages
      .filter((st) => byStage.has(st.stage) || st.criticalPathMs > 0)
      .map((st) => ({ total: st, intervals: mergedIntervals(byStage.get(st.stage) ?? []) }));
  }, [lifecycle]);
  const x = (ms: number) => axis.x(ms) * 100;
  return (
    <div className={styles.lanes} data-testid={testIds.waterfall.stageLanes}>
      {lanes.map(({ total, intervals }) => (
        <div
          key={total.stage}
          className={styles.lane}
          data-testid={testIds.waterfall.stageLane}
          data-stage={total.stage}
        >
          <div className={styles.label}>
            <span className={styles.swatch} style={{ background: stageColor(theme, total.stage) }} />
            <span className={styles.stage}>{stageName(total.stage)}</span>
            <span className={styles.share}>
              {t('waterfall.lane-share', '{{share}} of the critical path · {{duration}}', {
                share: `${(total.share * 100).toFixed(1)} %`,
                duration: formatMs(total.criticalPathMs),
              })}
            </span>
          </div>
          <div className={styles.track}>
            {intervals.map(([from, to]) => (
              <div
                key={from}
                className={styles.bar}
                style={{
                  left: `${x(from)}%`,
                  width: `${Math.max(x(to) - x(from), 0.15)}%`,
                  background: stageColor(theme, total.stage),
                }}
              />
            ))}
          </div>
        </div>
      ))}
      <div className={styles.lane} data-testid={testIds.waterfall.criticalPath}>
        <div className={styles.label}>
          <span className={styles.stage}>{t('waterfall.critical-path', 'Critical path')}</span>
        </div>
        <div className={styles.track}>
          {lifecycle.criticalPath.map((c) => (
            <div
              key={c.startMs}
              className={styles.critical}
              style={{
                left: `${x(c.startMs)}%`,
                width: `${Math.max(x(c.endMs) - x(c.startMs), 0.1)}%`,
                background: stageColor(theme, c.stage),
              }}
              title={t('waterfall.bar-title', '{{stage}} · {{duration}}', {
                stage: stageName(c.stage),
                duration: formatMs(c.endMs - c.startMs),
              })}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  lanes: css({ display: 'flex', flexDirection: 'column', gap: 2, fontSize: theme.typography.bodySmall.fontSize }),
  lane: css({ display: 'flex', alignItems: 'center', height: 18 }),
  label: css({
    width: '34%',
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  }),
  swatch: css({ width: 10, height: 10, borderRadius: 2, flexShrink: 0 }),
  stage: css({ fontWeight: theme.typography.fontWeightMedium }),
  share: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }),
  track: css({ position: 'relative', flex: 1, height: '100%', background: theme.colors.background.secondary }),
  bar: css({ position: 'absolute', top: 3, bottom: 3, borderRadius: 1, minWidth: 1 }),
  critical: css({
    position: 'absolute',
    top: 1,
    bottom: 1,
    minWidth: 1,
    outline: `1px solid ${theme.colors.warning.main}`,
  }),
});

/** Memoized: the waterfall re-renders on every scroll step, the lanes only when the trace or its axis change. */
export const StageLanes = React.memo(StageLanesView);
