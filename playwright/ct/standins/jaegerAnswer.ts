import { type OtlpDocument, type OtlpKeyValue, toJaeger } from '@hybridlens/traces/testing';

/**
 * A Jaeger query service's answer (`data[].spans/processes`, microseconds, hex ids) made from a real OTLP JSON
 * fixture by the trace package's converter: no fixture is Jaeger JSON, and none is copied into the repository.
 */

type Maybe<T> = T | undefined;

/** The protobuf JSON mapping leaves empty lists out; the converter takes the complete shape the generators write. */
function withEmptyLists(document: OtlpDocument): OtlpDocument {
  return {
    resourceSpans: document.resourceSpans.map((rs) => ({
      ...rs,
      resource: { attributes: (rs.resource.attributes as Maybe<OtlpKeyValue[]>) ?? [] },
      scopeSpans: rs.scopeSpans.map((ss) => ({
        ...ss,
        spans: ss.spans.map((span) => ({ ...span, attributes: (span.attributes as Maybe<OtlpKeyValue[]>) ?? [] })),
      })),
    })),
  };
}

export function jaegerAnswer(otlpFixture: unknown): { data: unknown[] } {
  return toJaeger(withEmptyLists(otlpFixture as OtlpDocument));
}
