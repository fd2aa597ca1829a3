import '../../testing/jsdomPolyfills';
import { FieldType, LoadingState, type DataFrame, createDataFrame, getDefaultTimeRange } from '@grafana/data';
import { EmbeddedScene, SceneDataNode, SceneFlexItem, SceneFlexLayout, SceneQueryRunner } from '@grafana/scenes';
import { LABEL } from '@hybridlens/conventions';
import { TEMPO_DS_REF } from '../../app/variables';
import { decisionExamplesQuery } from '../../queries/traceql';
import { Decisions } from './Decisions';
import { DecisionRowExamples } from './DecisionRowExamples';
import { EXAMPLES_PER_DECISION } from './decisionExamples';
import { DECISIONS } from './lifecycleQueries';

/** The decisions runner's answer: one row per path × reason with its count (table format). */
function decisionCounts(rows: Array<[string, string, number]>): DataFrame {
  return createDataFrame({
    refId: DECISIONS.byPathReason,
    fields: [
      { name: LABEL.path, type: FieldType.string, values: rows.map((r) => r[0]) },
      { name: LABEL.reason, type: FieldType.string, values: rows.map((r) => r[1]) },
      { name: 'Value', type: FieldType.number, values: rows.map((r) => r[2]) },
    ],
  });
}

const answered = (series: DataFrame[]) => ({ state: LoadingState.Done, series, timeRange: getDefaultTimeRange() });

/** Decisions under a data node answering these counts, activated. */
function activeOn(rows: Array<[string, string, number]>) {
  const counts = new SceneDataNode({ data: answered([decisionCounts(rows)]) });
  const decisions = new Decisions();
  new EmbeddedScene({
    $data: counts,
    body: new SceneFlexLayout({ children: [new SceneFlexItem({ body: decisions })] }),
  });
  return { counts, decisions, deactivate: decisions.activate() };
}

describe('Decisions: one Tempo search per path × reason row', () => {
  it('gives each row its own runner on the Tempo datasource, with the row’s TraceQL and the raw table', () => {
    const { decisions, deactivate } = activeOn([
      ['qpu', 'fidelity_ok', 40],
      ['simulator', 'queue_saturated', 3],
    ]);
    const searches = decisions.state.rows.map((row) => {
      const runner = row.state.$data as SceneQueryRunner;
      expect(runner).toBeInstanceOf(SceneQueryRunner);
      return { datasource: runner.state.datasource, queries: runner.state.queries };
    });
    expect(searches).toEqual(
      [
        ['qpu', 'fidelity_ok'],
        ['simulator', 'queue_saturated'],
      ].map(([path, reason]) => ({
        datasource: TEMPO_DS_REF,
        queries: [
          expect.objectContaining({
            queryType: 'traceql',
            query: decisionExamplesQuery(path!, reason!),
            limit: EXAMPLES_PER_DECISION,
            spss: 1,
            tableType: 'raw',
          }),
        ],
      }))
    );
    deactivate();
  });

  it('keeps the search of a row that stays when the counts change, and drops the rows that went', () => {
    const { counts, decisions, deactivate } = activeOn([
      ['qpu', 'fidelity_ok', 40],
      ['simulator', 'queue_saturated', 3],
    ]);
    const qpu = decisions.state.rows[0]!;
    counts.setState({
      data: answered([
        decisionCounts([
          ['qpu', 'fidelity_ok', 41],
          ['classical', 'budget', 1],
        ]),
      ]),
    });
    expect(decisions.state.rows.map((r) => [r.state.path, r.state.reason])).toEqual([
      ['qpu', 'fidelity_ok'],
      ['classical', 'budget'],
    ]);
    expect(decisions.state.rows[0]).toBe(qpu);
    deactivate();
  });
});

describe('DecisionRowExamples: what one row’s search found', () => {
  const rowWith = (data: ReturnType<typeof answered> & { errors?: Array<{ message: string }> }) =>
    new DecisionRowExamples({ path: 'qpu', reason: 'fidelity_ok', $data: new SceneDataNode({ data }) });
  const raw = (text: string) =>
    createDataFrame({ refId: 'raw', fields: [{ name: 'response', type: FieldType.string, values: [text] }] });

  it('reads the examples from the raw table', () => {
    const traces = [
      {
        traceID: 'abc',
        spanSets: [{ spans: [{ spanID: 's1', startTimeUnixNano: '1000000', attributes: [] }] }],
      },
    ];
    expect(rowWith(answered([raw(JSON.stringify(traces))])).found()).toEqual({
      kind: 'ready',
      examples: [{ traceId: 'abc', spanId: 's1', timeMs: 1, inputs: {} }],
    });
  });

  it('is an error with Tempo’s message when the search failed, and with the reason when the answer is not JSON', () => {
    const failed = { ...answered([]), state: LoadingState.Error, errors: [{ message: 'invalid TraceQL query' }] };
    expect(rowWith(failed).found()).toEqual({ kind: 'error', messages: ['invalid TraceQL query'] });
    const broken = rowWith(answered([raw('[{')])).found();
    expect(broken.kind).toBe('error');
    expect(broken.kind === 'error' && broken.messages[0]).toMatch(/not JSON/);
  });
});
