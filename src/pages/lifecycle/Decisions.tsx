import React from 'react';
import { css } from '@emotion/css';
import type { DataFrame } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import type { Unsubscribable } from 'rxjs';
import { LABEL } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { samplesOf } from '../../app/frames';
import { EmptyMessage, ErrorMessage } from '../../states/StateMessages';
import { DECISIONS } from './lifecycleQueries';
import { DecisionRowExamples, SearchingTempo } from './DecisionRowExamples';
import { decisionExamplesRunner } from './decisionExamplesRunner';

const tableStyle = css({
  borderCollapse: 'collapse',
  'th, td': { padding: '2px 16px 2px 0', textAlign: 'left', verticalAlign: 'top' },
});

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

/** Where the rows' Tempo searches stand, for the messages under the table. */
interface SearchSummary {
  /** Searches that failed, and Tempo's messages, each once. */
  failed: number;
  errors: string[];
  /** Searches answered (with or without examples, or failed). */
  answered: number;
  /** Searches that found at least one decision. */
  withExamples: number;
}

interface DecisionsState extends SceneObjectState {
  /** One search per row, keyed by path and reason; kept while the row stays. */
  rows: DecisionRowExamples[];
  searches?: SearchSummary;
}

function summarize(rows: readonly DecisionRowExamples[]): SearchSummary {
  const errors = new Set<string>();
  let failed = 0;
  let answered = 0;
  let withExamples = 0;
  for (const row of rows) {
    const found = row.found();
    if (found.kind === 'loading') {
      continue;
    }
    answered++;
    if (found.kind === 'error') {
      failed++;
      found.messages.forEach((m) => errors.add(m));
    } else if (found.examples.length > 0) {
      withExamples++;
    }
  }
  return { failed, errors: [...errors], answered, withExamples };
}

/**
 * The orchestrator's decisions in the range: which path it chose and why (the contract's reasons), most frequent
 * first, with their share of all decisions, and for each some decisions Tempo holds with the inputs the
 * orchestrator saw (queue, backlog, rate-limit budget, calibration age, predicted fidelity, availability, flags),
 * each opening its trace.
 */
export class Decisions extends SceneObjectBase<DecisionsState> {
  constructor(state: Partial<DecisionsState> = {}) {
    super({ rows: [], ...state });
    this.addActivationHandler(() => {
      this.syncRows();
      const sub = sceneGraph.getData(this).subscribeToState((next, prev) => {
        if (next.data?.series !== prev.data?.series) {
          this.syncRows();
        }
      });
      return () => {
        sub.unsubscribe();
        this.unwatch();
      };
    });
  }

  private watching: Unsubscribable[] = [];

  private unwatch(): void {
    this.watching.forEach((w) => w.unsubscribe());
    this.watching = [];
  }

  /** One search object per row Prometheus answers; a row that stays keeps its search (and its answer). */
  private syncRows(): void {
    const known = new Map(this.state.rows.map((r) => [rowKey(r.state), r]));
    const rows = decisionRows(sceneGraph.getData(this).state.data?.series ?? []).map(
      (r) =>
        known.get(rowKey(r)) ??
        new DecisionRowExamples({ path: r.path, reason: r.reason, $data: decisionExamplesRunner(r.path, r.reason) })
    );
    this.unwatch();
    this.watching = rows.map((row) =>
      row.state.$data!.subscribeToState(() => this.setState({ searches: summarize(this.state.rows) }))
    );
    this.setState({ rows, searches: summarize(rows) });
  }

  static Component = DecisionsRenderer;
}

function DecisionsRenderer({ model }: SceneComponentProps<Decisions>) {
  const { rows: searches, searches: summary } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const rows = decisionRows(data?.series ?? []);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const searchOf = new Map(searches.map((s) => [rowKey(s.state), s]));
  const allAnswered = summary !== undefined && rows.length > 0 && summary.answered === rows.length;
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
          {rows.map((r) => {
            const search = searchOf.get(rowKey(r));
            return (
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
                <td>{search ? <search.Component model={search} /> : <SearchingTempo />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary && summary.failed > 0 && (
        <ErrorMessage
          title={t('lifecycle.decisions.examples-error', 'Could not search Tempo for example decisions')}
          messages={summary.errors}
          fix={t('lifecycle.decisions.examples-fix', 'Check the Tempo datasource picked above.')}
        />
      )}
      {allAnswered && summary.failed === 0 && summary.withExamples === 0 && (
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
