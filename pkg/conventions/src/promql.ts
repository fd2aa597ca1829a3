/**
 * The one PromQL builder of Hybrid Lens: the app's queries, the SLO rules and the dashboards all build their
 * selectors here, so that label values are escaped the same way everywhere and every name comes from the
 * contract. Deliberately small: matchers, selectors, ranges and the `le` matcher; expressions stay readable
 * template strings around them.
 */
import { formatDuration } from './duration';

export type MatchOp = '=' | '!=' | '=~' | '!~';

/**
 * A PromQL double-quoted string literal. PromQL strings follow Go's escapes: backslash and the quote must be
 * escaped, and so must raw newlines, which would otherwise end the literal. Other UTF-8 passes through.
 */
export function promString(value: string): string {
  const escaped = value.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!
  );
  return `"${escaped}"`;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function checkLabel(label: string): string {
  if (!LABEL_NAME.test(label)) {
    throw new Error(`PromQL: "${label}" is not a valid label name`);
  }
  return label;
}

/** `label<op>"value"`, with the value escaped. */
export function matcher(label: string, op: MatchOp, value: string): string {
  return `${checkLabel(label)}${op}${promString(value)}`;
}

export const eq = (label: string, value: string): string => matcher(label, '=', value);
export const neq = (label: string, value: string): string => matcher(label, '!=', value);
/** `label=~"regex"`: the regex is written as given (only string-escaped); see {@link regexOf} for literals. */
export const re = (label: string, regex: string): string => matcher(label, '=~', regex);
export const nre = (label: string, regex: string): string => matcher(label, '!~', regex);

/** A RE2 alternation matching exactly these literal values (metacharacters escaped). */
export function regexOf(values: readonly string[]): string {
  return values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** `label=~"a|b"` matching exactly the listed values. */
export function oneOf(label: string, values: readonly string[]): string {
  if (values.length === 0) {
    throw new Error(`PromQL: oneOf(${label}) needs at least one value`);
  }
  return values.length === 1 ? eq(label, values[0]!) : re(label, regexOf(values));
}

/** `metric{m1,m2}`, or the bare name when there are no matchers. Matchers come from the functions above. */
export function selector(metric: string, matchers: readonly string[] = []): string {
  if (!METRIC_NAME.test(metric)) {
    throw new Error(`PromQL: "${metric}" is not a valid metric name`);
  }
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(',')}}`;
}

/**
 * Adds matchers to a selector `name{...}` (or a bare name). Only for selectors made by {@link selector} or
 * written by a user as one selector; not a PromQL parser.
 */
export function withMatchers(sel: string, matchers: readonly string[]): string {
  if (matchers.length === 0) {
    return sel;
  }
  const brace = sel.indexOf('{');
  if (brace < 0) {
    return selector(sel.trim(), matchers);
  }
  const inner = sel
    .slice(brace + 1, sel.lastIndexOf('}'))
    .trim()
    .replace(/,\s*$/, '');
  return `${sel.slice(0, brace)}{${[inner, ...matchers].filter(Boolean).join(',')}}`;
}

/** A range: `sel[5m]`. `window` is a duration string (`5m`, a Grafana macro such as `$__rate_interval`) or ms. */
export function range(sel: string, window: string | number): string {
  return `${sel}[${typeof window === 'number' ? formatDuration(window) : window}]`;
}

/**
 * Matcher of the classic-histogram bucket at `threshold`. Prometheus 2 keeps the exposed text (`le="2"`),
 * Prometheus 3 normalises it to a float (`le="2.0"`): whole numbers match both spellings. `Infinity` is the
 * `+Inf` bucket (every observation), spelled the same by both.
 */
export function leMatcher(threshold: number): string {
  if (threshold === Number.POSITIVE_INFINITY) {
    return eq('le', '+Inf');
  }
  if (!Number.isFinite(threshold)) {
    throw new Error(`PromQL: leMatcher needs a finite threshold or Infinity, got ${threshold}`);
  }
  return Number.isInteger(threshold) ? re('le', `${threshold}(\\.0)?`) : eq('le', String(threshold));
}
