import { QUANTUM_ATTR, RESOURCE_ATTR } from '@hybridlens/conventions';
import { hexToBase64, PROBLEM, readTrace } from '../src';
import { toJaeger, toTempoV1, toTempoV2 } from '../src/testing';
import { T0, TRACE, id, otlpDocument, otlpSpan } from './helpers';

const spans = [
  otlpSpan({ name: 'root', start: 0, end: 100, kind: 2 }),
  otlpSpan({
    name: 'work',
    parent: 'root',
    start: 10,
    end: 60,
    kind: 3,
    error: true,
    attributes: { [QUANTUM_ATTR.shots.key]: 1000, flag: true, ratio: 0.25 },
  }),
];
const expected = [
  { spanId: id('root'), parentSpanId: undefined, kind: 'server', status: 'unset', startMs: T0, endMs: T0 + 100 },
  { spanId: id('work'), parentSpanId: id('root'), kind: 'client', status: 'error', startMs: T0 + 10, endMs: T0 + 60 },
];

describe('Tempo', () => {
  it('v1 (/api/traces): the legacy "batches" key, base64 ids, enums by name, int64 as strings', () => {
    const body = toTempoV1(otlpDocument(spans));
    const raw = JSON.stringify(body);
    expect(raw).toContain(hexToBase64(TRACE));
    expect(raw).toContain('SPAN_KIND_SERVER');
    expect(raw).toContain('STATUS_CODE_ERROR');
    const doc = readTrace(raw);
    expect(doc.format).toBe('tempo-v1');
    expect(doc.traces).toHaveLength(1);
    expect(doc.traces[0]!.traceId).toBe(TRACE);
    expect(doc.traces[0]!.spans).toMatchObject(expected);
    expect(doc.traces[0]!.spans[1]!.attributes).toMatchObject({
      [QUANTUM_ATTR.shots.key]: 1000,
      flag: true,
      ratio: 0.25,
    });
  });

  it('v1 as newer Tempo answers it, with "resourceSpans"', () => {
    const body = { resourceSpans: toTempoV1(otlpDocument(spans)).batches };
    const doc = readTrace(body);
    expect(doc.format).toBe('otlp');
    expect(doc.traces[0]!.spans).toMatchObject(expected);
  });

  it('v2 (/api/v2/traces): {trace, status, message}, COMPLETE', () => {
    const doc = readTrace(JSON.stringify(toTempoV2(otlpDocument(spans))));
    expect(doc.format).toBe('tempo-v2');
    expect(doc.completeness).toEqual({ status: 'complete' });
    expect(doc.traces[0]!.spans).toMatchObject(expected);
  });

  it('v2 PARTIAL says so, with the message when there is one', () => {
    const partial = readTrace(toTempoV2(otlpDocument(spans), 'trace exceeds max size (max bytes: 5000000)'));
    expect(partial.completeness).toEqual({ status: 'partial', message: 'trace exceeds max size (max bytes: 5000000)' });
    const numeric = readTrace({ ...toTempoV2(otlpDocument(spans)), status: 1 });
    expect(numeric.completeness).toEqual({ status: 'partial' });
    const legacyBatches = readTrace({ trace: { batches: toTempoV1(otlpDocument(spans)).batches }, status: 'PARTIAL' });
    expect(legacyBatches.completeness.status).toBe('partial');
    expect(legacyBatches.traces[0]!.spans).toHaveLength(2);
  });

  it('v2 with an empty trace object is an empty trace, not an error', () => {
    const doc = readTrace({ trace: {}, status: 'COMPLETE' });
    expect(doc.format).toBe('tempo-v2');
    expect(doc.traces).toEqual([]);
  });
});

