import React from 'react';
import { Alert, Stack, Text } from '@grafana/ui';
import { testIds } from '../../testIds';
import type { AppContext } from '../../app/AppContext';

/** Which datasources the app reads, from the app's jsonData (or the provisioned defaults). */
export function WiringSummary({ ctx }: { ctx: AppContext }) {
  const { settings, problems } = ctx;
  return (
    <div data-testid={testIds.overview.wiring}>
      {problems.length > 0 && (
        <Alert title="Some app settings were ignored" severity="warning" data-testid={testIds.settingsProblems}>
          {problems.map((p) => (
            <div key={p.field}>{p.message}</div>
          ))}
          Fix them on the app&apos;s configuration page.
        </Alert>
      )}
      <Stack gap={2}>
        <Text color="secondary">Prometheus: {settings.prometheusUid}</Text>
        <Text color="secondary">Tempo: {settings.tempoUid}</Text>
        <Text color="secondary">Loki: {settings.lokiUid}</Text>
      </Stack>
    </div>
  );
}
