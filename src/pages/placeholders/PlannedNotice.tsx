import React from 'react';
import { SceneObjectBase, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, Stack, Text, TextLink } from '@grafana/ui';
import { PLAYBOOK, type PageId } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { linkFromScene } from '../../app/links';
import { pageTitle } from '../../app/pageTitles';
import { testIds } from '../../ui/testIds';
import { plannedContent } from './plannedContent';

interface PlannedNoticeState extends SceneObjectState {
  page: PageId;
  /** Path parameters of the URL (provider, backend, playbook, traceId, jobId). */
  params: Record<string, string>;
  hint?: string;
}

/** A page whose content later work builds: says what will be here and what the URL selected. */
export class PlannedNotice extends SceneObjectBase<PlannedNoticeState> {
  static Component = ({ model }: SceneComponentProps<PlannedNotice>) => {
    const { page, params, hint } = model.useState();
    const selected = Object.entries(params);
    return (
      <div data-testid={testIds.pending.container}>
        <Stack direction="column" gap={2}>
          <Alert
            title={t('planned.title', '{{page}}: coming in a later version', { page: pageTitle(page) })}
            severity="info"
          >
            <ul>
              {plannedContent(page).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Alert>
          {hint && <Text color="secondary">{hint}</Text>}
          {selected.length > 0 && (
            <div data-testid={testIds.pending.params}>
              <Text color="secondary">
                {t('planned.selected', 'Selected: {{params}}', {
                  params: selected.map(([k, v]) => `${k} = ${v}`).join(', '),
                })}
              </Text>
            </div>
          )}
          {page === 'playbooks' && (
            <Stack direction="column" gap={0.5}>
              {Object.values(PLAYBOOK).map((playbook) => (
                <TextLink
                  key={playbook}
                  data-testid={testIds.pending.playbookLink}
                  href={linkFromScene(model, { page: 'playbook', params: { playbook } })}
                  inline={false}
                >
                  {playbook}
                </TextLink>
              ))}
            </Stack>
          )}
          <TextLink href={linkFromScene(model, { page: 'overview' })} inline={false} icon="arrow-left">
            {pageTitle('overview')}
          </TextLink>
        </Stack>
      </div>
    );
  };
}
