import { RESOURCE_ATTR } from '@hybridlens/conventions';
import { hexToBase64 } from '../read/ids';
import { JAEGER_LOG_EVENT_FIELD, JAEGER_TAG } from '../read/jaeger';
import type { OtlpAnyValue, OtlpDocument, OtlpKeyValue, OtlpSpan } from './otlpJson';

/**
 * An OTLP JSON document in the shapes real backends answer with, for stand-ins of Tempo and Jaeger and for
 * tests: Tempo marshals with the protobuf JSON mapping (ids as base64, enums by name, int64 as strings).
 */

const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

function protobufSpan(span: OtlpSpan): Record<string, unknown> {
  const kind = typeof span.kind === 'number' ? (KIND_NAMES[span.kind] ?? span.kind) : span.kind;
  const out: Record<string, unknown> = {
    ...span,
    traceId: hexToBase64(span.traceId),
    spanId: hexToBase64(span.spanId),
    kind,
  };
  if (span.parentSpanId) {
    out.parentSpanId = hexToBase64(span.parentSpanId);
  }
  if (span.status) {
    const code = typeof span.status.code === 'number' ? STATUS_NAMES[span.status.code] : span.status.code;
    out.status = { ...span.status, ...(code !== undefined ? { code } : {}) };
  }
  return out;
}

function protobufResourceSpans(document: OtlpDocument): unknown[] {
  return document.resourceSpans.map((rs) => ({
    ...rs,
    scopeSpans: rs.scopeSpans.map((ss) => ({ ...ss, spans: ss.spans.map(protobufSpan) })),
  }));
}

/** Tempo `/api/traces/<id>` (v1): the legacy `batches` key, base64 ids, enum names. */
export function toTempoV1(document: OtlpDocument): { batches: unknown[] } {
  return { batches: protobufResourceSpans(document) };
}

/** Tempo `/api/v2/traces/<id>`: `{trace, status, message}`; PARTIAL when a message is given. */
export function toTempoV2(
  document: OtlpDocument,
  partialMessage?: string
): { trace: { resourceSpans: unknown[] }; status: 'COMPLETE' | 'PARTIAL'; message?: string } {
  return {
    trace: { resourceSpans: protobufResourceSpans(document) },
    ...(partialMessage !== undefined
      ? { status: 'PARTIAL' as const, message: partialMessage }
      : { status: 'COMPLETE' as const }),
  };
}

function jaegerTag(kv: OtlpKeyValue): { key: string; type: string; value: unknown } {
  const v: OtlpAnyValue = kv.value;
  if ('stringValue' in v) {
    return { key: kv.key, type: 'string', value: v.stringValue };
  }
  if ('intValue' in v) {
    return { key: kv.key, type: 'int64', value: Number(v.intValue) };
  }
  if ('doubleValue' in v) {
    return { key: kv.key, type: 'float64', value: v.doubleValue };
  }
  if ('boolValue' in v) {
    return { key: kv.key, type: 'bool', value: v.boolValue };
  }
  // Jaeger has no arrays: its OTLP translation writes them as JSON text.
  const values = v.arrayValue.values.map((x) =>
    'intValue' in x ? Number(x.intValue) : (Object.values(x)[0] as unknown)
  );
  return { key: kv.key, type: 'string', value: JSON.stringify(values) };
}

/** Epoch microseconds of an OTLP nanosecond string. */
function micros(nanosText: string): number {
  return Number(nanosText.slice(0, -3));
}

const JAEGER_KIND = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Jaeger's JSON (`/api/traces/<id>` and the UI's download): `data[].spans/processes`, microseconds. */
export function toJaeger(document: OtlpDocument): { data: unknown[] } {
  const traces = new Map<string, { spans: unknown[]; processes: Record<string, unknown> }>();
  document.resourceSpans.forEach((rs, r) => {
    const processID = `p${r + 1}`;
    const serviceTag = rs.resource.attributes.find((a) => a.key === RESOURCE_ATTR.serviceName);
    const serviceName = serviceTag && 'stringValue' in serviceTag.value ? serviceTag.value.stringValue : 'unknown';
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        let trace = traces.get(span.traceId);
        if (!trace) {
          trace = { spans: [], processes: {} };
          traces.set(span.traceId, trace);
        }
        trace.processes[processID] = {
          serviceName,
          tags: rs.resource.attributes.filter((a) => a.key !== RESOURCE_ATTR.serviceName).map(jaegerTag),
        };
        const kind = typeof span.kind === 'number' ? JAEGER_KIND[span.kind] : undefined;
        const failed = span.status?.code === 2;
        trace.spans.push({
          traceID: span.traceId,
          spanID: span.spanId,
          operationName: span.name,
          references: span.parentSpanId
            ? [{ refType: 'CHILD_OF', traceID: span.traceId, spanID: span.parentSpanId }]
            : [],
          startTime: micros(span.startTimeUnixNano),
          duration: micros(span.endTimeUnixNano) - micros(span.startTimeUnixNano),
          tags: [
            ...span.attributes.map(jaegerTag),
            ...(kind ? [{ key: JAEGER_TAG.spanKind, type: 'string', value: kind }] : []),
            ...(failed
              ? [
                  { key: JAEGER_TAG.statusCode, type: 'string', value: 'ERROR' },
                  { key: JAEGER_TAG.error, type: 'bool', value: true },
                ]
              : []),
          ],
          logs: (span.events ?? []).map((e) => ({
            timestamp: micros(e.timeUnixNano),
            fields: [{ key: JAEGER_LOG_EVENT_FIELD, type: 'string', value: e.name }, ...e.attributes.map(jaegerTag)],
          })),
          processID,
          warnings: null,
          flags: 1,
        });
      }
    }
  });
  return {
    data: [...traces.entries()].map(([traceID, t]) => ({ traceID, ...t, warnings: null })),
  };
}
