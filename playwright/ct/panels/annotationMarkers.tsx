import React, { useState } from 'react';
import { createPortal } from 'react-dom';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2, type TimeRange, colorManipulator } from '@grafana/data';
import { type UPlotConfigBuilder, useStyles2, useTheme2 } from '@grafana/ui';
import type uPlot from 'uplot';
import { harnessTestIds } from '../runtime/harnessTestIds';

/** One row of an annotation frame, as Grafana's time series panel reads it (time, timeEnd, title, text, color). */
export interface PanelAnnotation {
  time: number;
  /** Set (and after `time`) for a region annotation, drawn as a band. */
  timeEnd?: number;
  title: string;
  text: string;
  color?: string;
}

/** Grafana's colour for annotations that name none (its built-in "Annotations & Alerts" colour). */
const DEFAULT_COLOR = 'rgba(0, 211, 255, 1)';
const MARKER_PX = 10;

function fieldValues(frame: DataFrame, name: string): unknown[] | undefined {
  return frame.fields.find((f) => f.name === name)?.values;
}

/** Every row of the panel's annotation frames; rows without a finite time are not drawn (as in Grafana). */
export function panelAnnotations(frames: readonly DataFrame[] | undefined): PanelAnnotation[] {
  const out: PanelAnnotation[] = [];
  for (const frame of frames ?? []) {
    const times = fieldValues(frame, 'time') ?? [];
    const ends = fieldValues(frame, 'timeEnd');
    const titles = fieldValues(frame, 'title');
    const texts = fieldValues(frame, 'text');
    const colors = fieldValues(frame, 'color');
    times.forEach((time, i) => {
      const start = Number(time);
      if (time === null || !Number.isFinite(start)) {
        return;
      }
      const end = Number(ends?.[i]);
      const text = String(texts?.[i] ?? '');
      out.push({
        time: start,
        timeEnd: Number.isFinite(end) && end > start ? end : undefined,
        title: String(titles?.[i] ?? text),
        text,
        color: colors?.[i] ? String(colors[i]) : undefined,
      });
    });
  }
  return out;
}

/** Inside the range: a point annotation at or between its ends, a region that overlaps it. */
function inRange(a: PanelAnnotation, from: number, to: number): boolean {
  return (a.timeEnd ?? a.time) >= from && a.time <= to;
}

const withPlotHooks = new WeakSet<UPlotConfigBuilder>();

/**
 * Hands the uPlot instance to `onPlot` once it exists and again after each redraw (resize, new data), so the
 * markers follow the x scale as uPlot's own drawing does. Added while the config is built, before uPlot is created.
 */
function trackPlot(config: UPlotConfigBuilder, onPlot: (plot: uPlot) => void): void {
  if (withPlotHooks.has(config)) {
    return;
  }
  withPlotHooks.add(config);
  config.addHook('ready', onPlot);
  config.addHook('draw', onPlot);
}

interface Props {
  config: UPlotConfigBuilder;
  annotations: readonly DataFrame[] | undefined;
  timeRange: TimeRange;
}

/**
 * The annotations of a time series panel drawn as Grafana's panel draws them: a line over the plot at each
 * annotation's time with a marker on the time axis (a band for a region), in the annotation's colour, its title
 * and text shown while the marker is hovered or focused. Placed in uPlot's overlay, whose x is the plot's.
 */
export function AnnotationMarkers({ config, annotations, timeRange }: Props) {
  const [plot, setPlot] = useState<{ u: uPlot; draws: number }>();
  trackPlot(config, (u) => setPlot((p) => ({ u, draws: (p?.draws ?? 0) + 1 })));
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const visible = panelAnnotations(annotations).filter((a) => inRange(a, from, to));
  if (!plot || visible.length === 0) {
    return null;
  }
  return createPortal(
    <>
      {visible.map((a, i) => (
        <Marker key={`${a.time}-${i}`} annotation={a} plot={plot.u} from={from} to={to} />
      ))}
    </>,
    plot.u.over
  );
}

function Marker({
  annotation,
  plot,
  from,
  to,
}: {
  annotation: PanelAnnotation;
  plot: uPlot;
  from: number;
  to: number;
}) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [open, setOpen] = useState(false);
  const color = theme.visualization.getColorByName(annotation.color ?? DEFAULT_COLOR);
  const left = plot.valToPos(Math.max(annotation.time, from), 'x');
  const right = annotation.timeEnd === undefined ? left : plot.valToPos(Math.min(annotation.timeEnd, to), 'x');
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <>
      <div
        className={annotation.timeEnd === undefined ? styles.line : styles.band}
        style={
          annotation.timeEnd === undefined
            ? { left, borderColor: color }
            : {
                left,
                width: Math.max(1, right - left),
                background: colorManipulator.alpha(color, 0.15),
                borderColor: color,
              }
        }
      />
      <div
        data-testid={harnessTestIds.annotationMarker}
        data-time={annotation.time}
        data-time-end={annotation.timeEnd}
        data-title={annotation.title}
        tabIndex={0}
        role="img"
        aria-label={annotation.title}
        className={styles.marker}
        style={{ left: left - MARKER_PX / 2, width: Math.max(MARKER_PX, right - left + MARKER_PX), background: color }}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
      />
      {open && (
        <div data-testid={harnessTestIds.annotationTooltip} className={styles.tooltip} style={{ left }}>
          <div className={styles.title}>{annotation.title}</div>
          {annotation.text && annotation.text !== annotation.title && <div>{annotation.text}</div>}
          <div className={styles.time}>{new Date(annotation.time).toISOString()}</div>
        </div>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 0,
    borderLeft: '1px dashed',
    pointerEvents: 'none',
  }),
  band: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderLeft: '1px dashed',
    borderRight: '1px dashed',
    pointerEvents: 'none',
  }),
  marker: css({
    position: 'absolute',
    bottom: -MARKER_PX / 2,
    height: MARKER_PX / 2,
    cursor: 'pointer',
    zIndex: 1,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}` },
  }),
  tooltip: css({
    position: 'absolute',
    bottom: MARKER_PX,
    transform: 'translateX(-50%)',
    zIndex: 2,
    padding: theme.spacing(0.5, 1),
    maxWidth: 320,
    whiteSpace: 'normal',
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    fontSize: theme.typography.bodySmall.fontSize,
    pointerEvents: 'none',
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium }),
  time: css({ color: theme.colors.text.secondary }),
});
