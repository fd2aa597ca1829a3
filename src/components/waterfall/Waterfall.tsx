import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, IconButton, useStyles2, useTheme2 } from '@grafana/ui';
import { type TimeAxis, type TraceLifecycle } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';
import { JobRow } from './JobRow';
import { ROW_HEIGHT, getRowStyles } from './rowStyles';
import { Minimap } from './Minimap';
import { StageLanes } from './StageLanes';
import { TimeRuler } from './TimeRuler';
import { stageColor, stageName } from './stageStyle';
import { type WaterfallRow, ancestorsOf, descendantErrorCounts, jobOfPhaseSpan, waterfallRows } from './waterfallRows';

export { ROW_HEIGHT };
const OVERSCAN = 12;
const MAX_VIEW_HEIGHT = 560;
/** Indentation stops growing here, so a 20,000-deep chain still leaves room for the name. */
const MAX_INDENT_DEPTH = 24;

export interface WaterfallProps {
  lifecycle: TraceLifecycle;
  axis: TimeAxis;
  selectedIndex?: number;
  onSelect: (index: number | undefined) => void;
  /** Span indexes matching the search (highlighted); the current one is scrolled into view. */
  matches: readonly number[];
  currentMatch?: number;
}

/**
 * The stage-aware waterfall: stage lanes and the critical path on the trace's time axis (idle gaps compressed
 * when the axis says so), then one row per span with sub-phase bars, "unattributed time" rows, errors and the
 * critical path marked. Rows are virtualized (only the visible ones are in the DOM), so 10,000 spans scroll
 * like 100. Keyboard: arrows move the selection, Enter/Space open a span, Escape closes it.
 */
