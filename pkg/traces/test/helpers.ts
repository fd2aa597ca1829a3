import { RESOURCE_ATTR } from '@hybridlens/conventions';
import { deriveLifecycle, readTrace, type TraceLifecycle } from '../src';
import { nanos, otlpAttributes, type AttributeInput, type OtlpDocument, type OtlpSpan } from '../src/testing';

export const T0 = Date.UTC(2026, 10, 26, 12);
export const TRACE = '0af7651916cd43dd8448eb211c80319c';

/** A readable 16-hex span id from a short name: `id('a')` → `000000000000000a`-like, stable per name. */
export function id(name: string): string {
  let h = 0;
  for (const c of name) {
    h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}${(name.length + 0x1000).toString(16).padStart(8, '0')}`;
}

export interface SpanSpec {
  name: string;
  /** Short name of the span (its id is `id(key)`); defaults to `name`. */
  key?: string;
  parent?: string;
  start: number;
  end: number;
  kind?: number;
  error?: boolean;
  attributes?: Record<string, AttributeInput>;
}

/** An OTLP span at offsets from T0 (ms), ids derived from short names. */
export function otlpSpan(spec: SpanSpec): OtlpSpan {
  const span: OtlpSpan = {
    traceId: TRACE,
    spanId: id(spec.key ?? spec.name),
    name: spec.name,
    kind: spec.kind ?? 1,
    startTimeUnixNano: nanos(T0, spec.start),
    endTimeUnixNano: nanos(T0, spec.end),
    attributes: otlpAttributes(spec.attributes ?? {}),
  };
  if (spec.parent) {
    span.parentSpanId = id(spec.parent);
  }
  if (spec.error) {
    span.status = { code: 2, message: 'failed' };
  }
  return span;
}

export function otlpDocument(spans: readonly OtlpSpan[], service = 'svc'): OtlpDocument {
  return {
    resourceSpans: [
      {
        resource: { attributes: otlpAttributes({ [RESOURCE_ATTR.serviceName]: service }) },
        scopeSpans: [{ scope: { name: 'test' }, spans: [...spans] }],
      },
    ],
  };
}

/** Reads and derives the only trace of a document built from specs. */
export function derive(specs: readonly SpanSpec[]): TraceLifecycle {
  const document = readTrace(otlpDocument(specs.map(otlpSpan)));
  const trace = document.traces[0]!;
  return deriveLifecycle(trace);
}

export function byName(lc: TraceLifecycle, name: string) {
  const row = lc.spans.find((s) => s.span.name === name);
  if (!row) {
    throw new Error(`no span named ${name}`);
  }
  return row;
}
