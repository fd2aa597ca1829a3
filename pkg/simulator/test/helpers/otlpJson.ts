import { readFileSync } from 'node:fs';
// The OpenTelemetry project's protobufjs code generated from opentelemetry-proto.
import protoRoot from 'otlp-proto-definitions/build/src/generated/root.js';

interface MessageType {
  fromObject(object: Record<string, unknown>): unknown;
  verify(message: Record<string, unknown>): string | null;
  encode(message: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): Record<string, unknown>;
}

const root = protoRoot as unknown as {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: { ExportTraceServiceRequest: MessageType } };
        logs: { v1: { ExportLogsServiceRequest: MessageType } };
      };
    };
  };
};
export const ExportTraceServiceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const ExportLogsServiceRequest = root.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

export interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  name: string;
  attributes: KeyValue[];
  events: Array<{ name: string; attributes: KeyValue[] }>;
}

export interface DecodedRequest {
  resourceAttributes: KeyValue[];
  spans: DecodedSpan[];
}

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

/**
 * OTLP/JSON differs from the protobuf JSON mapping in one way: ids are hex, not base64. Turn them into
 * bytes so the generated protobuf code can check every field against the OTLP schema.
 */
function hexIdsToBytes(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(hexIdsToBytes);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = ID_FIELDS.has(k) && typeof v === 'string' ? Buffer.from(v, 'hex') : hexIdsToBytes(v);
    }
    return out;
  }
  return value;
}

const hex = (bytes: unknown): string => (bytes instanceof Uint8Array ? Buffer.from(bytes).toString('hex') : '');

/** Decode protobuf ExportTraceServiceRequest bytes (throws on invalid protobuf). */
export function decodeProtobuf(bytes: Uint8Array): DecodedRequest[] {
  const message = ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(bytes), {
    longs: String,
    enums: String,
    arrays: true,
    defaults: false,
  }) as {
    resourceSpans?: Array<{
      resource?: { attributes?: KeyValue[] };
      scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }>;
    }>;
  };
  return (message.resourceSpans ?? []).map((rs) => ({
    resourceAttributes: rs.resource?.attributes ?? [],
    spans: (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        traceId: hex(s.traceId),
        spanId: hex(s.spanId),
        name: String(s.name),
        attributes: (s.attributes as KeyValue[] | undefined) ?? [],
        events: ((s.events as Array<{ name: string; attributes?: KeyValue[] }> | undefined) ?? []).map((e) => ({
          name: e.name,
          attributes: e.attributes ?? [],
        })),
      }))
    ),
  }));
}

/**
 * Read an OTLP JSON lines file: each line is verified against the protobuf schema, encoded to protobuf
 * and decoded back (so what we inspect is what a collector would receive).
 */
export function readOtlpJsonLines(file: string): DecodedRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line, i) => {
      const message = ExportTraceServiceRequest.fromObject(hexIdsToBytes(JSON.parse(line)) as Record<string, unknown>);
      const problem = ExportTraceServiceRequest.verify(message as Record<string, unknown>);
      if (problem) {
        throw new Error(`${file}:${i + 1}: not an OTLP ExportTraceServiceRequest: ${problem}`);
      }
      return decodeProtobuf(ExportTraceServiceRequest.encode(message).finish());
    });
}

/** The log records of one OTLP/HTTP protobuf logs request, with their trace ids in hex ('' when none). */
export function decodeLogRecords(bytes: Uint8Array): Array<{ traceId: string; attributes: KeyValue[] }> {
  const message = ExportLogsServiceRequest.toObject(ExportLogsServiceRequest.decode(bytes), {
    longs: String,
    enums: String,
    arrays: true,
    defaults: false,
  }) as {
    resourceLogs?: Array<{ scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> }> }>;
  };
  return (message.resourceLogs ?? []).flatMap((rl) =>
    (rl.scopeLogs ?? []).flatMap((sl) =>
      (sl.logRecords ?? []).map((r) => ({
        traceId: hex(r.traceId),
        attributes: (r.attributes as KeyValue[] | undefined) ?? [],
      }))
    )
  );
}
