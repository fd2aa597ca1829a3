import { templateValue, type TemplateValue } from '@hybridlens/conventions';
import { durationSeconds } from './duration';

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
 * The first sample of an instant query run when the alert is evaluated, printed with `digits`
 * decimals (empty when the query returns nothing). `query` may not contain double quotes: label
 * values are quoted with single quotes, which PromQL accepts.
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

export function secondsBefore(duration: string): number {
  return -durationSeconds(duration);
}
