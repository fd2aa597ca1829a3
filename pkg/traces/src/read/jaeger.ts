import { ALL_ATTRIBUTES, RESOURCE_ATTR } from '@hybridlens/conventions';
import type { AttributeValue, Attributes, SpanEvent, SpanKind, SpanStatusCode } from '../model';
import { PROBLEM } from '../problems';
import type { TraceCollector } from './collector';
import { isRawContentEvent, isRawContentKey } from './content';
import {
  emptyAttributes,
  NO_EVENTS,
  epochMsFrom,
  isRecord,
  numberFrom,
  PROTO_KEY,
  spanKindFrom,
  statusCodeFrom,
} from './values';

const MICROS_PER_MS = 1e3;

/**
 * Tags Jaeger uses for what OTLP has fields for (the OTLP → Jaeger translation writes them): they set the
 * span's kind, status and scope instead of becoming attributes. Format details of Jaeger's JSON, not
 * telemetry names of ours.
 */
export const JAEGER_TAG = {
  spanKind: 'span.kind',
  statusCode: 'otel.status_code',
  statusDescription: 'otel.status_description',
  error: 'error',
  scopeName: 'otel.scope.name',
  libraryName: 'otel.library.name',
} as const;

/** The event name in a Jaeger log's fields. */
export const JAEGER_LOG_EVENT_FIELD = 'event';

/**
 * Contract attributes that are arrays. Jaeger has no array tags: its OTLP translation writes arrays as JSON
 * text, which is read back as the array for these keys (and left as text for any other key).
 */
const ARRAY_KEYS = new Set(ALL_ATTRIBUTES.filter((a) => a.type.endsWith('[]')).map((a) => a.key));

function jsonArray(text: string): AttributeValue[] | undefined {
  if (!text.startsWith('[')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      ? (parsed as AttributeValue[])
      : undefined;
  } catch {
    return undefined;
  }
}

function tagValue(tag: Record<string, unknown>): AttributeValue {
  const value = tag.value;
  if (typeof value === 'string' && typeof tag.key === 'string' && ARRAY_KEYS.has(tag.key)) {
    return jsonArray(value) ?? value;
  }
  switch (tag.type) {
    case 'bool':
      return value === true || value === 'true';
    case 'int64':
    case 'float64':
      return numberFrom(value) ?? null;
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
}

function tagMap(list: unknown, redacted: string[] | undefined): Attributes {
  const out = emptyAttributes();
  if (!Array.isArray(list)) {
    return out;
  }
  for (const tag of list) {
    if (!isRecord(tag) || typeof tag.key !== 'string' || tag.key === PROTO_KEY) {
      continue;
    }
    if (redacted && isRawContentKey(tag.key)) {
      redacted.push(tag.key);
      continue;
    }
    out[tag.key] = tagValue(tag);
  }
  return out;
}

function jaegerEvents(logs: unknown, redacted: string[]): SpanEvent[] {
  if (!Array.isArray(logs) || logs.length === 0) {
    return NO_EVENTS;
  }
  const events: SpanEvent[] = [];
  for (const log of logs) {
    if (!isRecord(log)) {
      continue;
    }
    const timeMs = epochMsFrom(log.timestamp, MICROS_PER_MS);
    const attributes = tagMap(log.fields, redacted);
    const event = attributes[JAEGER_LOG_EVENT_FIELD];
    const name = typeof event === 'string' ? event : '';
    delete attributes[JAEGER_LOG_EVENT_FIELD];
    if (isRawContentEvent(name)) {
      redacted.push(name);
      continue;
    }
    if (timeMs !== undefined) {
      events.push({ name, timeMs, attributes });
    }
  }
  return events;
}

function parentOf(span: Record<string, unknown>): unknown {
  if (Array.isArray(span.references)) {
    const refs = span.references.filter(isRecord);
    const parent = refs.find((r) => r.refType === 'CHILD_OF') ?? refs.find((r) => r.refType === 'FOLLOWS_FROM');
    if (parent) {
      return parent.spanID;
    }
  }
  // Older Jaeger JSON names the parent directly.
  return span.parentSpanID;
}

function takeString(tags: Attributes, key: string): string | undefined {
  const value = tags[key];
  delete tags[key];
  return typeof value === 'string' ? value : undefined;
}

function kindAndStatus(tags: Attributes): {
  kind: SpanKind;
  status: SpanStatusCode;
  statusMessage: string | undefined;
  scope: string | undefined;
} {
  const kind = spanKindFrom(takeString(tags, JAEGER_TAG.spanKind));
  const code = takeString(tags, JAEGER_TAG.statusCode);
  const description = takeString(tags, JAEGER_TAG.statusDescription);
  const error = tags[JAEGER_TAG.error];
  delete tags[JAEGER_TAG.error];
  const status = code !== undefined ? statusCodeFrom(code) : error === true ? 'error' : 'unset';
  const scope = takeString(tags, JAEGER_TAG.scopeName) ?? takeString(tags, JAEGER_TAG.libraryName);
  return { kind, status, statusMessage: description, scope };
}

function processResource(process: unknown): Attributes {
  if (!isRecord(process)) {
    return emptyAttributes();
  }
  const resource = tagMap(process.tags, undefined);
  if (typeof process.serviceName === 'string') {
    resource[RESOURCE_ATTR.serviceName] = process.serviceName;
  }
  return resource;
}

/** Reads one Jaeger trace object (`{traceID, spans, processes}`) into the collector. */
export function readJaegerTrace(trace: Record<string, unknown>, collector: TraceCollector): void {
  const problems = collector.documentProblems;
  const processes = new Map<string, Attributes>();
  if (isRecord(trace.processes)) {
    for (const [id, process] of Object.entries(trace.processes)) {
      processes.set(id, processResource(process));
    }
  }
  if (!Array.isArray(trace.spans)) {
    problems.add(PROBLEM.malformedEntry, 'a Jaeger trace has no spans array');
    return;
  }
  const noProcess = emptyAttributes();
  for (const s of trace.spans) {
    if (!isRecord(s)) {
      problems.add(PROBLEM.malformedSpan, 'a span entry is not an object');
      continue;
    }
    const redacted: string[] = [];
    const tags = tagMap(s.tags, redacted);
    const fields = kindAndStatus(tags);
    const startMs = epochMsFrom(s.startTime, MICROS_PER_MS);
    const duration = numberFrom(s.duration);
    const resource =
      (typeof s.processID === 'string' ? processes.get(s.processID) : undefined) ??
      (isRecord(s.process) ? processResource(s.process) : noProcess);
    collector.add({
      traceId: s.traceID ?? trace.traceID,
      spanId: s.spanID,
      parentSpanId: parentOf(s),
      name: s.operationName,
      ...fields,
      startMs,
      endMs: startMs !== undefined && duration !== undefined ? startMs + duration / MICROS_PER_MS : undefined,
      attributes: tags,
      resource,
      events: jaegerEvents(s.logs, redacted),
      redacted,
    });
  }
}

/** Reads Jaeger's `data` array (the API's and the UI's JSON): one entry per trace. */
export function readJaegerData(data: readonly unknown[], collector: TraceCollector): void {
  for (const trace of data) {
    if (!isRecord(trace)) {
      collector.documentProblems.add(PROBLEM.malformedEntry, 'a Jaeger data entry is not an object');
      continue;
    }
    readJaegerTrace(trace, collector);
  }
}
