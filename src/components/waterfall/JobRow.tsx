import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, IconButton, useStyles2, useTheme2 } from '@grafana/ui';
import { JOB_OUTCOME, QUANTUM_PHASE, TRACE_STAGE } from '@hybridlens/conventions';
import type { JobPhaseTime, QuantumJob } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatMs } from './formatDuration';
import { ROW_HEIGHT, getRowStyles } from './rowStyles';
import { segmentWidthPercent } from './segmentWidth';
import { jobPhaseName, stageColor } from './stageStyle';

export interface JobRowProps {
  job: QuantumJob;
  top: number;
  indent: number;
  /** Position of a time on the track, % (the waterfall's axis: idle gaps compressed when it says so). */
  x: (ms: number) => number;
  expanded: boolean;
  onToggle: () => void;
  selectedIndex?: number;
  onSelect: (index: number | undefined) => void;
  critical: boolean;
  match: boolean;
}

export function phaseLabel(p: JobPhaseTime): string {
  const text = t('waterfall.job-phase.title', '{{phase}} · {{duration}}', {
    phase: jobPhaseName(p.phase),
    duration: formatMs(p.durationMs),
  });
  return p.error ? t('waterfall.job-phase.failed', '{{phase}} (failed)', { phase: text }) : text;
}

/**
 * A quantum job as one row: a bar over the job's time whose segments are its queue, compile and execute phases
 * (each a button: its name and duration on hover and focus, a click opens the phase span's details). The phase
 * spans themselves are rows under it when expanded.
 */
export function JobRow({
  job,
  top,
  indent,
  x,
  expanded,
  onToggle,
  selectedIndex,
  onSelect,
  critical,
  match,
}: JobRowProps) {
  const rs = useStyles2(getRowStyles);
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const color = stageColor(theme, TRACE_STAGE.quantum);
  const name = job.jobId ?? t('waterfall.job.no-id', '(no job id)');
  const failed = job.outcome === JOB_OUTCOME.error;
  const left = x(job.startMs);
  const right = x(job.endMs);
  const holdsSelection = job.phases.some((p) => p.spanIndex === selectedIndex);
  return (
    <div
      className={cx(rs.row, holdsSelection && rs.selected, match && rs.match)}
      style={{ top }}
      role="row"
      data-testid={testIds.waterfall.jobRow}
      data-job-id={job.jobId}
      data-outcome={job.outcome}
      data-critical={critical ? 'true' : undefined}
      data-error={failed ? 'true' : undefined}
    >
      <div className={rs.label} style={{ paddingLeft: indent }} role="rowheader">
        <IconButton
          name={expanded ? 'angle-down' : 'angle-right'}
          size="sm"
          aria-expanded={expanded}
          aria-label={
            expanded
              ? t('waterfall.job.collapse', 'Hide the phase spans of quantum job {{job}}', { job: name })
              : t('waterfall.job.expand', 'Show the phase spans of quantum job {{job}}', { job: name })
          }
          onClick={onToggle}
        />
        {critical && <span className={rs.criticalMark} title={t('waterfall.critical', 'On the critical path')} />}
        {failed && <Icon name="exclamation-triangle" size="sm" className={rs.errorIcon} />}
        <span className={rs.name}>{t('waterfall.job.name', 'Quantum job {{job}}', { job: name })}</span>
        <span className={rs.service}>{[job.provider, job.backend].filter(Boolean).join(' / ')}</span>
      </div>
      <div className={rs.track} role="gridcell">
        <div
          className={styles.jobExtent}
          style={{ left: `${left}%`, width: `${segmentWidthPercent(left, right)}%`, background: color }}
        />
        {job.phases.map((p) => {
          const from = x(p.startMs);
          const selected = p.spanIndex === selectedIndex;
          const label = phaseLabel(p);
          return (
            <button
              type="button"
              key={p.spanId}
              className={cx(
                styles.segment,
                p.phase === QUANTUM_PHASE.enqueue && styles.queue,
                p.phase === QUANTUM_PHASE.compile && styles.compile,
                p.error && rs.errorBar,
                critical && rs.criticalBar,
                selected && styles.selectedSegment
              )}
              style={{
                left: `${from}%`,
                width: `${segmentWidthPercent(from, x(p.endMs))}%`,
                background: color,
              }}
              data-testid={testIds.waterfall.jobPhase}
              data-phase={p.phase}
              data-span-id={p.spanId}
              data-duration-ms={p.durationMs}
              aria-label={label}
              aria-pressed={selected}
              title={label}
              onClick={() => onSelect(selected ? undefined : p.spanIndex)}
            />
          );
        })}
        <span className={rs.duration} style={{ left: `${Math.min(right, 88)}%` }}>
          {formatMs(job.durationMs)}
        </span>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // The job's whole time, thin, under its phases: the stretches between phases read as part of one bar.
  jobExtent: css({ position: 'absolute', top: ROW_HEIGHT / 2 - 1, height: 2, opacity: 0.5 }),
  segment: css({
    all: 'unset',
    boxSizing: 'border-box',
    position: 'absolute',
    top: 6,
    height: ROW_HEIGHT - 12,
    cursor: 'pointer',
    borderRight: `1px solid ${theme.colors.background.primary}`,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1, zIndex: 1 },
  }),
  // Waiting in the provider's queue: the same colour, hatched, so the work (compile, execute) stands out.
  queue: css({
    backgroundImage: `repeating-linear-gradient(45deg, ${theme.colors.background.primary} 0 3px, transparent 3px 7px) !important`,
    opacity: 0.7,
  }),
  compile: css({ opacity: 0.75 }),
  selectedSegment: css({ outline: `2px solid ${theme.colors.text.primary}`, outlineOffset: 1 }),
});
