import React from 'react';
import { Alert } from '@grafana/ui';
import { t } from '../i18n';
import { testIds } from '../ui/testIds';
import type { CheckResult, CheckStatus } from './wiringChecks';

const SEVERITY = { ok: 'success', warning: 'warning', error: 'error' } as const;

function statusText(status: CheckStatus): string {
  switch (status) {
    case 'ok':
      return t('config.checks.status-ok', 'reachable, contract data present');
    case 'warning':
      return t('config.checks.status-warning', 'reachable, data missing');
    case 'error':
      return t('config.checks.status-error', 'not usable');
  }
}

export function WiringCheckResults({ results }: { results: CheckResult[] }) {
  return (
    <div data-testid={testIds.appConfig.testResult}>
      {results.map((r) => (
        <div key={r.datasource} data-testid={testIds.appConfig.testCheck}>
          <Alert
            severity={SEVERITY[r.status]}
            title={t('config.checks.title', '{{datasource}} ({{uid}}): {{status}}', {
              datasource: r.datasource,
              uid: r.uid,
              status: statusText(r.status),
            })}
          >
            {r.findings.map((f) => (
              <div key={f}>{f}</div>
            ))}
          </Alert>
        </div>
      ))}
    </div>
  );
}
