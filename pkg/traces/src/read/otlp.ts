import type { Attributes, SpanEvent } from '../model';
import { PROBLEM } from '../problems';
import type { TraceCollector } from './collector';
import { isRawContentEvent, isRawContentKey } from './content';
import {
  anyValue,
  emptyAttributes,
  NO_EVENTS,
  epochMsFrom,
  isRecord,
  PROTO_KEY,
  spanKindFrom,
  statusCodeFrom,
} from './values';

const NANOS_PER_MS = 1e6;

/** OTLP `KeyValue[]` as a plain attribute map; raw-content keys are dropped and listed in `redacted`. */
export function otlpAttributes(list: unknown, redacted: string[] | undefined): Attributes {
  const out = emptyAttributes();
  if (!Array.isArray(list)) {
    return out;
  }
  for (const kv of list) {
    if (!isRecord(kv) || typeof kv.key !== 'string' || kv.key === PROTO_KEY) {
      continue;
    }
    if (redacted && isRawContentKey(kv.key)) {
      redacted.push(kv.key);
      continue;
    }
    out[kv.key] = anyValue(kv.value);
  }
  return out;
}

function otlpEvents(list: unknown, redacted: string[]): SpanEvent[] {
  if (!Array.isArray(list) || list.length === 0) {
    return NO_EVENTS;
  }
  const events: SpanEvent[] = [];
  for (const e of list) {
    if (!isRecord(e)) {
      continue;
    }
    const name = typeof e.name === 'string' ? e.name : '';
    if (isRawContentEvent(name)) {
      redacted.push(name);
      continue;
    }
    const timeMs = epochMsFrom(e.timeUnixNano, NANOS_PER_MS);
    if (timeMs === undefined) {
      continue;
    }
    events.push({ name, timeMs, attributes: otlpAttributes(e.attributes, redacted) });
  }
  return events;
}

function scopeName(scopeSpans: Record<string, unknown>): string | undefined {
  // `instrumentationLibrary` is the pre-1.0 OTLP name of `scope`, still in older Tempo responses.
  const scope = scopeSpans.scope ?? scopeSpans.instrumentationLibrary;
  return isRecord(scope) && typeof scope.name === 'string' && scope.name !== '' ? scope.name : undefined;
}

/**
 * Reads an OTLP `ResourceSpans[]` (the value of `resourceSpans`, or of Tempo's legacy `batches`) into the
 * collector. Entries of the wrong shape are skipped and counted; nothing here throws on bad data.
 */
export function readResourceSpans(list: readonly unknown[], collector: TraceCollector): void {
  const problems = collector.documentProblems;
  for (const rs of list) {
    if (!isRecord(rs)) {
      problems.add(PROBLEM.malformedEntry, 'a resourceSpans entry is not an object');
      continue;
    }
    const resource = otlpAttributes(isRecord(rs.resource) ? rs.resource.attributes : undefined, undefined);
    const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans;
    if (scopes === undefined) {
      continue;
    }
    if (!Array.isArray(scopes)) {
      problems.add(PROBLEM.malformedEntry, 'scopeSpans of a resource is not an array');
      continue;
    }
    for (const ss of scopes) {
      if (!isRecord(ss)) {
        problems.add(PROBLEM.malformedEntry, 'a scopeSpans entry is not an object');
        continue;
      }
      const scope = scopeName(ss);
      if (ss.spans === undefined) {
        continue;
      }
      if (!Array.isArray(ss.spans)) {
        problems.add(PROBLEM.malformedEntry, 'spans of a scope is not an array');
        continue;
      }
      for (const s of ss.spans) {
        if (!isRecord(s)) {
          problems.add(PROBLEM.malformedSpan, 'a span entry is not an object');
          continue;
        }
        const redacted: string[] = [];
        const status = isRecord(s.status) ? s.status : undefined;
        collector.add({
          traceId: s.traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId,
          name: s.name,
          kind: spanKindFrom(s.kind),
          startMs: epochMsFrom(s.startTimeUnixNano, NANOS_PER_MS),
          endMs: epochMsFrom(s.endTimeUnixNano, NANOS_PER_MS),
          status: statusCodeFrom(status?.code),
          statusMessage: typeof status?.message === 'string' ? status.message : undefined,
          attributes: otlpAttributes(s.attributes, redacted),
          resource,
          scope,
          events: otlpEvents(s.events, redacted),
          redacted,
        });
      }
    }
  }
}
