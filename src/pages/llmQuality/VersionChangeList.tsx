import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { SceneObjectBase, type SceneComponentProps, type SceneObjectState, sceneGraph } from '@grafana/scenes';
import { Stack, Text, TextLink } from '@grafana/ui';
import { PLAYBOOK, VARIABLE, buildAppUrl } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { DEFAULT_POINT_STEP_MS, pointTracesUrl } from './pointTraces';
import { VERSION_CHANGES_FRAME } from './versionChanges';

interface ListedChange {
  time: number;
  model: string;
  text: string;
}

/**
 * The model and prompt-template version changes in the range as a list (the trends draw the same changes as
 * markers): when, which model, what changed, with links to that model's traces up to the change and to playbook C.
 * Reads the trends' own annotation frame, so list and markers cannot disagree.
 */
export class VersionChangeList extends SceneObjectBase<SceneObjectState> {
  static Component = VersionChangeListRenderer;
}

function VersionChangeListRenderer({ model }: SceneComponentProps<VersionChangeList>) {
  const { data } = sceneGraph.getData(model).useState();
  const frame = data?.annotations?.find((f) => f.name === VERSION_CHANGES_FRAME);
  const field = (name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];
  const [times, texts, tags] = [field('time'), field('text'), field('tags')];
  const changes: ListedChange[] = times.map((time, i) => ({
    time: Number(time),
    model: String((tags[i] as string[] | undefined)?.[0] ?? ''),
    text: String(texts[i] ?? ''),
  }));
  const step = data?.request?.intervalMs || DEFAULT_POINT_STEP_MS;
  const timeZone = sceneGraph.getTimeRange(model).getTimeZone();
  return (
    <div data-testid={testIds.llmQuality.versionChanges}>
      <Stack direction="column" gap={1}>
        <Text element="h3">{t('llm-quality.changes.title', 'Model and prompt-template changes in range')}</Text>
        {changes.length === 0 ? (
          <Text color="secondary">
            {t('llm-quality.changes.none', 'No model or prompt-template version changed in this time range.')}
          </Text>
        ) : (
          changes.map((c) => (
            <div key={`${c.time}-${c.model}`} data-testid={testIds.llmQuality.versionChange} data-time={c.time}>
              <Stack direction="row" gap={2} wrap="wrap">
                <Text>{dateTimeFormat(c.time, { timeZone })}</Text>
                <Text>{c.text}</Text>
                <TextLink href={pointTracesUrl({ model: c.model, at: c.time, step })}>
                  {t('llm-quality.changes.traces', 'Traces at the change')}
                </TextLink>
                <TextLink
                  href={buildAppUrl({
                    page: 'playbook',
                    params: { playbook: PLAYBOOK.llmDrift },
                    variables: { [VARIABLE.model]: c.model },
                  })}
                >
                  {t('llm-quality.changes.playbook', 'Playbook C')}
                </TextLink>
              </Stack>
            </div>
          ))
        )}
      </Stack>
    </div>
  );
}
