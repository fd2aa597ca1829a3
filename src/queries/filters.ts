import { LABEL, VARIABLE, type VariableName, matcher } from '@hybridlens/conventions';

/** The label variables pages offer as filters, and the label each one matches on the contract's series. */
export const FILTER_LABEL = {
  [VARIABLE.route]: LABEL.route,
  [VARIABLE.model]: LABEL.model,
  [VARIABLE.region]: LABEL.region,
  [VARIABLE.path]: LABEL.path,
  [VARIABLE.provider]: LABEL.provider,
  [VARIABLE.backend]: LABEL.backend,
} as const satisfies Partial<Record<VariableName, string>>;

export type FilterVariable = keyof typeof FILTER_LABEL;

/** Every filter, in the order the Overview shows them. */
export const FILTER_VARIABLES: readonly FilterVariable[] = [
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.path,
  VARIABLE.provider,
  VARIABLE.backend,
];

/**
 * A matcher on a scene variable, `label=~"${name}"`. No explicit format: the Prometheus datasource formats
 * the value itself (regex-escaped and PromQL-string-escaped, `(a|b)` for several values, the raw `.*` for
 * All). An explicit `:regex` format would leave single backslashes such as `us\-east\-1` inside the PromQL
 * string, which Prometheus rejects as unknown escapes.
 */
export function fromVariable(label: string, variable: VariableName): string {
  return matcher(label, '=~', `\${${variable}}`);
}

/** Matchers of the given filters. */
export function filterMatchers(filters: readonly FilterVariable[]): string[] {
  return filters.map((variable) => fromVariable(FILTER_LABEL[variable], variable));
}

/** Filters the request series carry (`hybrid_requests_total`, `hybrid_request_duration_seconds`). */
export const REQUEST_FILTERS: readonly FilterVariable[] = [
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.path,
];

/** Filters the quantum job and spend series carry. */
export const QUANTUM_FILTERS: readonly FilterVariable[] = [VARIABLE.provider];
