import React from 'react';
import { css } from '@emotion/css';
import type { DataFrame } from '@grafana/data';
import {
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { LoadingPlaceholder, TextLink } from '@grafana/ui';
import { LABEL, VARIABLE } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { samplesOf } from '../../app/frames';
import { linkFromScene } from '../../app/links';
import { selectedValues } from '../../app/variableValues';
import { proxyGet } from '../../queries/datasourceProxy';
import { decisionExamplesQuery } from '../../queries/traceql';
import { EmptyMessage, ErrorMessage } from '../../states/StateMessages';
import { DecisionInputs } from './DecisionInputs';
import { DECISIONS } from './lifecycleQueries';
import {
  type DecisionExample,
  EXAMPLES_PER_DECISION,
  type TempoDecisionAnswer,
  decisionExamples,
} from './decisionExamples';

const tableStyle = css({
  borderCollapse: 'collapse',
  'th, td': { padding: '2px 16px 2px 0', textAlign: 'left', verticalAlign: 'top' },
});
const exampleList = css({ margin: 0, paddingLeft: 16 });

interface DecisionRow {
  path: string;
  reason: string;
  count: number;
}

const rowKey = (r: { path: string; reason: string }) => `${r.path}\u0000${r.reason}`;

/** The decisions the range holds, by chosen path and reason, most frequent first. */
function decisionRows(series: DataFrame[]): DecisionRow[] {
  return samplesOf(series, DECISIONS.byPathReason)
    .filter((s) => Number.isFinite(s.value))
    .map((s) => ({ path: s.labels[LABEL.path] ?? '', reason: s.labels[LABEL.reason] ?? '', count: s.value }))
    .sort((a, b) => b.count - a.count);
}

/** Examples of each row from Tempo, or the message Tempo's search failed with. */
type Examples = { byRow: Map<string, DecisionExample[]> } | { error: string };

interface DecisionsState extends SceneObjectState {
  tempoUid: string;
  examples?: Examples;
}

/**
 * The orchestrator's decisions in the range: which path it chose and why (the contract's reasons), most frequent
 * first, with their share of all decisions, and for each some decisions Tempo holds with the inputs the
 * orchestrator saw (queue, backlog, rate-limit budget, calibration age, predicted fidelity, availability, flags),
 * each opening its trace.
 */
export class Decisions extends SceneObjectBase<DecisionsState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VARIABLE.tempo],
    onReferencedVariableValueChanged: () => this.loadExamples(),
  });

  constructor(state: DecisionsState) {
    super(state);
    this.addActivationHandler(() => {
      this.loadExamples();
      const sub = sceneGraph.getData(this).subscribeToState((next, prev) => {
        if (next.data?.series !== prev.data?.series) {
          this.loadExamples();
        }
      });
      return () => sub.unsubscribe();
    });
  }

  private generation = 0;

  loadExamples(): void {
    const run = ++this.generation;
    const rows = decisionRows(sceneGraph.getData(this).state.data?.series ?? []);
    if (rows.length === 0) {
      return;
    }
    const range = sceneGraph.getTimeRange(this).state.value;
    const window = {
      start: String(Math.floor(range.from.valueOf() / 1000)),
      end: String(Math.ceil(range.to.valueOf() / 1000)),
      limit: String(EXAMPLES_PER_DECISION),
      // One decision per trace: a request that fell back holds two, only one of them on this row.
      spss: '1',
    };
    const tempo = selectedValues(this, VARIABLE.tempo)?.[0] ?? this.state.tempoUid;
    this.setState({ examples: undefined });
    void Promise.all(
      rows.map((r) =>
        proxyGet<TempoDecisionAnswer>(tempo, 'api/search', {
          q: decisionExamplesQuery(r.path, r.reason),
          ...window,
        }).then((answer) => [rowKey(r), decisionExamples(answer)] as const)
      )
    ).then(
      (answers) => run === this.generation && this.setState({ examples: { byRow: new Map(answers) } }),
      (e: Error) => run === this.generation && this.setState({ examples: { error: e.message } })
    );
  }

  static Component = DecisionsRenderer;
}

function DecisionsRenderer({ model }: SceneComponentProps<Decisions>) {
  const { examples } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const rows = decisionRows(data?.series ?? []);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const byRow = examples && 'byRow' in examples ? examples.byRow : undefined;
  const link = (traceId: string) => linkFromScene(model, { page: 'trace', params: { traceId } });
  return (
    <div>
      <table className={tableStyle} data-testid={testIds.lifecycle.decisions}>
        <thead>
          <tr>
            <th scope="col">{t('lifecycle.decisions.path', 'Path chosen')}</th>
            <th scope="col">{t('lifecycle.decisions.reason', 'Why')}</th>
            <th scope="col">{t('lifecycle.decisions.count', 'Decisions')}</th>
            <th scope="col">{t('lifecycle.decisions.share', 'Share')}</th>
            <th scope="col">{t('lifecycle.decisions.examples', 'Examples from Tempo: what the orchestrator saw')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={rowKey(r)}
              data-testid={testIds.lifecycle.decision}
              data-path={r.path}
              data-reason={r.reason}
              data-count={Math.round(r.count)}
            >
              <td>{r.path}</td>
              <td>{r.reason}</td>
              <td>{Math.round(r.count)}</td>
              <td>
                {total > 0 ? `${((r.count / total) * 100).toFixed(1)} %` : t('lifecycle.decisions.no-share', 'n/a')}
              </td>
              <td>
                {!examples ? (
                  <LoadingPlaceholder text={t('lifecycle.decisions.examples-loading', 'Searching Tempo…')} />
                ) : (
                  <ul className={exampleList}>
                    {(byRow?.get(rowKey(r)) ?? []).map((e) => (
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
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {examples && 'error' in examples && (
        <ErrorMessage
          title={t('lifecycle.decisions.examples-error', 'Could not search Tempo for example decisions')}
          messages={[examples.error]}
          fix={t('lifecycle.decisions.examples-fix', 'Check the Tempo datasource picked above.')}
        />
      )}
      {byRow && [...byRow.values()].every((list) => list.length === 0) && (
        <EmptyMessage title={t('lifecycle.decisions.examples-empty', 'Tempo holds no decision of this range')}>
          {t(
            'lifecycle.decisions.examples-empty-body',
            'Only kept traces reach Tempo (failed, degraded and slow requests, and a sample of the rest): widen the time range to find decisions with their inputs.'
          )}
        </EmptyMessage>
      )}
    </div>
  );
}
