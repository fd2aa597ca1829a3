import { JOB_OUTCOME, LABEL, METRIC, eq, range, re, selector } from '@hybridlens/conventions';
import { MACRO, variableRef } from './grafanaMacros';
import { increaseOverRange, positive } from './traffic';

const byBackend = `by (${LABEL.provider}, ${LABEL.backend})`;

/** Matchers of the dashboard's provider and backend variables. */
export function backendFilter(): string[] {
  return [re(LABEL.provider, variableRef(LABEL.provider)), re(LABEL.backend, variableRef(LABEL.backend))];
}

/** Estimated quantum spend in the time range (or the period before it), in USD. */
export function spendInRange(previous = false): string {
  return `sum(${increaseOverRange(selector(METRIC.quantumSpend.name), previous)})`;
}

/** Estimated quantum spend in the time range by provider, in USD. */
export function spendByProviderInRange(): string {
  return `sum by (${LABEL.provider}) (${increaseOverRange(selector(METRIC.quantumSpend.name))})`;
}

/** Share of quantum jobs that succeeded, by backend (no point where a backend ran no job in the window). */
export function jobSuccessRatioByBackend(): string {
  const jobs = (extra: string[]) => selector(METRIC.quantumJobs.name, [...backendFilter(), ...extra]);
  const ok = `sum ${byBackend} (rate(${range(jobs([eq(LABEL.outcome, JOB_OUTCOME.success)]), MACRO.rateInterval)}))`;
  const all = `sum ${byBackend} (rate(${range(jobs([]), MACRO.rateInterval)}))`;
  return `(${ok} or ${all} * 0) / ${positive(all)}`;
}

/** Jobs waiting in each backend's queue. */
export function queueLengthByBackend(): string {
  return `max ${byBackend} (${selector(METRIC.quantumQueueLength.name, backendFilter())})`;
}

/** Quantum job errors per second by error type. */
export function jobErrorRateByType(): string {
  return `sum by (${LABEL.provider}, ${LABEL.errorType}) (rate(${range(selector(METRIC.quantumJobErrors.name, backendFilter()), MACRO.rateInterval)}))`;
}
