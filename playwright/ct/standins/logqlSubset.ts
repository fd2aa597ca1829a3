import { parser } from '@grafana/lezer-logql';

/**
 * The LogQL the app sends, evaluated the way Loki does on JSON lines:
 * `{<label>=~".+"} |= "<text>" | json | <field> = "<value>"`. Parsed with Grafana's grammar first (a syntax error
 * is Loki's 400 "parse error"); valid LogQL outside this subset is refused with a message saying so.
 */

export class LogqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogqlError';
  }
}

export interface LogStreamLine {
  /** Stream labels. */
  labels: Record<string, string>;
  line: string;
}

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const QUERY = new RegExp(
  String.raw`^\{([A-Za-z_][A-Za-z0-9_]*)=~"\.\+"\}\s*\|=\s*${STRING}\s*\|\s*json\s*\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*${STRING}$`
);

function unquote(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function syntaxError(query: string): string | undefined {
  let error: string | undefined;
  parser.parse(query).iterate({
    enter: (node) => {
      if (error === undefined && node.type.isError) {
        error = `parse error at line 1, col ${node.from + 1}: syntax error: unexpected ${JSON.stringify(query.slice(node.from, node.from + 12))}`;
      }
    },
  });
  return error;
}

/** A filter on stream lines for a LogQL query; throws {@link LogqlError} (Loki's 400) for anything else. */
export function compileLogql(query: string): (entry: LogStreamLine) => boolean {
  const trimmed = query.trim();
  const error = syntaxError(trimmed);
  if (error) {
    throw new LogqlError(error);
  }
  const m = QUERY.exec(trimmed);
  if (!m) {
    throw new LogqlError(`the Loki stand-in evaluates only the app's own queries, not ${JSON.stringify(trimmed)}`);
  }
  const [, streamLabel, lineText, field, value] = m;
  const contains = unquote(lineText!);
  const expected = unquote(value!);
  return (entry) => {
    if (
      entry.labels[streamLabel!] === undefined ||
      entry.labels[streamLabel!] === '' ||
      !entry.line.includes(contains)
    ) {
      return false;
    }
    try {
      const parsed = JSON.parse(entry.line) as Record<string, unknown>;
      const v = parsed?.[field!];
      return v !== undefined && v !== null && String(v) === expected;
    } catch {
      return false;
    }
  };
}
