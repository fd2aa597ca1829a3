import React from 'react';
import { Alert } from '@grafana/ui';
import type { SettingsProblem } from '../settings/settings';
import { testIds } from '../testIds';

/** Stored settings the app could not use (it fell back to defaults): say which, on every page. */
export function SettingsProblems({ problems }: { problems: SettingsProblem[] }) {
  return (
    <div data-testid={testIds.settingsProblems}>
      <Alert title="Some app settings were ignored" severity="warning">
        {problems.map((p) => (
          <div key={p.field}>{p.message}</div>
        ))}
        Fix them on the app&apos;s configuration page.
      </Alert>
    </div>
  );
}
