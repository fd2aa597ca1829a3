/*
 * How Grafana turns a query variable's results into picker options, for the dashboards' tests: the Prometheus
 * datasource's `query_result(expr)` lines (`{label="value",...} value timestamp-ms`), then the variable's regex with
 * its `text` / `value` named groups (as @grafana/scenes' QueryVariable applies it: one match of a regex without the
 * `g` flag; the groups decide the option's text and value, a line the regex does not match is dropped).
 */

export interface PickerOption {
  text: string;
  value: string;
}

/** One `query_result` line of an instant-vector sample, as the Prometheus datasource writes it. */
export function queryResultLine(metric: Record<string, string>, value: [number, string]): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${pairs.join(',')}} ${value[1]} ${value[0] * 1000}`;
}

function jsRegex(text: string): RegExp {
  const slashed = /^\/(.*)\/([gimsuy]*)$/.exec(text);
  return slashed ? new RegExp(slashed[1]!, slashed[2]) : new RegExp(text);
}

/** The options a picker shows for these result lines. */
export function pickerOptions(lines: readonly string[], regexText: string): PickerOption[] {
  const regex = regexText ? jsRegex(regexText) : undefined;
  const options: PickerOption[] = [];
  for (const line of lines) {
    if (!regex) {
      options.push({ text: line, value: line });
      continue;
    }
    regex.lastIndex = 0;
    const match = regex.exec(line);
    if (!match) {
      continue;
    }
    const value = match.groups?.value ?? match.groups?.text ?? match[1] ?? line;
    const text = match.groups?.text ?? match.groups?.value ?? match[1] ?? line;
    options.push({ text, value });
  }
  return options;
}
