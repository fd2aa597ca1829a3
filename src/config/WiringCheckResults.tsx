import React from 'react';
import { Alert } from '@grafana/ui';
import { testIds } from '../testIds';
import type { CheckResult } from './wiringChecks';

const SEVERITY = { ok: 'success', warning: 'warning', error: 'error' } as const;

export function WiringCheckResults({ results }: { results: CheckResult[] }) {
  return (
    <div data-testid={testIds.appConfig.testResult}>
      {results.map((r) => (
        <div key={r.datasource} data-testid={testIds.appConfig.testCheck}>
          <Alert
            severity={SEVERITY[r.status]}
            title={`${r.datasource} (${r.uid}): ${r.status === 'ok' ? 'reachable, contract data present' : r.status === 'warning' ? 'reachable, data missing' : 'not usable'}`}
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
