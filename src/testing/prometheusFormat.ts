/**
 * What Grafana's Prometheus datasource does with a template variable's value inside a query (its
 * `interpolateQueryExpr`, classic behaviour), for the stand-ins that replace it in unit tests and in the
 * page harness: a single-value variable is only string-escaped; a multi-value or "All"-able one is
 * regex-escaped (escapes doubled, since the regex sits inside a PromQL string) and joined as `(a|b)`.
 * A custom "All" value (`.*`) never reaches this function: Scenes inserts it as it is.
 */
export function prometheusVariableFormat(
  value: unknown,
  variable: { multi?: boolean; includeAll?: boolean } = {}
): string {
  const values = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? ''));
  if (!variable.multi && !variable.includeAll) {
    return values.map(regularEscape).join(',');
  }
  const escaped = values.map(regexEscape);
  return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
}

function regularEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
}

function regexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
}
