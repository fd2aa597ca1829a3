import { RESOURCE_ATTR } from '@hybridlens/conventions';
import type { Attributes, SpanEvent, SpanKind, SpanStatusCode, TraceSpan } from '../model';
import { PROBLEM, ProblemLog, type ProblemReport } from '../problems';
import { SPAN_ID_BYTES, TRACE_ID_BYTES, normalizeId } from './ids';

// Read once: imported bindings compile to getters in CommonJS.
const SERVICE_NAME = RESOURCE_ATTR.serviceName;

/** What a format reader extracted from one span entry, before validation. */
export interface SpanFields {
  traceId: unknown;
  spanId: unknown;
  parentSpanId: unknown;
  name: unknown;
  kind: SpanKind;
  startMs: number | undefined;
  endMs: number | undefined;
  status: SpanStatusCode;
  statusMessage: string | undefined;
  attributes: Attributes;
  resource: Attributes;
  scope: string | undefined;
  events: SpanEvent[];
  /** Keys of attributes and names of events the reader dropped as raw content. */
  redacted: string[];
}

/** The spans of one trace id, as read, with the problems found while reading them. */
export interface RawTrace {
  traceId: string;
  spans: TraceSpan[];
  problems: ProblemReport;
}

interface Collecting {
  traceId: string;
  spans: TraceSpan[];
  problems: ProblemLog;
}

/**
 * Validates and normalizes spans as readers hand them over, grouping them by trace id in first-seen order.
 * A span with no readable start is dropped and counted; every other problem is repaired and counted.
 */
export class TraceCollector {
  readonly documentProblems = new ProblemLog();
  /** By the id as written, and by the normalized id (hex and base64 spellings of one id are one trace). */
  private readonly traces = new Map<string, Collecting>();
  private readonly byTraceId = new Map<string, Collecting>();
  private missingSpanIds = 0;

  add(f: SpanFields): void {
    const trace = this.traceFor(f.traceId);
    const problems = trace.problems;
    let spanId: string;
    if (typeof f.spanId !== 'string' || f.spanId === '') {
      spanId = `missing-${++this.missingSpanIds}`;
      problems.add(PROBLEM.missingSpanId, 'span has no span id', spanId);
    } else {
      const normalized = normalizeId(f.spanId, SPAN_ID_BYTES);
      spanId = normalized.id;
      if (!normalized.ok) {
        problems.add(
          PROBLEM.invalidId,
          () => `span id "${clip(normalized.id)}" is neither hex nor base64 of 8 bytes`,
          spanId
        );
      }
    }
    let parentSpanId: string | undefined;
    if (typeof f.parentSpanId === 'string' && f.parentSpanId !== '') {
      const normalized = normalizeId(f.parentSpanId, SPAN_ID_BYTES);
      if (!normalized.ok) {
        problems.add(
          PROBLEM.invalidId,
          () => `parent span id "${clip(normalized.id)}" is neither hex nor base64 of 8 bytes`,
          spanId
        );
        parentSpanId = normalized.id;
      } else if (!normalized.zero) {
        parentSpanId = normalized.id;
      }
    }
    const name = typeof f.name === 'string' ? f.name : '';
    if (typeof f.name !== 'string') {
      problems.add(PROBLEM.missingName, 'span has no name', spanId);
    }
    if (f.startMs === undefined) {
      problems.add(PROBLEM.missingStartTime, () => `span "${clip(name)}" has no readable start time: dropped`, spanId);
      return;
    }
    const startMs = f.startMs;
    let endMs = f.endMs;
    if (endMs === undefined) {
      problems.add(
        PROBLEM.missingEndTime,
        () => `span "${clip(name)}" has no readable end time: read as its start`,
        spanId
      );
      endMs = startMs;
    } else if (endMs < startMs) {
      const early = startMs - endMs;
      problems.add(
        PROBLEM.negativeDuration,
        () => `span "${clip(name)}" ends ${round(early)} ms before it starts: read as zero`,
        spanId
      );
      endMs = startMs;
    } else if (endMs === startMs) {
      problems.add(PROBLEM.zeroDuration, () => `span "${clip(name)}" has zero duration`, spanId);
    }
    for (const key of f.redacted) {
      problems.add(PROBLEM.redactedContent, () => `dropped "${clip(key)}" (raw prompt or model output)`, spanId);
    }
    const serviceName = f.resource[SERVICE_NAME];
    // Every span gets every key (absent ones undefined): one object shape keeps the derivation's property
    // reads monomorphic, which matters at 100,000 spans.
    trace.spans.push({
      traceId: trace.traceId,
      spanId,
      parentSpanId,
      name,
      kind: f.kind,
      startMs,
      endMs,
      status: f.status,
      statusMessage: f.statusMessage || undefined,
      serviceName: typeof serviceName === 'string' ? serviceName : '',
      attributes: f.attributes,
      resource: f.resource,
      scope: f.scope || undefined,
      events: f.events,
      redacted: f.redacted.length > 0 ? f.redacted : undefined,
    });
  }

  result(): RawTrace[] {
    return [...this.byTraceId.values()].map((t) => ({
      traceId: t.traceId,
      spans: t.spans,
      problems: t.problems.report(),
    }));
  }

  private traceFor(raw: unknown): Collecting {
    const key = typeof raw === 'string' ? raw : '';
    const known = this.traces.get(key);
    if (known) {
      return known;
    }
    const problems = new ProblemLog();
    let traceId = key;
    if (key === '') {
      problems.add(PROBLEM.invalidId, 'spans without a trace id');
    } else {
      const normalized = normalizeId(key, TRACE_ID_BYTES);
      traceId = normalized.id;
      if (!normalized.ok) {
        problems.add(PROBLEM.invalidId, () => `trace id "${clip(key)}" is neither hex nor base64 of 16 bytes`);
      }
    }
    let entry = this.byTraceId.get(traceId);
    if (!entry) {
      entry = { traceId, spans: [], problems };
      this.byTraceId.set(traceId, entry);
    } else {
      entry.problems.merge(problems.report());
    }
    this.traces.set(key, entry);
    return entry;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
