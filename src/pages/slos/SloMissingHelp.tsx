import React from 'react';
import { Alert } from '@grafana/ui';
import { SLO_SERIES } from '@hybridlens/conventions';
import { testIds } from '../../testIds';
import { SLO_GENERATE_COMMAND } from './sloGenerate';

/** What to do when Prometheus has no SLO metadata: the rules were never generated or loaded. */
export function SloMissingHelp() {
  return (
    <div data-testid={testIds.slos.metadataMissing}>
      <Alert severity="warning" title="No SLO metadata in Prometheus">
        Prometheus has no <code>{SLO_SERIES.info}</code> series, so no SLO can be shown. Generate the SLO rules with{' '}
        <code>{SLO_GENERATE_COMMAND}</code>, add the rule file to <code>rule_files</code> in prometheus.yml, reload
        Prometheus, and wait one rule evaluation. Check that the Prometheus datasource picked above is the one that
        loads the rules.
      </Alert>
    </div>
  );
}
