import React, { useEffect, useRef } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { TRACE_STAGE } from '@hybridlens/conventions';
import type { TimeAxis, TraceLifecycle } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { stageColor } from './stageStyle';
import type { WaterfallRow } from './waterfallRows';

const HEIGHT = 48;

interface MinimapProps {
  lifecycle: TraceLifecycle;
  rows: readonly WaterfallRow[];
  axis: TimeAxis;
  scrollTop: number;
  viewHeight: number;
  rowHeight: number;
  onScrollTo: (scrollTop: number) => void;
}

/**
 * Rows grouped into at most `height` bands (one per pixel row of the strip), each band holding, per colour, the
 * extent its rows cover: a 10,000-row trace costs a few hundred rectangles, not 10,000 (issue 11's waterfall bench).
 */
export function minimapBands(
  rowCount: number,
  height: number,
  rowExtent: (index: number) => [fromMs: number, toMs: number, color: string]
): Array<Map<string, [number, number]>> {
  const count = Math.min(rowCount, Math.max(1, Math.floor(height)));
  const bands = Array.from({ length: rowCount === 0 ? 0 : count }, () => new Map<string, [number, number]>());
  for (let i = 0; i < rowCount; i++) {
    const band = bands[Math.floor((i * count) / rowCount)]!;
    const [from, to, color] = rowExtent(i);
    const extent = band.get(color);
    if (extent) {
      extent[0] = Math.min(extent[0], from);
      extent[1] = Math.max(extent[1], to);
    } else {
      band.set(color, [from, to]);
    }
  }
  return bands;
}

/**
 * Every row of a long trace squeezed into a strip (drawn on a canvas, one band per pixel row, not one
 * element per row), with the visible window outlined. Click or use the arrow keys to move the window.
 */
export function Minimap({ lifecycle, rows, axis, scrollTop, viewHeight, rowHeight, onScrollTo }: MinimapProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const canvas = useRef<HTMLCanvasElement>(null);
  const total = rows.length * rowHeight;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) {
      return;
    }
    const width = (el.width = el.clientWidth || 600);
    el.height = HEIGHT;
    ctx.clearRect(0, 0, width, HEIGHT);
    const bands = minimapBands(rows.length, HEIGHT, (i) => {
      const row = rows[i]!;
      if (row.kind === 'gap') {
        return [row.gap.startMs, row.gap.endMs, theme.colors.error.main];
      }
      if (row.kind === 'job') {
        const job = lifecycle.quantumJobs[row.job]!;
        return [job.startMs, job.endMs, stageColor(theme, TRACE_STAGE.quantum)];
      }
      const span = lifecycle.spans[row.index]!;
      return [span.span.startMs, span.span.endMs, stageColor(theme, span.stage)];
    });
    const bandHeight = HEIGHT / Math.max(bands.length, 1);
    bands.forEach((band, b) => {
      for (const [color, [from, to]] of band) {
        ctx.fillStyle = color;
        const x0 = axis.x(from) * width;
        ctx.fillRect(x0, b * bandHeight, Math.max(axis.x(to) * width - x0, 1), Math.max(bandHeight, 0.5));
      }
    });
  }, [lifecycle, rows, axis, theme]);

  const windowTop = (scrollTop / total) * HEIGHT;
  const windowHeight = Math.max((viewHeight / total) * HEIGHT, 3);
  const moveTo = (fraction: number) =>
    onScrollTo(Math.max(0, Math.min(total - viewHeight, fraction * total - viewHeight / 2)));

  return (
    <div
      className={styles.minimap}
      role="scrollbar"
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={Math.max(total - viewHeight, 0)}
      aria-valuenow={Math.round(scrollTop)}
      aria-label={t('waterfall.minimap', 'Minimap of all {{count}} rows', { count: rows.length })}
      tabIndex={0}
      data-testid={testIds.waterfall.minimap}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        moveTo((e.clientY - box.top) / box.height);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'PageDown' || e.key === 'PageUp') {
          e.preventDefault();
          const step = e.key.startsWith('Page') ? viewHeight : viewHeight / 4;
          const delta = e.key === 'ArrowDown' || e.key === 'PageDown' ? step : -step;
          onScrollTo(Math.max(0, Math.min(total - viewHeight, scrollTop + delta)));
        }
      }}
    >
      <canvas ref={canvas} className={styles.canvas} />
      <div className={styles.window} style={{ top: windowTop, height: windowHeight }} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  minimap: css({
    position: 'relative',
    height: HEIGHT,
    marginLeft: '34%',
    border: `1px solid ${theme.colors.border.weak}`,
    cursor: 'pointer',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  canvas: css({ width: '100%', height: HEIGHT, display: 'block' }),
  window: css({
    position: 'absolute',
    left: 0,
    right: 0,
    border: `1px solid ${theme.colors.primary.border}`,
    background: theme.colors.primary.transparent,
    pointerEvents: 'none',
  }),
});
