import { deriveLifecycle, type DeriveOptions, type TraceLifecycle } from './derive/lifecycle';
import { ProblemLog } from './problems';
import type { RawTrace } from './read/collector';
import { TRACE_ID_BYTES, normalizeId } from './read/ids';
import { readTrace, type TraceDocument } from './read/readTrace';

/** The trace asked for is not in the input. */
export class TraceNotFoundError extends Error {
  constructor(
    readonly traceId: string,
    readonly available: readonly string[]
  ) {
    super(
      `trace ${traceId} is not in the input (it holds ${available.length} trace${available.length === 1 ? '' : 's'}` +
        `${available.length > 0 ? `: ${available.slice(0, 5).join(', ')}${available.length > 5 ? ', ...' : ''}` : ''})`
    );
    this.name = 'TraceNotFoundError';
  }
}

/**
 * One trace of a document: the one with the given id (hex or base64), else the one with the most spans (a
 * backend's answer for one id holds one trace; stray spans of other ids are noise).
 */
export function pickTrace(document: TraceDocument, traceId?: string): RawTrace | undefined {
  if (traceId !== undefined) {
    const wanted = normalizeId(traceId.trim(), TRACE_ID_BYTES).id;
    const found = document.traces.find((t) => t.traceId === wanted);
    if (!found) {
      throw new TraceNotFoundError(
        traceId,
        document.traces.map((t) => t.traceId)
      );
    }
    return found;
  }
  let best: RawTrace | undefined;
  for (const t of document.traces) {
    if (!best || t.spans.length > best.spans.length) {
      best = t;
    }
  }
  return best;
}

/** Derives one trace of a read document; problems of the document as a whole are counted with it. */
export function deriveFromDocument(
  document: TraceDocument,
  trace: RawTrace | undefined,
  options: Omit<DeriveOptions, 'format' | 'completeness'> = {}
): TraceLifecycle {
  const problems = new ProblemLog();
  problems.merge(document.documentProblems);
  if (trace) {
    problems.merge(trace.problems);
  }
  return deriveLifecycle(
    { traceId: trace?.traceId ?? '', spans: trace?.spans ?? [], problems: problems.report() },
    { ...options, format: document.format, completeness: document.completeness }
  );
}

/**
 * Reads a backend's response (text or parsed JSON: Tempo v1/v2, OTLP, OTLP lines, Jaeger) and derives the
 * lifecycle of one trace. Throws TraceFormatError when the input is no trace, TraceNotFoundError when the
 * asked-for id is not in it.
 */
export function loadTrace(
  input: string | unknown,
  options: { traceId?: string } & Omit<DeriveOptions, 'format' | 'completeness'> = {}
): TraceLifecycle {
  const { traceId, ...derive } = options;
  const document = readTrace(input);
  return deriveFromDocument(document, pickTrace(document, traceId), derive);
}
