import React from 'react';
import { Alert, TextLink } from '@grafana/ui';
import { Trans, t } from '../i18n';
import type { SettingsProblem } from '../settings/settings';
import { settingsFallbackText, settingsProblemText } from '../settings/settingsProblemText';
import { testIds } from '../ui/testIds';
import { CONFIG_PAGE_PATH } from './routing';

/** Stored settings the app could not use (it fell back to defaults): say which, on every page. */
export function SettingsProblems({ problems }: { problems: SettingsProblem[] }) {
  return (
    <div data-testid={testIds.settingsProblems}>
      <Alert title={t('settings.banner.title', 'Some app settings were ignored')} severity="warning">
        {problems.map((p) => (
          <div key={p.field} data-field={p.field} data-code={p.code}>
            {settingsProblemText(p)} {settingsFallbackText(p)}
          </div>
        ))}
        <Trans i18nKey="settings.banner.fix">
          Fix them on the app&apos;s <TextLink href={CONFIG_PAGE_PATH}>configuration page</TextLink>.
        </Trans>
      </Alert>
    </div>
  );
}
