import React, { useState } from 'react';
import { SceneObjectBase, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Button, Field, Input, Stack, Text } from '@grafana/ui';
import { locationService } from '@grafana/runtime';
import type { PageId } from '@hybridlens/conventions';
import { linkFromScene } from '../../app/links';
import { t } from '../../i18n';

interface OpenByIdState extends SceneObjectState {
  page: Extract<PageId, 'trace' | 'quantumJob'>;
}

/** The root of an id-only section (`/traces`, `/jobs`): paste an id and open its page. */
export class OpenById extends SceneObjectBase<OpenByIdState> {
  static Component = ({ model }: SceneComponentProps<OpenById>) => <OpenByIdForm model={model} />;
}

function OpenByIdForm({ model }: { model: OpenById }) {
  const { page } = model.useState();
  const [id, setId] = useState('');
  const open = () => {
    const trimmed = id.trim();
    if (trimmed !== '') {
      locationService.push(
        linkFromScene(
          model,
          page === 'trace' ? { page, params: { traceId: trimmed } } : { page, params: { jobId: trimmed } }
        )
      );
    }
  };
  const label = page === 'trace' ? t('open-by-id.trace', 'Trace id') : t('open-by-id.job', 'Provider job id');
  return (
    <Stack direction="column" gap={1}>
      <Text color="secondary">
        {page === 'trace'
          ? t('open-by-id.trace-hint', 'Open a trace from the Lifecycle page, an alert or a log line, or paste its id.')
          : t(
              'open-by-id.job-hint',
              'Open a quantum job from a trace or a provider page, or paste the provider job id.'
            )}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <Stack direction="row" gap={1} alignItems="flex-end">
          <Field label={label}>
            <Input width={48} value={id} onChange={(e) => setId(e.currentTarget.value)} />
          </Field>
          <Field>
            <Button type="submit" disabled={id.trim() === ''}>
              {t('open-by-id.open', 'Open')}
            </Button>
          </Field>
        </Stack>
      </form>
    </Stack>
  );
}
