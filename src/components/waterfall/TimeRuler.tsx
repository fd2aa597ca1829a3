import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { TimeAxis } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';
import { rulerTicks } from './rulerTicks';

/**
 * Real offsets from the trace start at round values inside each stretch drawn to scale (every label a later
 * time, none repeated), and each compressed idle gap as a hatched break mark carrying its real length.
 */
export function TimeRuler({ axis }: { axis: TimeAxis }) {
  const styles = useStyles2(getStyles);
  const { ticks, breaks } = useMemo(() => rulerTicks(axis), [axis]);
  return (
    <div className={styles.ruler} data-testid={testIds.waterfall.ruler}>
      <div className={styles.spacer} />
      <div className={styles.track}>
        {breaks.map((b) => (
          <div
            key={b.fromX}
            className={styles.gap}
            style={{ left: `${b.fromX * 100}%`, width: `${(b.toX - b.fromX) * 100}%` }}
            data-testid={testIds.waterfall.compressedGap}
            title={t('waterfall.idle-gap', '{{duration}} idle (compressed)', { duration: formatMs(b.durationMs) })}
          >
            {b.showLabel && <span className={styles.gapLabel}>{b.label}</span>}
          </div>
        ))}
        {ticks.map((tick) => (
          <span
            key={tick.offsetMs}
            className={styles.tick}
            style={{
              left: `${tick.x * 100}%`,
              transform: tick.x < 0.02 ? undefined : tick.x > 0.98 ? 'translateX(-100%)' : 'translateX(-50%)',
            }}
            data-testid={testIds.waterfall.rulerTick}
            data-offset-ms={tick.offsetMs}
          >
            {tick.label}
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
    left: '50%',
    transform: 'translateX(-50%)',
    whiteSpace: 'nowrap',
    color: theme.colors.text.secondary,
    background: theme.colors.background.primary,
    padding: '0 2px',
  }),
});
