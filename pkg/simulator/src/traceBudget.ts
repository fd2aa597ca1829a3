import { REQUEST_OUTCOME } from '@hybridlens/conventions';
import type { RequestPlan } from './plan';
import type { Rng } from './rng';

const HOUR_MS = 3_600_000;

export interface TraceBudgetOptions {
  /** Traces kept per hour of history at most. */
  perHour: number;
  /** Share of ordinary (ok, fast) requests offered a place. */
  ordinaryRatio: number;
  /** A request at least this long is offered a place like an error. */
  slowSeconds: number;
}

/**
 * Which requests of a history keep their trace, decided before they are emitted, as a tail sampler would:
 * failed requests first, up to `perHour` of them an hour on top of the budget (a degraded request earlier in the
 * hour must not take the only place an error would have); then degraded and slow requests and a small share of
 * ordinary ones, first come first served, at most `perHour` per hour. The others are emitted without spans
 * (their metrics are the same), which is most of a backfill's cost saved.
 */
export class TraceBudget {
  private hour = -1;
  private used = 0;
  private usedByErrors = 0;

  constructor(
    private readonly options: TraceBudgetOptions,
    private readonly rng: Rng
  ) {}

  keep(plan: RequestPlan, start: number): boolean {
    // Drawn for every request so the decisions do not depend on the budget left.
    const lucky = this.rng.next() < this.options.ordinaryRatio;
    const hour = Math.floor(start / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.used = 0;
      this.usedByErrors = 0;
    }
    if (plan.outcome === REQUEST_OUTCOME.error && this.usedByErrors < this.options.perHour) {
      this.usedByErrors++;
      return true;
    }
    if (this.used >= this.options.perHour) {
      return false;
    }
    const notable = plan.outcome !== REQUEST_OUTCOME.ok || plan.duration >= this.options.slowSeconds * 1000;
    if (notable || lucky) {
      this.used++;
      return true;
    }
    return false;
  }
}