export function Waterfall({ lifecycle, axis, selectedIndex, onSelect, matches, currentMatch }: WaterfallProps) {
  const styles = { ...useStyles2(getRowStyles), ...useStyles2(getStyles) };
  const theme = useTheme2();
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  // The current search match is always visible: its collapsed ancestors open while it is the current one.
  const shown = useMemo(() => {
    if (currentMatch === undefined) {
      return collapsed;
    }
    const open = new Set(ancestorsOf(lifecycle, currentMatch));
    return new Set([...collapsed].filter((c) => !open.has(c)));
  }, [lifecycle, collapsed, currentMatch]);
  // Quantum jobs are one row each; their phase spans show when the job is opened, or holds the current match.
  const jobOf = useMemo(() => jobOfPhaseSpan(lifecycle), [lifecycle]);
  const [expandedJobs, setExpandedJobs] = useState<ReadonlySet<number>>(new Set());
  const shownJobs = useMemo(() => {
    const job = currentMatch === undefined ? -1 : jobOf[currentMatch]!;
    return job < 0 || expandedJobs.has(job) ? expandedJobs : new Set([...expandedJobs, job]);
  }, [jobOf, expandedJobs, currentMatch]);
  // A span selected from outside (the "failed spans" button, the URL, a log line) opens its collapsed ancestors
  // once, while rendering (React's "adjust state on a prop change"); the user may collapse them again afterwards.
  const [revealed, setRevealed] = useState<number | undefined>(undefined);
  if (revealed !== selectedIndex) {
    setRevealed(selectedIndex);
    const open = selectedIndex === undefined ? [] : ancestorsOf(lifecycle, selectedIndex);
    if (open.some((a) => collapsed.has(a))) {
      setCollapsed(new Set([...collapsed].filter((a) => !open.includes(a))));
    }
    const job = selectedIndex === undefined ? -1 : jobOf[selectedIndex]!;
    if (job >= 0 && !expandedJobs.has(job)) {
      setExpandedJobs(new Set([...expandedJobs, job]));
    }
  }
  const rows = useMemo(() => waterfallRows(lifecycle, shown, shownJobs), [lifecycle, shown, shownJobs]);
  const hiddenErrors = useMemo(() => descendantErrorCounts(lifecycle), [lifecycle]);
  const rowOfSpan = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((row, i) => row.kind === 'span' && map.set(row.index, i));
    return map;
  }, [rows]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const onCriticalPath = useMemo(() => new Set(lifecycle.criticalPathSpanIds), [lifecycle]);
  const llmPhases = useMemo(() => new Map(lifecycle.llmCalls.map((c) => [c.spanIndex, c.phases])), [lifecycle]);

  const viewHeight = Math.min(rows.length * ROW_HEIGHT, MAX_VIEW_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  const scrollToRow = useCallback(
    (row: number) => {
      const el = viewport.current;
      if (!el) {
        return;
      }
      const top = row * ROW_HEIGHT;
      if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
        el.scrollTop = Math.max(0, top - el.clientHeight / 2);
        setScrollTop(el.scrollTop);
      }
    },
    [viewport]
  );

  // A span chosen from outside (search, URL, a log line) scrolls into view.
  const target = currentMatch ?? selectedIndex;
  useEffect(() => {
    const row = target === undefined ? undefined : rowOfSpan.get(target);
    if (row !== undefined) {
      scrollToRow(row);
    }
  }, [target, rowOfSpan, scrollToRow]);

  const toggle = (index: number) => setCollapsed((c) => toggled(c, index));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      onSelect(undefined);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') {
      return;
    }
    e.preventDefault();
    const current = selectedIndex === undefined ? -1 : (rowOfSpan.get(selectedIndex) ?? -1);
    const step = e.key === 'ArrowDown' ? 1 : -1;
    for (let r = current + step; r >= 0 && r < rows.length; r += step) {
      const row = rows[r]!;
      if (row.kind === 'span') {
        onSelect(row.index);
        return;
      }
    }
  };

  const x = (ms: number) => axis.x(ms) * 100;

  const renderRow = (row: WaterfallRow, r: number) => {
    const top = r * ROW_HEIGHT;
    const indent = Math.min(row.depth, MAX_INDENT_DEPTH) * 12;
    if (row.kind === 'job') {
      const job = lifecycle.quantumJobs[row.job]!;
      return (
        <JobRow
          key={`job-${row.job}`}
          job={job}
          top={top}
          indent={indent}
          x={x}
          expanded={shownJobs.has(row.job)}
          onToggle={() => setExpandedJobs((e) => toggled(e, row.job))}
          selectedIndex={selectedIndex}
          onSelect={onSelect}
          critical={job.phases.some((p) => onCriticalPath.has(p.spanId))}
          match={job.phases.some((p) => matchSet.has(p.spanIndex))}
        />
      );
    }
    if (row.kind === 'gap') {
      const left = x(row.gap.startMs);
      const width = Math.max(x(row.gap.endMs) - left, 0.15);
      return (
        <div
          key={`gap-${row.parentIndex}-${row.gap.startMs}`}
          className={cx(styles.row, styles.gapRow)}
          style={{ top }}
          role="row"
          data-testid={testIds.waterfall.gapRow}
        >
          <div className={styles.label} style={{ paddingLeft: indent + 20 }} role="rowheader">
            <Icon name="question-circle" size="sm" />
            <span className={styles.name}>{t('waterfall.unattributed-row', 'Unattributed time')}</span>
          </div>
          <div className={styles.track} role="gridcell">
            <div className={cx(styles.bar, styles.gapBar)} style={{ left: `${left}%`, width: `${width}%` }} />
            <span className={styles.duration} style={{ left: `${Math.min(left + width, 88)}%` }}>
              {formatMs(row.gap.durationMs)}
            </span>
          </div>
        </div>
      );
    }
    const s = lifecycle.spans[row.index]!;
    const left = x(s.span.startMs);
    const width = Math.max(x(s.span.endMs) - left, 0.15);
    const color = stageColor(theme, s.stage);
    const selected = selectedIndex === row.index;
    const critical = onCriticalPath.has(s.span.spanId);
    const phases = llmPhases.get(row.index) ?? [];
    const isCollapsed = shown.has(row.index);
    const errorsInside = isCollapsed ? hiddenErrors[row.index]! : 0;
    return (
      <div
        key={s.span.spanId + row.index}
        className={cx(
          styles.row,
          selected && styles.selected,
          matchSet.has(row.index) && styles.match,
          currentMatch === row.index && styles.currentMatch
        )}
        style={{ top }}
        role="row"
        aria-selected={selected}
        data-testid={testIds.waterfall.spanRow}
        data-span-id={s.span.spanId}
        data-stage={s.stage}
        data-critical={critical ? 'true' : undefined}
        data-error={s.error ? 'true' : undefined}
      >
        <div className={styles.label} style={{ paddingLeft: indent }} role="rowheader">
          {s.children.length > 0 ? (
            <IconButton
              name={isCollapsed ? 'angle-right' : 'angle-down'}
              size="sm"
              aria-expanded={!isCollapsed}
              aria-label={
                isCollapsed
                  ? t('waterfall.expand', 'Expand {{name}}', { name: s.span.name })
                  : t('waterfall.collapse', 'Collapse {{name}}', { name: s.span.name })
              }
              onClick={() => toggle(row.index)}
            />
          ) : (
            <span className={styles.leaf} />
          )}
          {critical && <span className={styles.criticalMark} title={t('waterfall.critical', 'On the critical path')} />}
          <button
            type="button"
            className={styles.nameButton}
            onClick={() => onSelect(selected ? undefined : row.index)}
            title={t('waterfall.name-title', '{{name}} ({{service}})', {
              name: s.span.name,
              service: s.span.serviceName,
            })}
          >
            {s.error && <Icon name="exclamation-triangle" size="sm" className={styles.errorIcon} />}
            <span className={styles.name}>{s.span.name}</span>
            <span className={styles.service}>{s.span.serviceName}</span>
          </button>
          {errorsInside > 0 && (
            <span
              className={styles.subtreeErrors}
              data-testid={testIds.waterfall.subtreeErrors}
              data-count={errorsInside}
              role="img"
              aria-label={t('waterfall.subtree-errors', '{{count}} failed spans inside (collapsed)', {
                count: errorsInside,
              })}
              title={t('waterfall.subtree-errors', '{{count}} failed spans inside (collapsed)', {
                count: errorsInside,
              })}
            >
              <Icon name="exclamation-triangle" size="xs" />
              {errorsInside}
            </span>
          )}
        </div>
        <div className={styles.track} role="gridcell">
          <div
            className={cx(styles.bar, s.error && styles.errorBar, critical && styles.criticalBar)}
            style={{ left: `${left}%`, width: `${width}%`, background: color }}
            title={t('waterfall.bar-title', '{{stage}} · {{duration}}', {
              stage: stageName(s.stage),
              duration: formatMs(s.durationMs),
            })}
          />
          {phases.map((p) => {
            const pl = x(p.startMs);
            return (
              <div
                key={p.phase}
                className={cx(styles.phase, p.phase === 'time_to_first_token' && styles.ttft)}
                style={{ left: `${pl}%`, width: `${Math.max(x(p.endMs) - pl, 0.1)}%` }}
                data-testid={testIds.waterfall.phaseBar}
                data-phase={p.phase}
                title={t('waterfall.bar-title', '{{stage}} · {{duration}}', {
                  stage:
                    p.phase === 'time_to_first_token'
                      ? t('waterfall.phase.ttft', 'Time to first token')
                      : t('waterfall.phase.generation', 'Generation'),
                  duration: formatMs(p.endMs - p.startMs),
                })}
              />
            );
          })}
          <span className={styles.duration} style={{ left: `${Math.min(left + width, 88)}%` }}>
            {formatMs(s.durationMs)}
          </span>
        </div>
      </div>
    );
  };

  return (
    <div className={styles.container} data-testid={testIds.waterfall.container} data-rows={rows.length}>
      <TimeRuler axis={axis} />
      <StageLanes lifecycle={lifecycle} axis={axis} />
      {rows.length * ROW_HEIGHT > MAX_VIEW_HEIGHT && (
        <Minimap
          lifecycle={lifecycle}
          rows={rows}
          axis={axis}
          scrollTop={scrollTop}
          viewHeight={viewHeight}
          rowHeight={ROW_HEIGHT}
          onScrollTo={(top) => {
            if (viewport.current) {
              viewport.current.scrollTop = top;
              setScrollTop(top);
            }
          }}
        />
      )}
      <div
        ref={viewport}
        className={styles.viewport}
        style={{ height: viewHeight }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="grid"
        aria-rowcount={rows.length}
        aria-label={t('waterfall.label', 'Spans of the trace ({{count}} rows)', { count: rows.length })}
        data-testid={testIds.waterfall.viewport}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => renderRow(row, first + i))}
        </div>
      </div>
    </div>
  );
}

