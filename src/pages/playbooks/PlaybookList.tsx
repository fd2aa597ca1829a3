import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Badge, TextLink, useStyles2 } from '@grafana/ui';
import { linkFromScene } from '../../app/links';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { PLAYBOOK_ORDER } from '../playbook/playbookCatalog';
import { alertsOf, firingFor, sloPlaybooks } from '../playbook/playbookRouting';
import type { PlaybookDef } from '../playbook/playbookTypes';

interface PlaybookListState extends SceneObjectState {
  catalog: Readonly<Record<string, PlaybookDef>>;
}

/** Every playbook, what leads to it, and whether something that leads to it fires now (those first). */
export class PlaybookList extends SceneObjectBase<PlaybookListState> {
  static Component = PlaybookListRenderer;
}

function PlaybookListRenderer({ model }: SceneComponentProps<PlaybookList>) {
  const { catalog } = model.useState();
  const styles = useStyles2(getStyles);
  sceneGraph.getTimeRange(model).useState();
  const frames = sceneGraph.getData(model).useState().data?.series ?? [];
  const slos = [...sloPlaybooks(frames)];
  const rows = PLAYBOOK_ORDER.map((id, order) => ({ def: catalog[id]!, order, firing: firingFor(frames, id) }));
  rows.sort((a, b) => Number(b.firing.length > 0) - Number(a.firing.length > 0) || a.order - b.order);
  const none = t('playbooks.none', 'none');
  return (
    <table className={styles.table} data-testid={testIds.playbooks.list}>
      <thead>
        <tr>
          <th>{t('playbooks.column.playbook', 'Playbook')}</th>
          <th>{t('playbooks.column.alerts', 'Alerts that open it')}</th>
          <th>{t('playbooks.column.slos', 'SLOs that open it')}</th>
          <th>{t('playbooks.column.firing', 'Firing now')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ def, firing }) => {
          const alerts = alertsOf(def.id);
          const ownSlos = slos.filter(([, p]) => p === def.id).map(([slo]) => slo);
          return (
            <tr key={def.id} data-testid={testIds.playbooks.row} data-playbook={def.id}>
              <td>
                <TextLink href={linkFromScene(model, { page: 'playbook', params: { playbook: def.id } })}>
                  {def.letter ? `${def.letter}. ${def.title}` : def.title}
                </TextLink>
                <div className={styles.summary}>{def.summary}</div>
              </td>
              <td>{alerts.length > 0 ? alerts.join(', ') : none}</td>
              <td>{ownSlos.length > 0 ? ownSlos.join(', ') : none}</td>
              <td data-testid={testIds.playbooks.firing} data-count={firing.length}>
                {firing.length === 0 ? (
                  <Badge color="green" text={t('playbooks.quiet', 'quiet')} />
                ) : (
                  <div className={styles.badges}>
                    {firing.map((a, i) => (
                      <Badge
                        key={`${a.alertname}-${a.subject}-${i}`}
                        color="red"
                        text={a.subject ? `${a.alertname} (${a.subject})` : a.alertname}
                      />
                    ))}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  summary: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  badges: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) }),
});
