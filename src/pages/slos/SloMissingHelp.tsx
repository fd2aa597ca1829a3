import React from 'react';
import { SLO_SERIES } from '@hybridlens/conventions';
import { Trans, t } from '../../i18n';
import { EmptyMessage } from '../../states/StateMessages';
import { testIds } from '../../ui/testIds';
import { SLO_GENERATE_COMMAND } from './sloGenerate';

/** What to do when Prometheus has no SLO metadata: the rules were never generated or loaded. */
export function SloMissingHelp() {
  const series = SLO_SERIES.info;
  const command = SLO_GENERATE_COMMAND;
  return (
    <div data-testid={testIds.slos.metadataMissing}>
      <EmptyMessage severity="warning" title={t('slos.metadata-missing.title', 'No SLO metadata in Prometheus')}>
        <Trans i18nKey="slos.metadata-missing.help" values={{ series, command }}>
          Prometheus has no <code>{'{{series}}'}</code> series, so no SLO can be shown. Generate the SLO rules with{' '}
          <code>{'{{command}}'}</code>, add the rule file to <code>rule_files</code> in prometheus.yml, reload
          Prometheus, and wait one rule evaluation. Check that the Prometheus datasource picked above is the one that
          loads the rules.
        </Trans>
      </EmptyMessage>
    </div>
  );
}
