import React from 'react';
import { Alert, TextLink } from '@grafana/ui';
import { buildAppUrl } from '@hybridlens/conventions';
import { Trans, t } from '../i18n';
import { testIds } from '../ui/testIds';

export function NotFound({ path }: { path: string }) {
  return (
    <div data-testid={testIds.notFound}>
      <Alert severity="warning" title={t('not-found.title', 'No Hybrid Lens page at this address')}>
        <Trans i18nKey="not-found.body" values={{ path }}>
          <code>{'{{path}}'}</code> is not a page of the app.
        </Trans>{' '}
        <TextLink href={buildAppUrl({ page: 'overview' })}>{t('not-found.overview', 'Go to the Overview')}</TextLink>
      </Alert>
    </div>
  );
}
