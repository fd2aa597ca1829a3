import { SceneQueryRunner } from '@grafana/scenes';
import { TEMPO_DS_REF } from '../../app/variables';
import { decisionExamplesQuery } from '../../queries/traceql';
import { EXAMPLES_PER_DECISION } from './decisionExamples';

export const DECISION_EXAMPLES_REF_ID = 'examples';

/**
 * The Tempo search for one path × reason row, through the Tempo datasource picked on the page. One runner per row:
 * Tempo's `limit` counts traces across the whole answer (grouping with `by()` splits spans within a trace, and
 * nothing caps traces per group), so one search cannot promise examples of the rare rows; and Grafana's Tempo
 * datasource runs only the first TraceQL query of a request, so the rows cannot share a runner. One decision per
 * trace (`spss` 1): a request that fell back holds two, only one of them on this row. The raw table keeps Tempo's
 * values as Tempo sent them (see `decisionAnswerOfFrames`).
 */
export function decisionExamplesRunner(path: string, reason: string): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: TEMPO_DS_REF,
    queries: [
      {
        refId: DECISION_EXAMPLES_REF_ID,
        queryType: 'traceql',
        query: decisionExamplesQuery(path, reason),
        limit: EXAMPLES_PER_DECISION,
        spss: 1,
        tableType: 'raw',
      },
    ],
  });
}
