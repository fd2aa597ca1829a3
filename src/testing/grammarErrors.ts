import type { parser as traceqlParser } from '@grafana/lezer-traceql';

/** The Lezer parsers of Grafana's query grammars (`@grafana/lezer-traceql`, `@grafana/lezer-logql`) share this shape. */
export type GrammarParser = Pick<typeof traceqlParser, 'parse'>;

/** Where Grafana's grammar finds an error in a query, with a little context (empty: the query parses). */
export function syntaxErrors(parser: GrammarParser, query: string): string[] {
  const errors: string[] = [];
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(`at ${node.from}: "${query.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
      }
    },
  });
  return errors;
}
