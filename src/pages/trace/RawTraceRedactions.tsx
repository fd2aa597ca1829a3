import React from 'react';
import { type VizPanel, sceneGraph } from '@grafana/scenes';
import { Alert } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { redactedContentOf } from './redactRawContent';

/** Above the raw trace: what was taken out of it (raw prompts, model output), by count and key. */
export function RawTraceRedactions({ panel }: { panel: VizPanel }) {
  const { data } = sceneGraph.getData(panel).useState();
  const redacted = redactedContentOf(data?.series ?? []);
  if (!redacted) {
    return null;
  }
  return (
    <div data-testid={testIds.trace.rawRedacted} data-count={redacted.count}>
      <Alert
        severity="info"
        title={t('trace.raw.redacted.title', 'Redacted: {{count}} attributes and events', { count: redacted.count })}
      >
        {t(
          'trace.raw.redacted.body',
          'They carry raw prompts, instructions or model output, which Hybrid Lens never shows: {{keys}}',
          { keys: redacted.keys.join(', ') }
        )}
      </Alert>
    </div>
  );
}
