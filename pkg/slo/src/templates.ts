import { templateValue, type TemplateValue } from '@hybridlens/conventions';

/**
 * Go-template snippets for Prometheus alert annotations. Annotation texts are written as functions of
 * their numbers so tests can render the same text with independently computed values and compare it
 * with what Prometheus renders.
 */

/** A number that fired: the alert expression's value, printed with `digits` decimals. */
export function valueText(digits: number): string {
  return `{{ $value | printf "%.${digits}f" }}`;
}

/**
 * A PromQL expression ready to sit inside a Go template string: `{{ with query "…" }}` is double-quoted, so
 * the expression's label values swap to single quotes, which PromQL accepts as well. Only for expressions
 * whose values hold neither quote nor backslash (the SLO's own name, contract label values): those would need
 * escaping twice, for PromQL and for Go.
 */
export function templateQuery(expr: string): string {
  if (/['\\]/.test(expr)) {
    throw new Error(`templateQuery: a quote or backslash cannot be carried into a template query: ${expr}`);
  }
  return expr.replaceAll('"', "'");
}

/**
 * The first sample of an instant query run when the alert is evaluated, printed with `digits`
 * decimals (empty when the query returns nothing). `query` may not contain double quotes: pass it
 * through {@link templateQuery}.
 */
export function queryText(query: string, digits: number): string {
  if (query.includes('"')) {
    throw new Error(`queryText: use single quotes inside template queries: ${query}`);
  }
  return `{{ with query "${query}" }}{{ . | first | value | printf "%.${digits}f" }}{{ end }}`;
}

/** Like {@link queryText} for a query built from the alert's own label values (`%q` quotes them for PromQL). */
export function labelQueryText(format: string, labels: readonly string[], digits: number): string {
  const args = labels.map((l) => `$labels.${l}`).join(' ');
  return `{{ with printf "${format}" ${args} | query }}{{ . | first | value | printf "%.${digits}f" }}{{ end }}`;
}

/** An alert label, URL-encoded, for a link (`urlquery`). */
export function labelInUrl(label: string): TemplateValue {
  return templateValue(`{{ $labels.${label} | urlquery }}`);
}

/** An alert label as plain text. */
export function labelText(label: string): string {
  return `{{ $labels.${label} }}`;
}

/** Epoch milliseconds of the evaluation time shifted by `offset` (a duration, negative = before). */
export function evalTimeMs(offsetSeconds: number): TemplateValue {
  const shifted =
    offsetSeconds === 0 ? 'time()' : `(time() ${offsetSeconds < 0 ? '-' : '+'} ${Math.abs(offsetSeconds)})`;
  return templateValue(`{{ with query "${shifted} * 1000" }}{{ . | first | value | printf "%.0f" }}{{ end }}`);
}
