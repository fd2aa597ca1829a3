import { LABEL, VARIABLE, type VariableName } from '@hybridlens/conventions';

/** A PromQL label matcher `label="value"` (value escaped for a double-quoted string). */
export function eq(label: string, value: string): string {
  return `${label}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A matcher on a scene variable, `label=~"${name:regex}"`. The explicit `regex` format makes
 * multi-value and "All" (allValue `.*`) interpolate the same way whichever datasource runs the query.
 */
export function fromVariable(label: string, variable: VariableName): string {
  return `${label}=~"\${${variable}:regex}"`;
}

/** `metric{m1,m2}`; no braces when there are no matchers. */
export function selector(metric: string, matchers: readonly string[] = []): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(',')}}`;
}

/** Matchers of the request-scoped variables (route, model, region) on hybrid_requests_* series. */
export const REQUEST_FILTERS: readonly string[] = [
  fromVariable(LABEL.route, VARIABLE.route),
  fromVariable(LABEL.model, VARIABLE.model),
  fromVariable(LABEL.region, VARIABLE.region),
];

/** Matcher of the provider variable on quantum series. */
export const PROVIDER_FILTER: readonly string[] = [fromVariable(LABEL.provider, VARIABLE.provider)];
