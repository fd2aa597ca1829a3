import { type MatchOp, matcher, selector } from '@hybridlens/conventions';

/** A counter the SLI reads: a metric name and label matchers (values unescaped). */
export interface CounterSelector {
  metric: string;
  matchers: Array<{ label: string; op: MatchOp; value: string }>;
}

const METRIC = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"/y;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };

/** Reads a PromQL double-quoted string body from `at` (after the opening quote): [value, index after the closing quote]. */
function readString(text: string, at: number): [string, number] | string {
  let value = '';
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      return [value, i + 1];
    }
    if (c === '\n') {
      return 'a label value runs over a line end (write \\n)';
    }
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = text[++i];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next !== undefined && ESCAPES[next] !== undefined) {
      value += ESCAPES[next];
    } else {
      return `unsupported escape \\${next ?? ''} in a label value (PromQL strings follow Go; a regex backslash is written \\\\)`;
    }
  }
  return 'a label value has no closing quote';
}

/**
 * Parses a counter selector, `metric_total` or `metric_total{label="value", other=~"a|b"}` (double-quoted
 * values, Go escapes), or says what is wrong. The SLI wraps it in `increase()`, so functions, ranges and
 * operators are refused.
 */
export function parseCounterSelector(input: string): CounterSelector | string {
  const text = input.trim();
  METRIC.lastIndex = 0;
  const metric = METRIC.exec(text);
  if (!metric) {
    return 'must start with a metric name';
  }
  const result: CounterSelector = { metric: metric[0], matchers: [] };
  let at = METRIC.lastIndex;
  if (at === text.length) {
    return result;
  }
  if (text[at] !== '{') {
    return `unexpected "${text.slice(at, at + 10)}" after the metric name (only label matchers in braces may follow)`;
  }
  at++;
  for (;;) {
    const close = /\s*}\s*$/y;
    close.lastIndex = at;
    if (close.test(text)) {
      return result;
    }
    LABEL.lastIndex = at;
    const label = LABEL.exec(text);
    if (!label) {
      return `expected a matcher like label="value" at "${text.slice(at, at + 20)}"`;
    }
    const value = readString(text, LABEL.lastIndex);
    if (typeof value === 'string') {
      return value;
    }
    result.matchers.push({ label: label[1]!, op: label[2] as MatchOp, value: value[0] });
    const sep = /\s*(,|(?=}))/y;
    sep.lastIndex = value[1];
    if (!sep.exec(text)) {
      return `expected "," or "}" at "${text.slice(value[1], value[1] + 20)}"`;
    }
    at = sep.lastIndex;
  }
}

/** The selector re-written by the contract's PromQL builder: the same counters, one spelling and one escaping. */
export function renderCounterSelector(sel: CounterSelector): string {
  return selector(
    sel.metric,
    sel.matchers.map((m) => matcher(m.label, m.op, m.value))
  );
}