describe('Jaeger JSON', () => {
  it('reads data[].spans with processes, references and microseconds', () => {
    const body = toJaeger(otlpDocument(spans, 'checkout'));
    const doc = readTrace(JSON.stringify(body));
    expect(doc.format).toBe('jaeger');
    const [root, work] = doc.traces[0]!.spans;
    expect(doc.traces[0]!.spans).toMatchObject(expected);
    expect(root!.serviceName).toBe('checkout');
    expect(root!.resource[RESOURCE_ATTR.serviceName]).toBe('checkout');
    // span.kind, otel.status_code and error become kind and status, not attributes.
    expect(Object.keys(work!.attributes).sort()).toEqual([QUANTUM_ATTR.shots.key, 'flag', 'ratio'].sort());
    expect(work!.attributes[QUANTUM_ATTR.shots.key]).toBe(1000);
  });

  it('reads the older shapes: parentSpanID, FOLLOWS_FROM, embedded process, int64 as strings, 64-bit trace ids, logs', () => {
    const body = {
      data: [
        {
          traceID: 'd269b633813fc60c',
          processes: { p1: { serviceName: 'legacy', tags: [{ key: 'hostname', type: 'string', value: 'h1' }] } },
          spans: [
            {
              traceID: 'd269b633813fc60c',
              spanID: 'a1',
              operationName: 'root',
              references: [],
              startTime: 1_764_158_400_000_000,
              duration: 5000,
              tags: [],
              processID: 'p1',
            },
            {
              traceID: 'd269b633813fc60c',
              spanID: 'a2',
              parentSpanID: 'a1',
              operationName: 'old-style',
              startTime: 1_764_158_400_001_000,
              duration: '1000',
              tags: [
                { key: 'n', type: 'int64', value: '42' },
                { key: 'error', type: 'bool', value: true },
              ],
              process: { serviceName: 'embedded', tags: [] },
              logs: [
                {
                  timestamp: 1_764_158_400_001_500,
                  fields: [
                    { key: 'event', type: 'string', value: 'retry' },
                    { key: 'attempt', type: 'int64', value: 2 },
                  ],
                },
              ],
            },
            {
              traceID: 'd269b633813fc60c',
              spanID: 'a3',
              operationName: 'async',
              references: [{ refType: 'FOLLOWS_FROM', traceID: 'd269b633813fc60c', spanID: 'a1' }],
              startTime: 1_764_158_400_002_000,
              duration: 10,
              tags: [
                { key: 'span.kind', type: 'string', value: 'consumer' },
                { key: 'otel.status_code', type: 'string', value: 'OK' },
              ],
              processID: 'p1',
            },
          ],
        },
      ],
    };
    const doc = readTrace(body);
    const trace = doc.traces[0]!;
    expect(trace.traceId).toBe('0000000000000000d269b633813fc60c');
    const [root, old, follows] = trace.spans;
    expect(root).toMatchObject({
      spanId: '00000000000000a1',
      serviceName: 'legacy',
      startMs: 1_764_158_400_000,
      endMs: 1_764_158_400_005,
    });
    expect(root!.resource.hostname).toBe('h1');
    expect(old).toMatchObject({
      parentSpanId: '00000000000000a1',
      serviceName: 'embedded',
      status: 'error',
      attributes: { n: 42 },
      endMs: 1_764_158_400_002,
    });
    expect(old!.events).toEqual([{ name: 'retry', timeMs: 1_764_158_400_001.5, attributes: { attempt: 2 } }]);
    expect(follows).toMatchObject({ parentSpanId: '00000000000000a1', kind: 'consumer', status: 'ok' });
  });

  it('reads a bare Jaeger trace object and counts a negative duration', () => {
    const doc = readTrace({
      traceID: TRACE,
      spans: [
        {
          traceID: TRACE,
          spanID: id('x'),
          operationName: 'x',
          startTime: 1_764_158_400_000_000,
          duration: -5,
          tags: [],
        },
      ],
      processes: {},
    });
    expect(doc.format).toBe('jaeger');
    expect(doc.traces[0]!.spans[0]!.endMs).toBe(doc.traces[0]!.spans[0]!.startMs);
    expect(doc.traces[0]!.problems.counts[PROBLEM.negativeDuration]).toBe(1);
  });

  it("reads the contract's array attributes back from Jaeger's JSON-text tags, and leaves other text alone", () => {
    const body = {
      data: [
        {
          traceID: TRACE,
          processes: {},
          spans: [
            {
              traceID: TRACE,
              spanID: id('x'),
              operationName: 'x',
              startTime: 1_764_158_400_000_000,
              duration: 5,
              tags: [
                { key: QUANTUM_ATTR.qubitsUsed.key, type: 'string', value: '[3,4,5]' },
                { key: 'note', type: 'string', value: '[not, json' },
                { key: 'other.list', type: 'string', value: '["a"]' },
              ],
            },
          ],
        },
      ],
    };
    expect(readTrace(body).traces[0]!.spans[0]!.attributes).toEqual({
      [QUANTUM_ATTR.qubitsUsed.key]: [3, 4, 5],
      note: '[not, json',
      'other.list': '["a"]',
    });
  });
});
