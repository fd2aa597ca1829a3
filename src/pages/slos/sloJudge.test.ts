import { canJudge, wilsonInterval } from './sloJudge';

describe('canJudge: enough traffic to call an SLO missed or met', () => {
  it('always judges at or above the configured number of events', () => {
    expect(canJudge({ events: 100, errorRatio: 0.05, objective: 0.95, minEvents: 100 })).toBe(true);
    expect(canJudge({ events: 5000, errorRatio: undefined, objective: undefined, minEvents: 100 })).toBe(true);
  });

  it('judges few events whose error ratio is clearly over the budget (a spent budget is shown as spent)', () => {
    // 19 bad of 76 against a 5 % budget: the interval is far above 5 %.
    expect(canJudge({ events: 76, errorRatio: 19 / 76, objective: 0.95, minEvents: 100 })).toBe(true);
  });

  it('does not judge few events that cannot tell (no failures among a handful, or a ratio near the budget)', () => {
    expect(canJudge({ events: 11, errorRatio: 0, objective: 0.95, minEvents: 100 })).toBe(false);
    expect(canJudge({ events: 80, errorRatio: 0.06, objective: 0.95, minEvents: 100 })).toBe(false);
    expect(canJudge({ events: 0, errorRatio: 0, objective: 0.95, minEvents: 100 })).toBe(false);
  });

  it('does not judge few events whose error ratio or objective is unknown', () => {
    expect(canJudge({ events: 42, errorRatio: undefined, objective: 0.99, minEvents: 100 })).toBe(false);
    expect(canJudge({ events: 42, errorRatio: 0.5, objective: undefined, minEvents: 100 })).toBe(false);
  });

  it('judges a clean record when even its upper bound is under the budget', () => {
    // 0 of 99 failed: the 95 % upper bound is about 3.7 %, under a 5 % budget.
    expect(canJudge({ events: 99, errorRatio: 0, objective: 0.95, minEvents: 100 })).toBe(true);
    expect(canJudge({ events: 99, errorRatio: 0, objective: 0.99, minEvents: 100 })).toBe(false);
  });
});

describe('wilsonInterval', () => {
  it('matches the textbook 95 % interval (10 of 100: 5.5 % to 17.4 %)', () => {
    const { low, high } = wilsonInterval(0.1, 100);
    expect(low).toBeCloseTo(0.0552, 3);
    expect(high).toBeCloseTo(0.1744, 3);
  });

  it('stays inside 0..1 at the edges', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(1, 10).high).toBe(1);
  });
});
