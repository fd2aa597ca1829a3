import { parser } from '@grafana/lezer-traceql';
import type { TraceSpan } from '@hybridlens/traces';

/**
 * The TraceQL the app sends, evaluated the way Tempo does: `{ c1 && c2 && ... }`, or several such spansets joined
 * by `&&` (the trace must hold a span matching each; the answer holds the spans of all), where each condition is
 * `name = "…"`, `span.<key> = "…"`, `span.<key> =~ "…"`, `duration > <n>ms` or `status = error`, optionally followed by
 * `| select(span.<key>, ...)`, whose attributes (and those of the conditions) the answer carries. The query is first
 * parsed with Grafana's grammar (a syntax error is Tempo's 400); valid TraceQL outside this subset is refused with
 * a message saying so, never silently answered.
 */

export class TraceqlError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
    this.name = 'TraceqlError';
  }
}

export type SpanPredicate = (span: TraceSpan) => boolean;
/** The spans of one trace that a query matches (none: the trace does not match). */
export type TraceMatcher = (spans: readonly TraceSpan[]) => TraceSpan[];

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const EQ = new RegExp(String.raw`^(name|span\.[A-Za-z_][A-Za-z0-9_.]*)\s*(=~|=)\s*${STRING}$`);
const DURATION = /^duration\s*>\s*(\d+(?:\.\d+)?)ms$/;

function unquote(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

function syntaxError(query: string): string | undefined {
  let error: string | undefined;
  parser.parse(query).iterate({
    enter: (node) => {
      if (error === undefined && node.type.isError) {
        error = `parse error at line 1, col ${node.from + 1}: syntax error near ${JSON.stringify(query.slice(node.from, node.from + 12))}`;
      }
    },
  });
  return error;
}

function condition(text: string): SpanPredicate {
  if (text === 'status = error') {
    return (s) => s.status === 'error';
  }
  const duration = DURATION.exec(text);
  if (duration) {
    const ms = Number(duration[1]);
    return (s) => s.endMs - s.startMs > ms;
  }
  const eq = EQ.exec(text);
  if (eq) {
    const [, field, op, body] = eq;
    const value = unquote(body!);
    const read = (s: TraceSpan): unknown => (field === 'name' ? s.name : s.attributes[field!.slice('span.'.length)]);
    if (op === '=') {
      return (s) => String(read(s) ?? '\u0000absent') === value;
    }
    const re = new RegExp(value);
    return (s) => {
      const v = read(s);
      return v !== undefined && v !== null && re.test(String(v));
    };
  }
  throw new TraceqlError(
    `the Tempo stand-in does not evaluate ${JSON.stringify(text)} (only the app's own queries)`,
    400
  );
}

/** Splits `text` on `separator` outside string literals. */
function splitOutsideStrings(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
    }
    const sep = inString ? null : separator.exec(text.slice(i));
    if (sep && sep.index === 0) {
      parts.push(current.trim());
      current = '';
      i += sep[0].length - 1;
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts;
}

function spansetFilter(text: string, query: string): SpanPredicate {
  const inner = /^\{(.*)\}$/s.exec(text);
  if (!inner) {
    throw new TraceqlError(
      `the Tempo stand-in evaluates spanset filters { ... } joined by &&, not ${JSON.stringify(query)}`,
      400
    );
  }
  const predicates = splitOutsideStrings(inner[1]!, /^&&/).filter(Boolean).map(condition);
  return (s) => predicates.every((p) => p(s));
}

/** A search: the spans each trace matches, and the span attributes Tempo returns on them. */
export interface CompiledSearch {
  match: TraceMatcher;
  /**
   * Attribute keys (without `span.`) of the filter's conditions and of `| select(...)`: Tempo's search answer
   * carries these on every matched span (`spanSets[].spans[].attributes`).
   */
  attributes: string[];
}

const SELECT = /^select\((.*)\)$/s;
const SELECT_FIELD = /^span\.([A-Za-z_][A-Za-z0-9_.]*)$/;

function selectedKeys(stage: string, query: string): string[] {
  const fields = SELECT.exec(stage.trim());
  if (!fields) {
    throw new TraceqlError(
      `the Tempo stand-in evaluates only "| select(...)" after a filter, not ${JSON.stringify(query)}`,
      400
    );
  }
  return fields[1]!.split(',').map((field) => {
    const key = SELECT_FIELD.exec(field.trim());
    if (!key) {
      throw new TraceqlError(
        `the Tempo stand-in selects span attributes only, not ${JSON.stringify(field.trim())}`,
        400
      );
    }
    return key[1]!;
  });
}

/** The attribute keys a filter's conditions name (`span.<key> = ...`). */
function conditionKeys(filter: string): string[] {
  return [...filter.matchAll(new RegExp(String.raw`span\.([A-Za-z_][A-Za-z0-9_.]*)\s*(?:=~|=)\s*${STRING}`, 'g'))].map(
    (m) => m[1]!
  );
}

/** A TraceQL search; throws {@link TraceqlError} (Tempo's 400) for anything outside the subset. */
export function compileTraceqlSearch(query: string): CompiledSearch {
  const trimmed = query.trim();
  const error = syntaxError(trimmed);
  if (error) {
    throw new TraceqlError(`invalid TraceQL query: ${error}`, 400);
  }
  const [filter, ...stages] = splitOutsideStrings(trimmed, /^\|(?!\|)/);
  const spansets = splitOutsideStrings(filter!, /^\}\s*&&\s*\{/).map((part, i, all) => {
    const open = i === 0 ? part : `{${part}`;
    return spansetFilter(i === all.length - 1 ? open : `${open}}`, trimmed);
  });
  const match: TraceMatcher = (spans) => {
    const matched = spansets.map((f) => spans.filter(f));
    return matched.every((m) => m.length > 0) ? [...new Set(matched.flat())] : [];
  };
  const attributes = [
    ...new Set([...conditionKeys(filter!), ...stages.flatMap((stage) => selectedKeys(stage, trimmed))]),
  ];
  return { match, attributes };
}

/** The matching spans of a trace for a TraceQL query; throws {@link TraceqlError} (Tempo's 400) for anything else. */
export function compileTraceql(query: string): TraceMatcher {
  return compileTraceqlSearch(query).match;
}
