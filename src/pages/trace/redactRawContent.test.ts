import '../../testing/jsdomPolyfills';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom, of } from 'rxjs';
import { type DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { SceneDataTransformer, type CustomTransformOperator } from '@grafana/scenes';
import { RAW_CONTENT_ATTRIBUTES, RAW_CONTENT_EVENTS } from '@hybridlens/conventions';
import { describeWithFixtures } from '@hybridlens/testkit';
import { type OtlpDocument, otlpAttributes } from '@hybridlens/traces/testing';
import { TraceView } from './TraceView';
import { REDACTED_META_KEY, type RedactedContent, redactTraceFrame, redactedContentOf } from './redactRawContent';

const SECRET = 'SECRET: the patient record of Jane Doe';

/** Content-bearing keys as the GenAI conventions, OpenLLMetry and OpenInference write them. */
const SPAN_CONTENT_KEYS = [
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.prompt.0.content',
  'gen_ai.completion.0.content',
  'llm.prompts',
  'input.value',
  'output.value',
];
const EVENT_FIELD_KEY = 'gen_ai.tool.call.arguments';
const LINK_KEY = 'traceloop.entity.input';

interface OtlpKeyValue {
  key: string;
  value: Record<string, unknown>;
}

function anyValue(v: Record<string, unknown>): unknown {
  return v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue ?? JSON.stringify(v);
}

const pairs = (list: readonly OtlpKeyValue[] = []) => list.map((kv) => ({ key: kv.key, value: anyValue(kv.value) }));

/**
 * The trace frame Grafana's Tempo datasource hands the traces panel (span tags, resource tags, events as
 * `logs`, links as `references`), made from an OTLP document without any filtering, as Grafana does.
 */
function grafanaTraceFrame(document: OtlpDocument): DataFrame {
  const rows = document.resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((span) => ({
        spanID: span.spanId,
        operationName: span.name,
        serviceTags: pairs(rs.resource?.attributes as OtlpKeyValue[]),
        tags: pairs(span.attributes as OtlpKeyValue[]),
        logs: ((span.events ?? []) as Array<{ name: string; attributes?: OtlpKeyValue[] }>).map((e) => ({
          timestamp: 0,
          name: e.name,
          fields: pairs(e.attributes),
        })),
        references: ((span as { links?: Array<{ spanId: string; attributes?: OtlpKeyValue[] }> }).links ?? []).map(
          (l) => ({ spanID: l.spanId, tags: pairs(l.attributes) })
        ),
      }))
    )
  );
  const column = (name: keyof (typeof rows)[number], type: FieldType) => ({
    name,
    type,
    values: rows.map((r) => r[name]),
  });
  return createDataFrame({
    refId: 'trace',
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      column('spanID', FieldType.string),
      column('operationName', FieldType.string),
      column('serviceTags', FieldType.other),
      column('tags', FieldType.other),
      column('logs', FieldType.other),
      column('references', FieldType.other),
    ],
  });
}

/** The fixture with raw content added to its first span: attributes, a content event, a tool call, a link. */
function withRawContent(document: OtlpDocument): OtlpDocument {
  const [first, ...rest] = document.resourceSpans;
  const [scope, ...otherScopes] = first!.scopeSpans;
  const [span, ...others] = scope!.spans;
  const added = {
    ...span!,
    attributes: [...span!.attributes, ...otlpAttributes(Object.fromEntries(SPAN_CONTENT_KEYS.map((k) => [k, SECRET])))],
    events: [
      ...(span!.events ?? []),
      {
        name: RAW_CONTENT_EVENTS[0]!,
        timeUnixNano: '0',
        attributes: otlpAttributes({ 'gen_ai.input.messages': SECRET }),
      },
      {
        name: 'gen_ai.tool.call',
        timeUnixNano: '0',
        attributes: otlpAttributes({ [EVENT_FIELD_KEY]: SECRET, 'tool.name': 'search' }),
      },
    ],
    links: [{ traceId: span!.traceId, spanId: span!.spanId, attributes: otlpAttributes({ [LINK_KEY]: SECRET }) }],
  };
  return {
    ...document,
    resourceSpans: [{ ...first!, scopeSpans: [{ ...scope!, spans: [added, ...others] }, ...otherScopes] }, ...rest],
  };
}

describeWithFixtures('the raw trace view drops raw prompts and model output', (fixtures) => {
  const fixture = () =>
    JSON.parse(readFileSync(join(fixtures, 'traces', 'otel-proto_examples_trace.json'), 'utf8')) as OtlpDocument;

  it('takes every content attribute and event out of the frame, keeps the rest, and says what it took', () => {
    const plain = grafanaTraceFrame(fixture());
    const frame = grafanaTraceFrame(withRawContent(fixture()));
    expect(JSON.stringify(frame.fields)).toContain(SECRET);

    const redacted = redactTraceFrame(frame);
    expect(JSON.stringify(redacted.fields)).not.toContain(SECRET);
    // Nothing else changed: the fixture's own attributes and events, and the tool call event minus its arguments.
    const field = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)!.values;
    expect(field(redacted, 'tags')).toEqual(field(plain, 'tags'));
    expect(field(redacted, 'serviceTags')).toEqual(field(plain, 'serviceTags'));
    expect(field(redacted, 'spanID')).toEqual(field(plain, 'spanID'));
    const events = field(redacted, 'logs')[0] as Array<{ name: string; fields: Array<{ key: string }> }>;
    expect(events.map((e) => e.name)).toEqual([
      ...(field(plain, 'logs')[0] as Array<{ name: string }>).map((e) => e.name),
      'gen_ai.tool.call',
    ]);
    expect(events.at(-1)!.fields.map((f) => f.key)).toEqual(['tool.name']);

    const summary = redacted.meta?.custom?.[REDACTED_META_KEY] as RedactedContent;
    expect(summary.count).toBe(SPAN_CONTENT_KEYS.length + 3);
    expect(summary.keys).toEqual([...SPAN_CONTENT_KEYS, RAW_CONTENT_EVENTS[0]!, EVENT_FIELD_KEY, LINK_KEY].sort());
    expect(redactedContentOf([redacted, plain])).toEqual(summary);
  });

  it('passes a frame without content through as it is', () => {
    const plain = grafanaTraceFrame(fixture());
    expect(redactTraceFrame(plain)).toBe(plain);
    expect(redactedContentOf([plain])).toBeUndefined();
  });

  it('is what the "Raw trace" panel of the trace page reads', async () => {
    const view = new TraceView({ traceId: 'ab'.repeat(16), defaults: { tempo: 't', loki: 'l', prometheus: 'p' } });
    const data = view.state.raw!.state.$data;
    expect(data).toBeInstanceOf(SceneDataTransformer);
    const operators = (data as SceneDataTransformer).state.transformations as CustomTransformOperator[];
    let frames = of([grafanaTraceFrame(withRawContent(fixture()))]);
    for (const operator of operators) {
      frames = frames.pipe(operator({ interpolate: (s: string) => s }));
    }
    const out = await firstValueFrom(frames);
    expect(JSON.stringify(out.map((f) => f.fields))).not.toContain(SECRET);
    expect(redactedContentOf(out)?.keys).toEqual(expect.arrayContaining(RAW_CONTENT_ATTRIBUTES.slice(0, 3)));
  });
});
