import React from 'react';
import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { alertsOf, firingFor, sloPlaybooks } from './playbookRouting';
import type { PlaybookDef } from './playbookTypes';

/** What the playbook is for, which alerts and SLOs lead to it, and which of them fire now. */
export function PlaybookHeader({ def, frames, scope }: { def: PlaybookDef; frames: DataFrame[]; scope: string }) {
  const styles = useStyles2(getStyles);
  const alerts = alertsOf(def.id);
  const slos = [...sloPlaybooks(frames)].filter(([, p]) => p === def.id).map(([slo]) => slo);
  const firing = firingFor(frames, def.id);
  const none = t('playbook.header.none', 'none');
  return (
    <div className={styles.header}>
      <p className={styles.summary}>{def.summary}</p>
      <dl className={styles.facts}>
        <dt>{t('playbook.header.alerts', 'Alerts that open it')}</dt>
        <dd>{alerts.length > 0 ? alerts.join(', ') : none}</dd>
        <dt>{t('playbook.header.slos', 'SLOs that open it')}</dt>
        <dd>{slos.length > 0 ? slos.join(', ') : none}</dd>
        <dt>{t('playbook.header.scope', 'Scope')}</dt>
        <dd data-testid={testIds.playbook.scope}>{scope}</dd>
        <dt>{t('playbook.header.firing', 'Firing now')}</dt>
        <dd data-testid={testIds.playbooks.firing} data-count={firing.length}>
          {firing.length === 0
            ? t('playbook.header.nothing-firing', 'nothing')
            : firing.map((a, i) => (
                <Badge
                  key={`${a.alertname}-${a.subject}-${i}`}
                  color="red"
                  text={a.subject ? `${a.alertname} (${a.subject})` : a.alertname}
                />
              ))}
        </dd>
      </dl>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({ marginBottom: theme.spacing(2) }),
  summary: css({ fontSize: theme.typography.h5.fontSize, margin: theme.spacing(0, 0, 1) }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, display: 'flex', gap: theme.spacing(0.5), flexWrap: 'wrap' },
  }),
});
