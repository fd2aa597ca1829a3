import React from 'react';
import { css } from '@emotion/css';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { TextLink } from '@grafana/ui';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { linkFromScene } from '../../app/links';
import { dataStatus } from '../../states/dataStatus';
import { LoadingMessage } from '../../states/StateMessages';
import { DecisionInputs } from './DecisionInputs';
import { type DecisionExample, decisionAnswerOfFrames, decisionExamples } from './decisionExamples';

const exampleList = css({ margin: 0, paddingLeft: 16 });

/** What one row's search found: its examples, still loading, or why it failed. */
export type RowExamples =
  { kind: 'loading' } | { kind: 'error'; messages: string[] } | { kind: 'ready'; examples: DecisionExample[] };

interface DecisionRowExamplesState extends SceneObjectState {
  path: string;
  reason: string;
}

/**
 * The examples of one path × reason row: its own Tempo search (`$data`), read with the shared status decision
 * (`dataStatus`), shown as links to their traces with the inputs each decision recorded. A failed search shows
 * nothing here: the table says once, under it, what Tempo answered.
 */
export class DecisionRowExamples extends SceneObjectBase<DecisionRowExamplesState> {
  found(): RowExamples {
    const status = dataStatus(this.state.$data?.state.data, () => false);
    if (status.kind === 'loading' || status.kind === 'error') {
      return status;
    }
    try {
      return {
        kind: 'ready',
        examples: decisionExamples(decisionAnswerOfFrames(status.kind === 'ready' ? status.series : [])),
      };
    } catch (e) {
      return { kind: 'error', messages: [(e as Error).message] };
    }
  }

  static Component = DecisionRowExamplesRenderer;
}

/** A row whose search has not answered yet. */
export function SearchingTempo() {
  return <LoadingMessage text={t('lifecycle.decisions.examples-loading', 'Searching Tempo…')} />;
}

function DecisionRowExamplesRenderer({ model }: SceneComponentProps<DecisionRowExamples>) {
  // Re-render on every answer of this row's search.
  sceneGraph.getData(model).useState();
  const found = model.found();
  if (found.kind === 'loading') {
    return <SearchingTempo />;
  }
  if (found.kind === 'error') {
    return null;
  }
  const link = (traceId: string) => linkFromScene(model, { page: 'trace', params: { traceId } });
  return (
    <ul className={exampleList}>
      {found.examples.map((e) => (
        <li
          key={`${e.traceId}-${e.spanId}`}
          data-testid={testIds.lifecycle.decisionExample}
          data-trace-id={e.traceId}
          data-span-id={e.spanId}
          data-inputs={JSON.stringify(e.inputs)}
        >
          <TextLink href={link(e.traceId)} inline>
            {e.traceId.slice(0, 12)}
          </TextLink>{' '}
          <DecisionInputs inputs={e.inputs} />
        </li>
      ))}
    </ul>
  );
}
