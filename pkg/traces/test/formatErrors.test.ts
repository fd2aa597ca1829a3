import { PROBLEM, TraceFormatError, TraceNotFoundError, hexToBase64, loadTrace, readTrace } from '../src';
import { TRACE, otlpDocument, otlpSpan } from './helpers';

function failure(input: unknown): TraceFormatError {
  try {
    readTrace(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TraceFormatError);
    return error as TraceFormatError;
  }
  throw new Error('expected a TraceFormatError');
}

describe('input that is not a trace', () => {
  it('says, in one line, every format tried and where each failed', () => {
    const error = failure('{"status":"success","data":{"resultType":"vector"}}');
    expect(error.message).not.toContain('\n');
    expect(error.attempts.map((a) => a.format)).toEqual(['tempo-v2', 'tempo-v1', 'otlp', 'jaeger']);
    expect(error.message).toMatch(/Tempo v2 .*: no "trace" object \(top-level keys: status, data\)/);
    expect(error.message).toMatch(/Tempo v1 .*: no "batches" array/);
    expect(error.message).toMatch(/OTLP JSON .*: no "resourceSpans" array/);
    // A Prometheus answer has "data", but as an object: the Jaeger reason says so.
    expect(error.message).toMatch(/Jaeger JSON .*: "data" is an object, expected an array/);
  });

  it.each([
    ['text that is not JSON', 'hello world', /not JSON/],
    ['an empty input', '   \n', /the input is empty/],
    ['a JSON array', '[1,2,3]', /the top level is an array, not an object/],
    ['a JSON number', '42', /the top level is a number, not an object/],
    ['JSON null', 'null', /the top level is null, not an object/],
    ['an empty object', '{}', /the top level is an empty object/],
    ['resourceSpans of the wrong type', '{"resourceSpans":{}}', /"resourceSpans" is an object, expected an array/],
    ['a trace that is a string', '{"trace":"abc"}', /"trace" is a string, expected an object/],
    [
      'a Tempo v2 trace without spans list',
      '{"trace":{"resourceSpans":5}}',
      /"trace" has neither a "resourceSpans" nor a "batches" array/,
    ],
  ])('refuses %s', (_, input, reason) => {
    expect(failure(input).message).toMatch(reason);
  });

  it('names the JSON line that broke an OTLP JSON lines file', () => {
    const good = JSON.stringify(otlpDocument([otlpSpan({ name: 'a', start: 0, end: 1 })]));
    const error = failure(`${good}\n${good}\n{"resourceSpans": [}\n`);
    expect(error.attempts.find((a) => a.format === 'otlp-jsonl')!.reason).toMatch(/^line 3 is not JSON/);
    const wrong = failure(`${good}\n{"hello":1}\n`);
    expect(wrong.attempts.find((a) => a.format === 'otlp-jsonl')!.reason).toMatch(/^line 2: no "resourceSpans" array/);
  });

  it('reads a trace whose structure is partly broken, counting what it skipped', () => {
    const doc = readTrace({
      resourceSpans: [
        'not a resource',
        { resource: {}, scopeSpans: 'nope' },
        { resource: {}, scopeSpans: [7, { spans: [null, otlpSpan({ name: 'kept', start: 0, end: 1 })] }] },
      ],
    });
    expect(doc.traces[0]!.spans.map((s) => s.name)).toEqual(['kept']);
    expect(doc.documentProblems.counts).toEqual({ [PROBLEM.malformedEntry]: 3, [PROBLEM.malformedSpan]: 1 });
  });
});

describe('picking a trace', () => {
  it('takes the asked-for id (hex or base64), else the trace with the most spans', () => {
    const other = 'f'.repeat(32);
    const body = otlpDocument([
      otlpSpan({ name: 'a', start: 0, end: 1 }),
      { ...otlpSpan({ name: 'b', start: 0, end: 1 }), traceId: other },
      { ...otlpSpan({ name: 'c', start: 0, end: 1 }), traceId: other },
    ]);
    expect(loadTrace(body).traceId).toBe(other);
    expect(loadTrace(body, { traceId: TRACE.toUpperCase() }).spans.map((s) => s.span.name)).toEqual(['a']);
    expect(loadTrace(body, { traceId: hexToBase64(other) }).traceId).toBe(other);
    expect(() => loadTrace(body, { traceId: '1'.repeat(32) })).toThrow(TraceNotFoundError);
  });

  it('derives an empty trace to an empty lifecycle', () => {
    const lc = loadTrace({ trace: {} });
    expect(lc).toMatchObject({ spans: [], durationMs: 0, stages: [], criticalPath: [], quantumJobs: [] });
  });
});
