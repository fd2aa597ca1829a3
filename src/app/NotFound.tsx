import React from 'react';
import { Alert, TextLink } from '@grafana/ui';
import { buildAppUrl } from '@hybridlens/conventions';
import { testIds } from '../testIds';

export function NotFound({ path }: { path: string }) {
  return (
    <div data-testid={testIds.notFound}>
      <Alert severity="warning" title="No Hybrid Lens page at this address">
        <code>{path}</code> is not a page of the app.{' '}
        <TextLink href={buildAppUrl({ page: 'overview' })}>Go to the Overview</TextLink>.
      </Alert>
    </div>
  );
}
