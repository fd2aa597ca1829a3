import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { JOB_OUTCOME } from '@hybridlens/conventions';
import type { QuantumJob } from '@hybridlens/traces';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { providerDisplayName } from '../../ui/providerNames';
import { formatMs } from '../waterfall/formatDuration';
import { CalibrationSection } from './CalibrationSection';

export interface QuantumJobCardProps {
  job: QuantumJob;
  /** Where the card links: the trace holding the job and the job's own page (absent on that page). */
  traceHref?: string;
  jobHref?: string;
  /** The backend page at the job's time (`backendAtJobTime`), with the job's qubits highlighted. */
  backendHref?: string;
  /** Prometheus datasource uid for the calibration comparison; absent: no comparison. */
  prometheusUid?: string;
}

const OUTCOME_COLOR = { success: 'green', error: 'red', cancelled: 'orange', unknown: 'purple' } as const;

function outcomeText(outcome: QuantumJob['outcome']): string {
  switch (outcome) {
    case JOB_OUTCOME.success:
      return t('job-card.outcome.success', 'succeeded');
    case JOB_OUTCOME.error:
      return t('job-card.outcome.error', 'failed');
    case JOB_OUTCOME.cancelled:
      return t('job-card.outcome.cancelled', 'cancelled');
    default:
      return t('job-card.outcome.unknown', 'outcome unknown');
  }
}

function phaseText(phase: string): string {
  switch (phase) {
    case 'enqueue':
      return t('job-card.phase.enqueue', 'queue');
    case 'compile':
      return t('job-card.phase.compile', 'compile');
    default:
      return t('job-card.phase.execute', 'execute');
  }
}

/**
 * One quantum job as its provider sees it: the provider-native state timeline (IBM QUEUED → RUNNING → DONE,
 * Braket QUEUED → RUNNING → COMPLETED/FAILED, ...), phase durations, shots, queue position, estimated cost,
 * outcome and error type, and the backend's calibration when the job ran against now. Self-contained: the trace
 * page shows one per job of the trace, the quantum-job page one for its job, the Providers page its recent jobs.
 */
