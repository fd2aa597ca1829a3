import {
  GEN_AI_ATTR,
  LLM_ATTR,
  QUANTUM_ATTR,
  RAW_CONTENT_ATTRIBUTES,
  RAW_CONTENT_EVENTS,
} from '@hybridlens/conventions';
import { PROBLEM, readTrace } from '../src';
import { T0, TRACE, id, otlpDocument, otlpSpan } from './helpers';

describe('OTLP JSON', () => {
  it('reads spans with hex ids, string ints, enum numbers and nanosecond strings', () => {
    const doc = readTrace(
      JSON.stringify(
        otlpDocument([
          otlpSpan({ name: 'root', start: 0, end: 1000, kind: 2 }),
          otlpSpan({
            name: 'child',
            parent: 'root',
            start: 10.5,
            end: 20.25,
            error: true,
            attributes: { [QUANTUM_ATTR.shots.key]: 2048 },
          }),
        ])
      )
    );
    expect(doc.format).toBe('otlp');
    expect(doc.completeness).toEqual({ status: 'complete' });
    expect(doc.traces).toHaveLength(1);
    const [root, child] = doc.traces[0]!.spans;
    expect(root).toMatchObject({
      traceId: TRACE,
      spanId: id('root'),
      kind: 'server',
      startMs: T0,
      endMs: T0 + 1000,
      serviceName: 'svc',
      scope: 'test',
    });
    expect(root!.parentSpanId).toBeUndefined();
    expect(child).toMatchObject({
      parentSpanId: id('root'),
      status: 'error',
      statusMessage: 'failed',
      kind: 'internal',
    });
    // intValue arrives as the string "2048" (protobuf JSON writes int64 so): read as a number.
    expect(child!.attributes[QUANTUM_ATTR.shots.key]).toBe(2048);
    expect(child!.startMs - T0).toBeCloseTo(10.5, 6);
    expect(child!.endMs - T0).toBeCloseTo(20.25, 6);
  });

  it('keeps epoch nanoseconds to a quarter microsecond (a double holds no more at this magnitude)', () => {
    const span = otlpSpan({ name: 'x', start: 0, end: 1 });
    span.startTimeUnixNano = '1711138246978000001';
    span.endTimeUnixNano = '1711138246978000999';
    const read = readTrace(otlpDocument([span])).traces[0]!.spans[0]!;
    expect(Math.abs((read.endMs - read.startMs) * 1e6 - 998)).toBeLessThan(250);
    // A naive Number('1711138246978000999') / 1e6 is off by up to 128 ns before the division.
    expect(read.startMs).toBe(1711138246978 + 1 / 1e6);
  });

  it('reads every AnyValue kind and enum spelling', () => {
    const span = otlpSpan({ name: 'x', start: 0, end: 1 }) as unknown as Record<string, unknown>;
    span.kind = 'SPAN_KIND_CLIENT';
    span.status = { code: 'STATUS_CODE_OK' };
    span.attributes = [
      { key: 's', value: { stringValue: 'a' } },
      { key: 'i', value: { intValue: '-12' } },
      { key: 'd', value: { doubleValue: 0.5 } },
      { key: 'nan', value: { doubleValue: 'NaN' } },
      { key: 'b', value: { boolValue: true } },
      { key: 'arr', value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: 'two' }] } } },
      { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: false } }] } } },
      { key: 'bytes', value: { bytesValue: 'AQI=' } },
      { key: 'empty', value: {} },
    ];
    const read = readTrace(otlpDocument([span as never])).traces[0]!.spans[0]!;
    expect(read.kind).toBe('client');
    expect(read.status).toBe('ok');
    expect(read.attributes).toEqual({
      s: 'a',
      i: -12,
      d: 0.5,
      nan: 'NaN',
      b: true,
      arr: [1, 'two'],
      kv: { k: false },
      bytes: 'AQI=',
      empty: null,
    });
  });

  it('reads the pre-1.0 names instrumentationLibrarySpans / instrumentationLibrary', () => {
    const doc = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          instrumentationLibrarySpans: [
            { instrumentationLibrary: { name: 'old' }, spans: [otlpSpan({ name: 'x', start: 0, end: 5 })] },
          ],
        },
      ],
    };
    const span = readTrace(doc).traces[0]!.spans[0]!;
    expect(span.scope).toBe('old');
    expect(span.serviceName).toBe('');
  });

  it('reads events', () => {
    const span = otlpSpan({ name: 'llm', start: 0, end: 10 });
    span.events = [
      {
        name: 'gen_ai.evaluation.result',
        timeUnixNano: String((T0 + 5) * 1e6),
        attributes: [{ key: GEN_AI_ATTR.evaluationName.key, value: { stringValue: 'schema' } }],
      },
    ];
    const read = readTrace(otlpDocument([span])).traces[0]!.spans[0]!;
    expect(read.events).toEqual([
      { name: 'gen_ai.evaluation.result', timeMs: T0 + 5, attributes: { [GEN_AI_ATTR.evaluationName.key]: 'schema' } },
    ]);
  });

  it('drops raw prompts and model output, counting each, and keeps the hashes', () => {
    const span = otlpSpan({
      name: 'chat',
      start: 0,
      end: 10,
      attributes: {
        [RAW_CONTENT_ATTRIBUTES[0]!]: '[{"role":"user","content":"secret prompt"}]',
        'gen_ai.prompt.0.content': 'secret prompt',
        'gen_ai.completion.0.content': 'secret answer',
        'gen_ai.promptly': 'not content: only a shared prefix',
        [LLM_ATTR.promptHash.key]: 'a1bf0c32fd7616bc',
        // Other emitters' spellings: OpenLLMetry and OpenInference.
        'llm.prompts.0.content': 'secret prompt',
        'traceloop.entity.output': 'secret answer',
        'llm.input_messages.0.message.content': 'secret prompt',
        'input.value': 'secret prompt',
        'output.value': 'secret answer',
        'input.mime_type': 'text/plain',
      },
    });
    span.events = [{ name: RAW_CONTENT_EVENTS[0]!, timeUnixNano: String(T0 * 1e6), attributes: [] }];
    const trace = readTrace(otlpDocument([span])).traces[0]!;
    const read = trace.spans[0]!;
    expect(Object.keys(read.attributes).sort()).toEqual(
      ['gen_ai.promptly', 'input.mime_type', LLM_ATTR.promptHash.key].sort()
    );
    expect(read.events).toEqual([]);
    expect(trace.problems.counts[PROBLEM.redactedContent]).toBe(9);
    // The span says what was dropped (keys and event names only), for the detail pane.
    expect([...read.redacted!].sort()).toEqual(
      [
        RAW_CONTENT_ATTRIBUTES[0]!,
        'gen_ai.prompt.0.content',
        'gen_ai.completion.0.content',
        'llm.prompts.0.content',
        'traceloop.entity.output',
        'llm.input_messages.0.message.content',
        'input.value',
        'output.value',
        RAW_CONTENT_EVENTS[0]!,
      ].sort()
    );
    expect(JSON.stringify(trace)).not.toContain('secret');
  });

  it('never lets an attribute key reach a prototype', () => {
    const span = otlpSpan({ name: 'x', start: 0, end: 1 });
    span.attributes.push(
      { key: '__proto__', value: { stringValue: 'polluted' } },
      { key: 'constructor', value: { stringValue: 'c' } }
    );
    const read = readTrace(otlpDocument([span])).traces[0]!.spans[0]!;
    expect(Object.getPrototypeOf(read.attributes)).toBe(Object.prototype);
    expect(read.attributes.constructor).toBe('c');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('groups spans by trace id, one trace per id however it is spelled', () => {
    const a = otlpSpan({ name: 'a', start: 0, end: 1 });
    const b = { ...otlpSpan({ name: 'b', start: 0, end: 1 }), traceId: TRACE.toUpperCase() };
    const c = { ...otlpSpan({ name: 'c', start: 0, end: 1 }), traceId: 'ffffffffffffffffffffffffffffffff' };
    const doc = readTrace(otlpDocument([a, b, c]));
    expect(doc.traces.map((t) => [t.traceId, t.spans.length])).toEqual([
      [TRACE, 2],
      ['ffffffffffffffffffffffffffffffff', 1],
    ]);
  });

  it('reads OTLP JSON lines (the collector file format) with a trace spread over lines', () => {
    const lines = [
      otlpDocument([otlpSpan({ name: 'child', parent: 'root', start: 1, end: 2 })]),
      otlpDocument([otlpSpan({ name: 'root', start: 0, end: 3 })]),
    ]
      .map((d) => JSON.stringify(d))
      .join('\n');
    const doc = readTrace(`${lines}\n\n`);
    expect(doc.format).toBe('otlp-jsonl');
    expect(doc.traces[0]!.spans.map((s) => s.name)).toEqual(['child', 'root']);
  });
});
