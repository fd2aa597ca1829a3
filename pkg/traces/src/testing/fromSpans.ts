import type { Attributes, SpanKind, TraceSpan } from '../model';
import { nanos, otlpValue, type OtlpDocument, type OtlpKeyValue, type OtlpSpan } from './otlpJson';

const KIND_NUMBER: Readonly<Record<SpanKind, number>> = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};
const STATUS_NUMBER = { unset: 0, ok: 1, error: 2 } as const;

function keyValues(attributes: Attributes): OtlpKeyValue[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: otlpValue(value) }));
}

/**
 * Spans as read (from any format) back to plain OTLP JSON, one resource per distinct resource: with
 * `toTempoV1`, `toTempoV2` and `toJaeger`, any trace (a fixture, a simulator trace) can be served in every
 * shape a backend answers with.
 */
export function documentOf(spans: readonly TraceSpan[]): OtlpDocument {
  const byResource = new Map<Attributes, { scope: string; spans: OtlpSpan[] }>();
  for (const span of spans) {
    let group = byResource.get(span.resource);
    if (!group) {
      group = { scope: span.scope ?? '', spans: [] };
      byResource.set(span.resource, group);
    }
    const out: OtlpSpan = {
      traceId: span.traceId,
      spanId: span.spanId,
      name: span.name,
      kind: KIND_NUMBER[span.kind],
      startTimeUnixNano: nanos(span.startMs),
      endTimeUnixNano: nanos(span.endMs),
      attributes: keyValues(span.attributes),
    };
    if (span.parentSpanId !== undefined) {
      out.parentSpanId = span.parentSpanId;
    }
    if (span.events.length > 0) {
      out.events = span.events.map((e) => ({
        name: e.name,
        timeUnixNano: nanos(e.timeMs),
        attributes: keyValues(e.attributes),
      }));
    }
    if (span.status !== 'unset' || span.statusMessage) {
      out.status = { code: STATUS_NUMBER[span.status], ...(span.statusMessage ? { message: span.statusMessage } : {}) };
    }
    group.spans.push(out);
  }
  return {
    resourceSpans: [...byResource].map(([resource, group]) => ({
      resource: { attributes: keyValues(resource) },
      scopeSpans: [{ scope: { name: group.scope }, spans: group.spans }],
    })),
  };
}