export function QuantumJobCard({ job, traceHref, jobHref, backendHref, prometheusUid }: QuantumJobCardProps) {
  const styles = useStyles2(getStyles);
  const facts: Array<[string, string]> = [];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') {
      facts.push([label, String(value)]);
    }
  };
  add(
    t('job-card.shots', 'Shots'),
    job.shots === undefined
      ? undefined
      : job.originalShots !== undefined && job.originalShots !== job.shots
        ? t('job-card.shots-reduced', '{{shots}} (reduced from {{original}})', {
            shots: job.shots,
            original: job.originalShots,
          })
        : job.shots
  );
  add(t('job-card.queue-position', 'Queue position at submission'), job.queuePosition);
  add(t('job-card.cost', 'Estimated cost'), job.spendUsd === undefined ? undefined : `$${job.spendUsd.toFixed(4)}`);
  add(t('job-card.error-type', 'Error type'), job.errorType);
  add(t('job-card.provider-status', 'Provider status'), job.providerStatus);
  add(t('job-card.fidelity', 'Estimated fidelity'), job.fidelity?.toFixed(3));
  add(t('job-card.calibration-version', 'Calibration version'), job.calibrationVersion);
  add(t('job-card.qubits', 'Qubits used'), job.qubitsUsed?.join(', '));
  add(
    t('job-card.circuit', 'Circuit depth × width'),
    job.circuitDepth !== undefined || job.circuitWidth !== undefined
      ? `${job.circuitDepth ?? '?'} × ${job.circuitWidth ?? '?'}`
      : undefined
  );
  add(t('job-card.duration', 'Total'), formatMs(job.durationMs));
  const span = Math.max(job.endMs - job.startMs, 1e-6);

  return (
    <article
      className={styles.card}
      data-testid={testIds.jobCard.container}
      data-job-id={job.jobId ?? ''}
      data-outcome={job.outcome}
      aria-label={t('job-card.label', 'Quantum job {{id}}', { id: job.jobId ?? t('job-card.no-id', '(no id)') })}
    >
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        <Badge color={OUTCOME_COLOR[job.outcome]} text={outcomeText(job.outcome)} />
        <Text weight="medium">
          {[job.provider && providerDisplayName(job.provider), job.backend].filter(Boolean).join(' / ') ||
            t('job-card.unknown-backend', 'unknown backend')}
        </Text>
        {job.simulator && <Badge color="blue" text={t('job-card.simulator', 'simulator')} />}
        <Text color="secondary" variant="bodySmall">
          {job.jobId ?? t('job-card.no-id-long', 'no provider job id (never accepted)')}
        </Text>
      </Stack>
      <ol className={styles.states} aria-label={t('job-card.states', 'Provider states')}>
        {job.states.map((s, i) => (
          <li key={i} data-testid={testIds.jobCard.state} data-state={s.state}>
            <span className={styles.state}>{s.state}</span>
            {s.endMs > s.startMs && <span className={styles.muted}> {formatMs(s.endMs - s.startMs)}</span>}
          </li>
        ))}
      </ol>
      <div className={styles.phases}>
        {job.phases.map((p, i) => (
          <div
            key={i}
            className={styles.phase}
            data-testid={testIds.jobCard.phase}
            data-phase={p.phase}
            data-error={p.error ? 'true' : undefined}
            style={{
              left: `${((p.startMs - job.startMs) / span) * 100}%`,
              width: `${Math.max(((p.endMs - p.startMs) / span) * 100, 0.5)}%`,
            }}
            title={t('job-card.phase-title', '{{phase}} · {{duration}}', {
              phase: phaseText(p.phase),
              duration: formatMs(p.durationMs),
            })}
          />
        ))}
      </div>
      <ul className={styles.phaseList}>
        {job.phases.map((p, i) => (
          <li key={i}>
            {phaseText(p.phase)} {formatMs(p.durationMs)}
            {p.error ? ` ${t('job-card.phase-failed', '(failed)')}` : ''}
          </li>
        ))}
      </ul>
      <dl className={styles.facts}>
        {facts.map(([k, v]) => (
          <React.Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </React.Fragment>
        ))}
      </dl>
      {prometheusUid && job.provider && job.backend && (
        <CalibrationSection
          prometheusUid={prometheusUid}
          provider={job.provider}
          backend={job.backend}
          qubits={job.qubitsUsed ?? []}
          atSeconds={Math.floor(job.startMs / 1000)}
        />
      )}
      <Stack direction="row" gap={2}>
        {traceHref && (
          <TextLink href={traceHref} inline={false} icon="link" data-testid={testIds.jobCard.traceLink}>
            {t('job-card.open-trace', 'Open the trace')}
          </TextLink>
        )}
        {backendHref && (
          <TextLink href={backendHref} inline={false} icon="apps" data-testid={testIds.jobCard.backendLink}>
            {t('job-card.open-backend', "The backend's calibration when the job ran")}
          </TextLink>
        )}
        {jobHref && (
          <TextLink href={jobHref} inline={false} icon="arrow-right" data-testid={testIds.jobCard.jobLink}>
            {t('job-card.open-job', 'Open the job page')}
          </TextLink>
        )}
      </Stack>
    </article>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    minWidth: 0,
    overflowWrap: 'anywhere',
  }),
  states: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
    'li + li::before': { content: '"→ "', color: theme.colors.text.secondary },
  }),
  state: css({ fontFamily: theme.typography.fontFamilyMonospace, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary }),
  phases: css({ position: 'relative', height: 10, background: theme.colors.background.canvas, borderRadius: 2 }),
  phase: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    background: theme.visualization.getColorByName('green'),
    borderRight: `1px solid ${theme.colors.background.primary}`,
    '&[data-phase="enqueue"]': { background: theme.visualization.getColorByName('yellow') },
    '&[data-phase="compile"]': { background: theme.visualization.getColorByName('blue') },
    '&[data-error="true"]': { background: theme.colors.error.main },
  }),
  phaseList: css({
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `2px ${theme.spacing(1)}`,
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0 },
  }),
});
