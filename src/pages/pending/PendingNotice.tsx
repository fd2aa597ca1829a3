import React from 'react';
import { Alert } from '@grafana/ui';
import { testIds } from '../../testIds';

export function PendingNotice({ title }: { title: string }) {
  return (
    <div data-testid={testIds.pending.container}>
      <Alert title={`${title} is not available in this version`} severity="info">
        This page has a place in the navigation but is not built yet. The Overview page shows the pipeline today.
      </Alert>
    </div>
  );
}
