// The OpenTelemetry project's protobufjs code generated from opentelemetry-proto (otlp-transformer 0.208).
import protoRoot from 'otlp-proto-definitions/build/src/generated/root.js';

/** One OTLP AnyValue, decoded. */
export interface DecodedValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values?: DecodedValue[] };
}

export interface DecodedKeyValue {
  key: string;
  value: DecodedValue;
}

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: DecodedKeyValue[];
  events: Array<{ name: string; timeUnixNano: string; attributes: DecodedKeyValue[] }>;
  status?: { code?: string; message?: string };
}

export interface DecodedResourceSpans {
  resourceAttributes: DecodedKeyValue[];
  spans: DecodedSpan[];
}

interface RawMessage {
  resourceSpans?: Array<{
    resource?: { attributes?: DecodedKeyValue[] };
    scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }>;
  }>;
}

interface MessageType {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): RawMessage;
}

interface RawLogsMessage {
  resourceLogs?: Array<{
    resource?: { attributes?: DecodedKeyValue[] };
    scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> }>;
  }>;
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
const ExportTraceServiceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const ExportLogsServiceRequest = root.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

const TO_OBJECT = { longs: String, enums: String, arrays: true, defaults: false };

const hex = (bytes: unknown): string => (bytes instanceof Uint8Array ? Buffer.from(bytes).toString('hex') : '');

/** Decode an OTLP/HTTP protobuf ExportTraceServiceRequest body (throws on invalid protobuf). */
export function decodeTraceRequest(body: Uint8Array): DecodedResourceSpans[] {
  const message = ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(body), TO_OBJECT);
  return (message.resourceSpans ?? []).map((rs) => ({
    resourceAttributes: rs.resource?.attributes ?? [],
    spans: (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((raw): DecodedSpan => ({
        ...(raw as unknown as DecodedSpan),
        traceId: hex(raw.traceId),
        spanId: hex(raw.spanId),
        parentSpanId: hex(raw.parentSpanId),
        attributes: (raw.attributes as DecodedKeyValue[] | undefined) ?? [],
        events: ((raw.events as DecodedSpan['events'] | undefined) ?? []).map((e) => ({
          ...e,
          attributes: e.attributes ?? [],
        })),
      }))
    ),
  }));
}

export function attributeMap(attributes: DecodedKeyValue[]): Map<string, DecodedValue> {
  return new Map(attributes.map((a) => [a.key, a.value]));
}

export interface DecodedLogRecord {
  timeUnixNano: string;
  severityNumber?: string;
  severityText?: string;
  body?: DecodedValue;
  attributes: DecodedKeyValue[];
  traceId: string;
  spanId: string;
}

export interface DecodedResourceLogs {
  resourceAttributes: DecodedKeyValue[];
  logRecords: DecodedLogRecord[];
}

/** Decode an OTLP/HTTP protobuf ExportLogsServiceRequest body (throws on invalid protobuf). */
export function decodeLogsRequest(body: Uint8Array): DecodedResourceLogs[] {
  const message = ExportLogsServiceRequest.toObject(
    ExportLogsServiceRequest.decode(body),
    TO_OBJECT
  ) as unknown as RawLogsMessage;
  return (message.resourceLogs ?? []).map((rl) => ({
    resourceAttributes: rl.resource?.attributes ?? [],
    logRecords: (rl.scopeLogs ?? []).flatMap((sl) =>
      (sl.logRecords ?? []).map((raw): DecodedLogRecord => ({
        ...(raw as unknown as DecodedLogRecord),
        traceId: hex(raw.traceId),
        spanId: hex(raw.spanId),
        attributes: (raw.attributes as DecodedKeyValue[] | undefined) ?? [],
      }))
    ),
  }));
}
