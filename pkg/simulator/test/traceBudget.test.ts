import { REQUEST_OUTCOME, type RequestOutcome } from '@hybridlens/conventions';
import type { RequestPlan } from '../src/plan';
import { Rng } from '../src/rng';
import { TraceBudget } from '../src/traceBudget';

const HOUR = 3_600_000;
const OPTIONS = { perHour: 1, ordinaryRatio: 0, slowSeconds: 10 };

function request(outcome: RequestOutcome, durationMs = 500): RequestPlan {
  return { outcome, duration: durationMs } as RequestPlan;
}

describe('TraceBudget', () => {
  it('keeps a failed request even when a degraded one took the hour’s place first', () => {
    const budget = new TraceBudget(OPTIONS, new Rng(1));
    expect(budget.keep(request(REQUEST_OUTCOME.degraded), 0)).toBe(true);
    expect(budget.keep(request(REQUEST_OUTCOME.degraded), 1000)).toBe(false);
    expect(budget.keep(request(REQUEST_OUTCOME.error), 2000)).toBe(true);
  });

  it('keeps at most perHour failed requests on top of the budget, then lets them compete for it', () => {
    const budget = new TraceBudget({ ...OPTIONS, perHour: 2 }, new Rng(1));
    const kept = [0, 1, 2, 3, 4].map((i) => budget.keep(request(REQUEST_OUTCOME.error), i * 1000));
    // Two on the errors' own allowance, two more on the general budget, then nothing this hour.
    expect(kept).toEqual([true, true, true, true, false]);
    expect(budget.keep(request(REQUEST_OUTCOME.degraded), 10_000)).toBe(false);
  });

  it('starts every hour afresh, and keeps nothing at all with a budget of 0', () => {
    const budget = new TraceBudget(OPTIONS, new Rng(1));
    expect(budget.keep(request(REQUEST_OUTCOME.error), 0)).toBe(true);
    expect(budget.keep(request(REQUEST_OUTCOME.error), 1)).toBe(true);
    expect(budget.keep(request(REQUEST_OUTCOME.error), 2)).toBe(false);
    expect(budget.keep(request(REQUEST_OUTCOME.error), HOUR)).toBe(true);
    const none = new TraceBudget({ ...OPTIONS, perHour: 0 }, new Rng(1));
    expect(none.keep(request(REQUEST_OUTCOME.error), 0)).toBe(false);
  });

  it('offers slow requests a place like degraded ones, and ordinary ones only by their ratio', () => {
    const budget = new TraceBudget(OPTIONS, new Rng(1));
    expect(budget.keep(request(REQUEST_OUTCOME.ok, 500), 0)).toBe(false);
    expect(budget.keep(request(REQUEST_OUTCOME.ok, 12_000), 1)).toBe(true);
  });
});
