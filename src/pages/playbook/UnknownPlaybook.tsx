import React from 'react';
import { TextLink } from '@grafana/ui';
import { buildAppUrl } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { EmptyMessage } from '../../states/StateMessages';
import { testIds } from '../../ui/testIds';

/** A playbook id from an old or mistyped link: say so (the id as text, never as HTML) and offer the list. */
export function UnknownPlaybook({ playbook }: { playbook: string }) {
  return (
    <div data-testid={testIds.playbook.unknown}>
      <EmptyMessage
        severity="warning"
        title={t('playbook.unknown.title', 'No playbook called "{{playbook}}"', { playbook })}
      >
        <TextLink href={buildAppUrl({ page: 'playbooks' })}>
          {t('playbook.unknown.list', 'See every playbook')}
        </TextLink>
      </EmptyMessage>
    </div>
  );
}
