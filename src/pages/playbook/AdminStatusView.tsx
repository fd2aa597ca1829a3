import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import type { SceneComponentProps } from '@grafana/scenes';
import { Alert, Button, useStyles2 } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { providerDisplayName } from '../../ui/providerNames';
import type { AdminStatus } from './adminStatus';
import { activeMitigations, adminErrorText } from './mitigations';

const AUDIT_ROWS = 15;

const when = (iso: string) => dateTimeFormat(iso, { format: 'YYYY-MM-DD HH:mm:ss' });

/** The degraded banner (mitigations in force, since when, by whom) and the admin API's audit trail. */
export function AdminStatusView({ model }: SceneComponentProps<AdminStatus>) {
  const { view, audit, loadError, loading, blocked } = model.useState();
  const styles = useStyles2(getStyles);
  if (blocked) {
    return (
      <p className={styles.note} data-testid={testIds.playbook.adminState} data-state={blocked}>
        {blocked === 'viewer'
          ? t(
              'playbook.admin.forbidden',
              'Mitigation state and audit trail: Editors and Admins only (the admin API is behind an Editor-only route).'
            )
          : t(
              'playbook.admin.unconfigured',
              'Mitigations are not configured: set the admin API URL and token in the app settings.'
            )}
      </p>
    );
  }
  const active = view ? activeMitigations(view, audit ?? []) : [];
  return (
    <section
      className={styles.section}
      data-testid={testIds.playbook.adminState}
      data-state={loadError ? 'error' : view ? 'loaded' : 'loading'}
      aria-label={t('playbook.admin.label', 'Mitigation state')}
    >
      {loadError && (
        <Alert
          severity="error"
          title={t('playbook.admin.load-failed', 'Could not read the mitigation state')}
          data-testid={testIds.playbook.adminError}
          data-kind={loadError.kind}
        >
          {adminErrorText(loadError)}{' '}
          <Button size="sm" variant="secondary" onClick={() => void model.load()} disabled={loading}>
            {t('playbook.admin.retry', 'Retry')}
          </Button>
        </Alert>
      )}
      {!view && !loadError && (
        <p className={styles.note}>{t('playbook.admin.loading', 'Reading the mitigation state…')}</p>
      )}
      {active.length > 0 && (
        <Alert
          severity="warning"
          title={t('playbook.admin.degraded', 'Degraded mode: mitigations in force')}
          data-testid={testIds.playbook.degraded}
          data-flags={active.map((a) => a.flag).join(',')}
        >
          <ul className={styles.list}>
            {active.map((a) => (
              <li key={a.flag}>
                <strong>{a.flag}</strong>{' '}
                {a.since
                  ? t('playbook.admin.since-by', 'since {{since}} (by {{by}})', {
                      since: when(a.since),
                      by: a.by ?? '?',
                    })
                  : t('playbook.admin.since-unknown', 'since an unknown time (set before the audit trail begins)')}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {view && active.length === 0 && (
        <p className={styles.note} data-testid={testIds.playbook.degraded} data-flags="">
          {t('playbook.admin.normal', 'No mitigation in force: the orchestrator runs normally.')}
        </p>
      )}
      {audit && (
        <details className={styles.audit} open={audit.length > 0}>
          <summary>
            {audit.length === 0
              ? t('playbook.admin.audit-title-empty', 'Audit trail: no entry yet')
              : t('playbook.admin.audit-title', 'Audit trail (the {{count}} latest)', {
                  count: Math.min(audit.length, AUDIT_ROWS),
                })}
          </summary>
          {audit.length === 0 ? (
            <p className={styles.note}>{t('playbook.admin.audit-empty', 'No mitigation has been requested yet.')}</p>
          ) : (
            <table className={styles.table} data-testid={testIds.playbook.auditList}>
              <thead>
                <tr>
                  <th>{t('playbook.admin.audit-when', 'When')}</th>
                  <th>{t('playbook.admin.audit-who', 'Who')}</th>
                  <th>{t('playbook.admin.audit-what', 'What')}</th>
                  <th>{t('playbook.admin.audit-provider', 'Provider')}</th>
                  <th>{t('playbook.admin.audit-result', 'Result')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.slice(0, AUDIT_ROWS).map((e, i) => (
                  <tr
                    key={`${e.time}-${i}`}
                    data-testid={testIds.playbook.auditRow}
                    data-actor={e.actor}
                    data-action={e.action}
                    data-result={e.result}
                  >
                    <td>{when(e.time)}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{(e.provider && providerDisplayName(e.provider)) ?? '—'}</td>
                    <td>{e.result}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  audit: css({ summary: { cursor: 'pointer', color: theme.colors.text.primary } }),
  table: css({
    marginTop: theme.spacing(1),
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      textAlign: 'left',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
