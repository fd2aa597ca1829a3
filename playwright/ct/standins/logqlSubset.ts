import { parser } from '@grafana/lezer-logql';

/**
 * The LogQL the app sends, evaluated the way Loki does on lines ingested over OTLP:
 * `{<label>=~".+"} | <field> = "<value>"`, where the field is a stream label or the line's structured metadata
 * (`trace_id`, `provider_job_id`, ...). Parsed with Grafana's grammar first (a syntax error is Loki's 400
 * "parse error"); valid LogQL outside this subset is refused with a message saying so.
 */

export class LogqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogqlError';
  }
}

export interface LogStreamLine {
  /** Stream labels (indexed). */
  labels: Record<string, string>;
  /** Structured metadata of this line (what Loki keeps from an OTLP record's attributes and trace context). */
  structuredMetadata?: Record<string, string>;
  line: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const QUERY = new RegExp(String.raw`^\{(${NAME})=~"\.\+"\}\s*\|\s*(${NAME})\s*=\s*${STRING}$`);

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
  const [, streamLabel, field, value] = m;
  const expected = unquote(value!);
  return (entry) => {
    const stream = entry.labels[streamLabel!];
    if (stream === undefined || stream === '') {
      return false;
    }
    // A label filter sees stream labels and structured metadata alike; a missing one is the empty string.
    const actual = entry.structuredMetadata?.[field!] ?? entry.labels[field!] ?? '';
    return actual === expected;
  };
}
