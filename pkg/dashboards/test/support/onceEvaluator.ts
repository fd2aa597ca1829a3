import type { PromQueryResult, RunningPrometheus } from '@hybridlens/testkit';

/** A range evaluation, or an instant one when `step` is absent. */
export interface Evaluation {
  expr: string;
  start?: number;
  end: number;
  step?: number;
}

/**
 * Asks Prometheus each distinct evaluation once for the whole test file: dashboards repeat expressions (the
 * same traffic series on the summary and the overview, a table's query reused by its link), and a range
 * evaluation over 7 days is the costly part. Concurrent callers of the same evaluation share one request.
 */
export class OnceEvaluator {
  private readonly answers = new Map<string, Promise<PromQueryResult>>();
  /** Requests actually sent to Prometheus. */
  sent = 0;

  constructor(private readonly prometheus: RunningPrometheus) {}

  evaluate(e: Evaluation): Promise<PromQueryResult> {
    const key = JSON.stringify([e.expr, e.start ?? null, e.end, e.step ?? null]);
    let answer = this.answers.get(key);
    if (!answer) {
      this.sent += 1;
      answer =
        e.step === undefined
          ? this.prometheus.query(e.expr, e.end)
          : this.prometheus.queryRange(e.expr, e.start ?? e.end, e.end, e.step);
      this.answers.set(key, answer);
    }
    return answer;
  }
}
