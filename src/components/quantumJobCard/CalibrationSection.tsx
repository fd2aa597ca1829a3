import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import type { CalibrationQuantity } from '../../queries/lifecycle';
import { type CalibrationAt, calibrationAt, hasAnyValue, isDegraded, isStale } from './calibrationCompare';

interface Props {
  prometheusUid: string;
  provider: string;
  backend: string;
  qubits: readonly number[];
  /** When the job ran (Unix seconds). */
  atSeconds: number;
}

type Loaded =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; then: CalibrationAt; now: CalibrationAt };

const QUANTITIES: CalibrationQuantity[] = ['t1', 't2', 'readout', 'oneQubit', 'twoQubit'];

function quantityName(q: CalibrationQuantity): string {
  switch (q) {
    case 't1':
      return 'T1';
    case 't2':
      return 'T2';
    case 'readout':
      return t('job-card.calibration.readout', 'readout error');
    case 'oneQubit':
      return t('job-card.calibration.one-qubit', '1q gate error');
    default:
      return t('job-card.calibration.two-qubit', '2q gate error');
  }
}

function formatValue(q: CalibrationQuantity, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) {
    return '—';
  }
  return q === 't1' || q === 't2' ? `${(v * 1e6).toFixed(1)} µs` : `${(v * 100).toFixed(3)} %`;
}

/** A job's time as people read it in a sentence: "2026-12-02 01:08 UTC". */
function formatUtc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The backend's calibration when the job ran next to now (the calibration exporter's series in Prometheus at
 * both instants): medians, and the job's own qubits where the trace names them, flagged where a qubit was
 * degraded (twice worse than the backend median), a gate on them uncalibrated, or the calibration stale.
 */
export function CalibrationSection({ prometheusUid, provider, backend, qubits, atSeconds }: Props) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const qubitKey = qubits.join(',');
  useEffect(() => {
    let live = true;
    const list = qubitKey === '' ? [] : qubitKey.split(',').map(Number);
    Promise.all([
      calibrationAt(prometheusUid, provider, backend, list, atSeconds),
      calibrationAt(prometheusUid, provider, backend, list, Math.floor(Date.now() / 1000)),
    ]).then(
      ([then, now]) => live && setState({ kind: 'ready', then, now }),
      (error: Error) => live && setState({ kind: 'error', message: error.message })
    );
    return () => {
      live = false;
    };
  }, [prometheusUid, provider, backend, qubitKey, atSeconds]);

  if (state.kind === 'loading') {
    return <LoadingPlaceholder text={t('job-card.calibration.loading', 'Reading the calibration from Prometheus…')} />;
  }
  if (state.kind === 'error') {
    return (
      <div data-testid={testIds.jobCard.calibration} data-state="error">
        <Text color="error">
          {t('job-card.calibration.error', 'Could not read the calibration from Prometheus: {{message}}', {
            message: state.message,
          })}
        </Text>
      </div>
    );
  }
  const { then, now } = state;
  if (!hasAnyValue(then) && !hasAnyValue(now)) {
    return (
      <div data-testid={testIds.jobCard.calibration} data-state="empty">
        <Text color="secondary">
          {t(
            'job-card.calibration.none',
            'No calibration series for {{provider}} / {{backend}} in Prometheus: run the calibration exporter (hybridlens-calibration serve) and let Prometheus scrape it.',
            { provider, backend }
          )}
        </Text>
      </div>
    );
  }
  // Nothing at the job's time but values now: say so once, in words, rather than a column of dashes.
  const thenMissing = !hasAnyValue(then);
  const rows: Array<{
    key: string;
    label: string;
    q: CalibrationQuantity;
    then?: number;
    now?: number;
    median?: number;
  }> = [];
  for (const q of QUANTITIES) {
    if (then.medians[q] !== undefined || now.medians[q] !== undefined) {
      rows.push({
        key: `m-${q}`,
        label: t('job-card.calibration.median', 'median {{quantity}}', { quantity: quantityName(q) }),
        q,
        then: then.medians[q],
        now: now.medians[q],
      });
    }
  }
  for (const qubit of [...new Set([...then.qubits.keys(), ...now.qubits.keys()])].sort(
    (a, b) => Number(a) - Number(b)
  )) {
    for (const q of QUANTITIES) {
      const a = then.qubits.get(qubit)?.[q];
      const b = now.qubits.get(qubit)?.[q];
      if (a !== undefined || b !== undefined) {
        rows.push({
          key: `q${qubit}-${q}`,
          label: t('job-card.calibration.qubit', 'qubit {{qubit}} {{quantity}}', { qubit, quantity: quantityName(q) }),
          q,
          then: a,
          now: b,
          median: then.medians[q],
        });
      }
    }
  }
  return (
    <section
      className={styles.section}
      data-testid={testIds.jobCard.calibration}
      data-state="ready"
      data-then={thenMissing ? 'none' : 'values'}
    >
      <Text element="h6">
        {thenMissing
          ? t('job-card.calibration.title-now', 'Calibration now')
          : t('job-card.calibration.title', 'Calibration when the job ran vs now')}
      </Text>
      {thenMissing && (
        <div data-testid={testIds.jobCard.calibrationThenMissing}>
          <Text color="warning" variant="bodySmall">
            {t(
              'job-card.calibration.none-then',
              'No calibration recorded for {{backend}} before {{time}} (when the job ran), so there is nothing to compare with.',
              { backend, time: formatUtc(atSeconds) }
            )}
          </Text>
        </div>
      )}
      <div className={styles.badges}>
        {!thenMissing && isStale(then) && (
          <Badge color="orange" text={t('job-card.calibration.stale', 'stale when the job ran')} />
        )}
        {then.uncalibrated.length > 0 && (
          <Badge
            color="red"
            text={t('job-card.calibration.uncalibrated', 'uncalibrated: {{gates}}', {
              gates: then.uncalibrated.join(', '),
            })}
          />
        )}
        {!thenMissing && then.version !== now.version && (
          <Badge
            color="blue"
            text={t('job-card.calibration.recalibrated', 'recalibrated since ({{then}} → {{now}})', {
              then: then.version ?? '—',
              now: now.version ?? '—',
            })}
          />
        )}
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('job-card.calibration.quantity', 'quantity')}</th>
            {!thenMissing && <th scope="col">{t('job-card.calibration.then', 'when the job ran')}</th>}
            <th scope="col">{t('job-card.calibration.now', 'now')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const degraded = r.median !== undefined && r.then !== undefined && isDegraded(r.q, r.then, r.median);
            return (
              <tr
                key={r.key}
                data-testid={testIds.jobCard.calibrationRow}
                data-degraded={degraded ? 'true' : undefined}
              >
                <th scope="row">{r.label}</th>
                {!thenMissing && (
                  <td>
                    {formatValue(r.q, r.then)}
                    {degraded && <Badge color="red" text={t('job-card.calibration.degraded', 'degraded')} />}
                  </td>
                )}
                <td>{formatValue(r.q, r.now)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  badges: css({ display: 'flex', gap: theme.spacing(0.5), flexWrap: 'wrap' }),
  table: css({
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    'th, td': { textAlign: 'left', padding: `1px ${theme.spacing(1)} 1px 0`, fontWeight: 'normal' },
    'thead th': { color: theme.colors.text.secondary },
  }),
});
