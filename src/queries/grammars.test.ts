import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import {
  DECISION_INPUT_ATTRIBUTES,
  decisionExamplesQuery,
  failedRequestsQuery,
  slowRequestsQuery,
  traceOfJobQuery,
  traceqlDuration,
} from './traceql';
import { logsOfJobQuery, logsOfTraceQuery } from './logql';
import { type GrammarParser, syntaxErrors } from '../testing/grammarErrors';

/** Ids as they come from URLs and alerts: real formats and hostile ones. */
const HOSTILE_IDS = [
  'd4e5f6a7-0b1c-4d2e-9f30-a1b2c3d4e5f6',
  'arn:aws:braket:eu-north-1:123456789012:quantum-task/5d1c6b1e-9a7f',
  'cs7n4w0g6q5g008k9t1g',
  'id with "quotes" and \\backslash',
  '<img src=x onerror=alert(1)>',
  '}] || true { ',
];

describe('TraceQL the pages send, parsed by @grafana/lezer-traceql', () => {
  it.each(HOSTILE_IDS)('the trace of job id %j', (id) => {
    const query = traceOfJobQuery(id);
    expect(syntaxErrors(traceqlParser, query)).toEqual([]);
    // The id stays one string literal: the grammar sees exactly one String node holding it.
    const strings: string[] = [];
    traceqlParser.parse(query).iterate({
      enter: (node) => {
        if (node.name === 'String') {
          strings.push(query.slice(node.from, node.to));
        }
      },
    });
    expect(strings).toHaveLength(1);
    expect(JSON.parse(strings[0]!)).toBe(id);
  });

  it.each([
    ['qpu', 'qpu_healthy'],
    ['simulator', 'flag_force_simulator'],
    ['classical', 'reason with "quotes" and \\backslash'],
  ])('orchestrator decisions on %s for %j, selecting every input attribute', (path, reason) => {
    const query = decisionExamplesQuery(path, reason);
    expect(syntaxErrors(traceqlParser, query)).toEqual([]);
    // The grammar reads one attribute field inside select(...) per input, and the reason as one string literal.
    const selected: string[] = [];
    const strings: string[] = [];
    let inSelect = false;
    traceqlParser.parse(query).iterate({
      enter: (node) => {
        if (node.name === 'SelectOperation') {
          inSelect = true;
        }
        if (inSelect && node.name === 'AttributeField') {
          selected.push(query.slice(node.from, node.to));
        }
        if (node.name === 'String') {
          strings.push(JSON.parse(query.slice(node.from, node.to)) as string);
        }
      },
      leave: (node) => {
        if (node.name === 'SelectOperation') {
          inSelect = false;
        }
      },
    });
    expect(selected).toEqual(DECISION_INPUT_ATTRIBUTES.map((key) => `span.${key}`));
    expect(strings.at(-1)).toBe(reason);
  });

  it('slow and failed requests, without and with every filter (one value, several values with metacharacters)', () => {
    const filters = [
      {},
      { route: ['/v1/optimize'] },
      { route: ['/v1/optimize', '/v1/a.b(c)'], region: ['us-east-1'], path: ['qpu', 'simulator'] },
      { model: ['gpt-4.1-mini'] },
      { route: ['/v1/optimize'], model: ['gpt-4.1-mini', 'llama "3"'] },
    ];
    for (const f of filters) {
      expect(syntaxErrors(traceqlParser, slowRequestsQuery(2, f))).toEqual([]);
      expect(syntaxErrors(traceqlParser, failedRequestsQuery(f))).toEqual([]);
    }
    expect(slowRequestsQuery(2, { route: ['/a', '/b.c'] })).toBe(
      '{ name = "ingress.request" && span.http.route =~ "^(/a|/b\\\\.c)$" && duration > 2000ms }'
    );
    // The model is on the LLM call's span: a second spanset the trace must hold too.
    expect(failedRequestsQuery({ path: ['qpu'], model: ['gpt-4.1-mini'] })).toBe(
      '{ name = "ingress.request" && span.hybrid.request.path = "qpu" && status = error } && { name = "llm.request" && span.gen_ai.request.model = "gpt-4.1-mini" }'
    );
  });

  it('refuses a value with control characters instead of sending a literal Tempo cannot read', () => {
    expect(() => traceOfJobQuery('line\nbreak')).toThrow(/control characters/);
  });

  it('refuses a duration that is no number of seconds', () => {
    expect(() => traceqlDuration(Number.NaN)).toThrow(/finite/);
    expect(() => traceqlDuration(-1)).toThrow(/finite/);
    expect(traceqlDuration(0.25)).toBe('250ms');
  });

  it('the grammar does report a broken query (the check above can fail)', () => {
    expect(syntaxErrors(traceqlParser, '{ span.quantum.job.id = "x }')).not.toEqual([]);
  });
});

describe('LogQL the pages send, parsed by @grafana/lezer-logql', () => {
  it.each(HOSTILE_IDS)('the log lines of trace / job %j', (id) => {
    for (const query of [logsOfTraceQuery(id), logsOfJobQuery(id)]) {
      expect(syntaxErrors(logqlParser as unknown as GrammarParser, query)).toEqual([]);
    }
    expect(logsOfTraceQuery('0af7651916cd43dd8448eb211c80319c')).toBe(
      '{service_name=~".+"} | trace_id = "0af7651916cd43dd8448eb211c80319c"'
    );
  });

  it('escapes control characters, which LogQL strings allow', () => {
    expect(syntaxErrors(logqlParser as unknown as GrammarParser, logsOfJobQuery('a\nb\tc'))).toEqual([]);
  });

  it('the grammar does report a broken query', () => {
    expect(syntaxErrors(logqlParser as unknown as GrammarParser, '{service_name=~".+"} |= "x')).not.toEqual([]);
  });
});
