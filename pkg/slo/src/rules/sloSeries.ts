import { LABEL, selector, eq } from '@hybridlens/conventions';
import { type SloSpec } from '../spec';

/** A recorded series of this SLO: `series{slo="<name>"}`. */
export function sloSeries(spec: SloSpec, series: string): string {
  return selector(series, [eq(LABEL.slo, spec.name)]);
}

/** The label every recorded series carries. */
export function sloLabels(spec: SloSpec): Record<string, string> {
  return { [LABEL.slo]: spec.name };
}

/** `(1 - 0.99)`: written out so that Prometheus and the tests compute the same float. */
export function errorBudget(spec: SloSpec): string {
  return `(1 - ${spec.objective})`;
}