function toggled(set: ReadonlySet<number>, value: number): Set<number> {
  const next = new Set(set);
  if (!next.delete(value)) {
    next.add(value);
  }
  return next;
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  viewport: css({
    overflowY: 'auto',
    overflowX: 'hidden',
    position: 'relative',
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
  }),
  currentMatch: css({ outline: `1px solid ${theme.colors.warning.border}`, outlineOffset: -1 }),
  gapRow: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
  leaf: css({ display: 'inline-block', width: 16, flexShrink: 0 }),
  nameButton: css({
    all: 'unset',
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minWidth: 0,
    overflow: 'hidden',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  subtreeErrors: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    flexShrink: 0,
    padding: '0 4px',
    borderRadius: theme.shape.radius.pill,
    border: `1px solid ${theme.colors.error.border}`,
    color: theme.colors.error.text,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: '16px',
  }),
  bar: css({ position: 'absolute', top: 6, height: ROW_HEIGHT - 12, borderRadius: 2, minWidth: 2, opacity: 0.85 }),
  gapBar: css({
    background: `repeating-linear-gradient(45deg, ${theme.colors.error.transparent}, ${theme.colors.error.transparent} 4px, transparent 4px, transparent 8px)`,
    border: `1px dashed ${theme.colors.error.border}`,
  }),
  phase: css({
    position: 'absolute',
    top: 9,
    height: ROW_HEIGHT - 18,
    background: theme.colors.background.primary,
    opacity: 0.5,
    pointerEvents: 'none',
  }),
  ttft: css({ background: theme.colors.text.primary, opacity: 0.35 }),
});
