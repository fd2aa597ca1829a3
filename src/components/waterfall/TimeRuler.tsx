import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { TimeAxis } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';

const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * Offsets from the trace start at even positions of the axis, and each compressed idle gap as a hatched band
 * saying how long it really was (positions are not proportional to time across a gap).
 */
export function TimeRuler({ axis }: { axis: TimeAxis }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.ruler} data-testid={testIds.waterfall.ruler}>
      <div className={styles.spacer} />
      <div className={styles.track}>
        {axis.segments
          .filter((s) => s.compressed)
          .map((s) => (
            <div
              key={s.startMs}
              className={styles.gap}
              style={{ left: `${s.fromX * 100}%`, width: `${(s.toX - s.fromX) * 100}%` }}
              data-testid={testIds.waterfall.compressedGap}
              title={t('waterfall.idle-gap', '{{duration}} idle (compressed)', {
                duration: formatMs(s.endMs - s.startMs),
              })}
            >
              <span className={styles.gapLabel}>≈ {formatMs(s.endMs - s.startMs)}</span>
            </div>
          ))}
        {TICKS.map((p) => (
          <span key={p} className={styles.tick} style={p === 1 ? { right: 0 } : { left: `${p * 100}%` }}>
            {formatMs(axis.time(p) - axis.startMs)}
          </span>
        ))}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ruler: css({ display: 'flex', height: 28, fontSize: theme.typography.bodySmall.fontSize }),
  spacer: css({ width: '34%', flexShrink: 0 }),
  track: css({ position: 'relative', flex: 1, borderBottom: `1px solid ${theme.colors.border.medium}` }),
  tick: css({ position: 'absolute', bottom: 2, color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  gap: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    background: `repeating-linear-gradient(135deg, ${theme.colors.border.medium}, ${theme.colors.border.medium} 2px, transparent 2px, transparent 6px)`,
    overflow: 'visible',
  }),
  gapLabel: css({
    position: 'absolute',
    top: -2,
    left: 0,
    whiteSpace: 'nowrap',
    color: theme.colors.text.secondary,
    background: theme.colors.background.primary,
    padding: '0 2px',
  }),
});
