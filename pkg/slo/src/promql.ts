/** Small PromQL builders; every metric and label name comes from the contract. */

export function eq(label: string, value: string): string {
  return `${label}="${value}"`;
}

export function re(label: string, regex: string): string {
  return `${label}=~"${regex}"`;
}

export function selector(metric: string, matchers: readonly string[] = []): string {
  return matchers.length > 0 ? `${metric}{${matchers.join(', ')}}` : metric;
}

/**
 * Matcher for the classic-histogram bucket at `threshold`. Prometheus 2 keeps the exposed text
 * (`le="2"`), Prometheus 3 normalises it to a float (`le="2.0"`): whole numbers match both.
 */
export function leMatcher(threshold: number): string {
  return Number.isInteger(threshold) ? re('le', `${threshold}(\\\\.0)?`) : eq('le', String(threshold));
}

/** Adds matchers to a selector `name{...}` (or bare name) without parsing PromQL in general. */
export function withMatchers(sel: string, matchers: readonly string[]): string {
  if (matchers.length === 0) {
    return sel;
  }
  const brace = sel.indexOf('{');
  if (brace < 0) {
    return selector(sel, matchers);
  }
  const inner = sel.slice(brace + 1, -1).trim();
  return `${sel.slice(0, brace)}{${[inner, ...matchers].filter(Boolean).join(', ')}}`;
}

/** A counter selector the SLI can wrap in `increase()`: a metric name with optional matchers. */
export const COUNTER_SELECTOR =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{\s*([a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"\s*,?\s*)*\})?$/;

/** Keeps only finite, non-negative samples: NaN and ±Inf fail these comparisons and drop out. */
export function finiteNonNegative(expr: string): string {
  return `(${expr}) >= 0 < +Inf`;
}
