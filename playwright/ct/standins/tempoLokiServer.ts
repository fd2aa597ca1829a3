import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRACE_ID_BYTES, type TraceSpan, normalizeId, readTrace } from '@hybridlens/traces';
import { type OtlpDocument, toTempoV1, toTempoV2 } from '@hybridlens/traces/testing';
import { TraceqlError, compileTraceqlSearch } from './traceqlSubset';
import { tempoAttributes } from './tempoAttributes';
import { LogqlError, type LogStreamLine, compileLogql } from './logqlSubset';

/**
 * Stand-ins for Tempo and Loki speaking their real HTTP APIs and response shapes, for the page harness and jest:
 *
 * Tempo: `GET /api/v2/traces/<id>` (`{trace, status, message}`, PARTIAL where configured), `GET /api/traces/<id>`
 * (v1: `batches`, base64 ids, enum names; or a stored answer served verbatim, e.g. a Jaeger query service's),
 * `GET /api/search?q=<TraceQL>&start&end&limit&spss` (each matched span with the attributes its conditions and
 * `| select(...)` name, as OTLP key/value pairs), `GET /api/echo`, `GET /ready`.
 * Loki (lines as OTLP ingestion stores them: body, `service_name` stream label, structured metadata):
 * `GET /loki/api/v1/query_range?query=<LogQL>&start&end&limit&direction`, `GET /loki/api/v1/labels`, `GET /ready`. Ids may be hex or base64. Errors use the services' own shapes: plain-text bodies with 400 / 404.
 */

export interface LogEntry extends LogStreamLine {
  /** Epoch nanoseconds, as a decimal string (Loki's own representation). */
  ns: string;
}

export interface StandInData {
  /** OTLP JSON documents (one or more traces each), served in Tempo's v2 and v1 shapes. */
  otlp?: readonly OtlpDocument[];
  /** Answers served as they are on `/api/traces/<id>` only (v2 answers 404 for them, as an older backend does). */
  verbatimV1?: readonly unknown[];
  /** Trace id (hex) → the message of a PARTIAL v2 answer. */
  partial?: Readonly<Record<string, string>>;
  logs?: readonly LogEntry[];
}

interface StoredTrace {
  traceId: string;
  spans: TraceSpan[];
  startMs: number;
  endMs: number;
  v2?: () => unknown;
  v1: () => unknown;
}

export interface RunningStandIn {
  url: string;
  /** Requests received, in order (path and query), for tests that check what the page asked. */
  requests: string[];
  stop(): Promise<void>;
}

function onlyTrace(document: OtlpDocument, traceId: string): OtlpDocument {
  return {
    resourceSpans: document.resourceSpans
      .map((rs) => ({
        ...rs,
        scopeSpans: rs.scopeSpans
          .map((ss) => ({
            ...ss,
            spans: ss.spans.filter((s) => normalizeId(s.traceId, TRACE_ID_BYTES).id === traceId),
          }))
          .filter((ss) => ss.spans.length > 0),
      }))
      .filter((rs) => rs.scopeSpans.length > 0),
  };
}

function index(data: StandInData): Map<string, StoredTrace> {
  const traces = new Map<string, StoredTrace>();
  const add = (spans: TraceSpan[], traceId: string, serve: Pick<StoredTrace, 'v1' | 'v2'>) => {
    const starts = spans.map((s) => s.startMs);
    const ends = spans.map((s) => s.endMs);
    traces.set(traceId, { traceId, spans, startMs: Math.min(...starts), endMs: Math.max(...ends), ...serve });
  };
  for (const document of data.otlp ?? []) {
    for (const raw of readTrace(document).traces) {
      const one = onlyTrace(document, raw.traceId);
      add(raw.spans, raw.traceId, {
        v2: () => toTempoV2(one, data.partial?.[raw.traceId]),
        v1: () => toTempoV1(one),
      });
    }
  }
  for (const answer of data.verbatimV1 ?? []) {
    for (const raw of readTrace(answer).traces) {
      add(raw.spans, raw.traceId, { v1: () => answer });
    }
  }
  return traces;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
    // The page harness' backend stand-in calls it from the browser, as it calls Prometheus (which answers `*` too).
    'access-control-allow-origin': '*',
  });
  res.end(text);
}

function number(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  const v = raw === null || raw === '' ? fallback : Number(raw);
  return Number.isFinite(v) ? v : fallback;
}

function lookup(traces: Map<string, StoredTrace>, rawId: string): StoredTrace | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawId);
  } catch {
    return undefined;
  }
  const id = normalizeId(decoded, TRACE_ID_BYTES);
  return id.ok ? traces.get(id.id) : undefined;
}

function search(traces: Map<string, StoredTrace>, params: URLSearchParams): unknown {
  const { match: matching, attributes } = compileTraceqlSearch(params.get('q') ?? '{}');
  // Tempo's spans per span set (`spss`): 3 unless asked.
  const spss = number(params, 'spss', 3);
  const startMs = number(params, 'start', 0) * 1000;
  const endMs = number(params, 'end', Number.MAX_SAFE_INTEGER / 1000) * 1000;
  const limit = number(params, 'limit', 20);
  const found = [...traces.values()]
    .filter((t) => t.startMs <= endMs && t.endMs >= startMs)
    .map((t) => ({ t, spans: matching(t.spans) }))
    .filter(({ spans }) => spans.length > 0)
    .sort((a, b) => b.t.startMs - a.t.startMs)
    .slice(0, limit);
  return {
    traces: found.map(({ t, spans }) => {
      const root = t.spans.find((s) => !s.parentSpanId) ?? t.spans[0]!;
      return {
        traceID: t.traceId,
        rootServiceName: root.serviceName,
        rootTraceName: root.name,
        startTimeUnixNano: String(Math.round(t.startMs * 1e6)),
        durationMs: Math.round(t.endMs - t.startMs),
        spanSets: [
          {
            spans: spans.slice(0, spss).map((s) => ({
              spanID: s.spanId,
              name: s.name,
              startTimeUnixNano: String(Math.round(s.startMs * 1e6)),
              durationNanos: String(Math.round((s.endMs - s.startMs) * 1e6)),
              ...(attributes.length > 0 ? { attributes: tempoAttributes(s.attributes, attributes) } : {}),
            })),
            matched: spans.length,
          },
        ],
      };
    }),
    metrics: { inspectedTraces: traces.size },
  };
}

/** The header with which Grafana's Loki datasource asks for structured metadata apart from the stream labels. */
const ENCODING_FLAGS_HEADER = 'x-loki-response-encoding-flags';

type LokiValue = [string, string] | [string, string, { structuredMetadata: Record<string, string> }];

/**
 * Loki's answer for a log query: lines grouped into streams by their labels. By default Loki merges each line's
 * structured metadata into its stream's labels (so lines of one service with different trace ids are different
 * streams); with `categorize-labels` the stream keeps the indexed labels and each value carries its metadata.
 */
function queryRange(logs: readonly LogEntry[], params: URLSearchParams, categorize: boolean): unknown {
  const keep = compileLogql(params.get('query') ?? '');
  const start = BigInt(params.get('start') ?? '0');
  const end = BigInt(params.get('end') ?? String(BigInt(Date.now()) * BigInt(1_000_000)));
  const limit = number(params, 'limit', 100);
  const backward = params.get('direction') !== 'forward';
  const picked = logs
    .filter((l) => BigInt(l.ns) >= start && BigInt(l.ns) <= end && keep(l))
    .sort((a, b) => (BigInt(a.ns) < BigInt(b.ns) ? -1 : 1) * (backward ? -1 : 1))
    .slice(0, limit);
  const streams = new Map<string, { stream: Record<string, string>; values: LokiValue[] }>();
  for (const l of picked) {
    const metadata = l.structuredMetadata ?? {};
    const labels = categorize ? { ...l.labels } : { ...metadata, ...l.labels };
    const key = JSON.stringify(Object.entries(labels).sort());
    const stream = streams.get(key) ?? { stream: labels, values: [] };
    stream.values.push(categorize ? [l.ns, l.line, { structuredMetadata: { ...metadata } }] : [l.ns, l.line]);
    streams.set(key, stream);
  }
  return {
    status: 'success',
    data: {
      resultType: 'streams',
      result: [...streams.values()],
      stats: {},
      ...(categorize ? { encodingFlags: ['categorize-labels'] } : {}),
    },
  };
}

/** Starts both stand-ins on one free 127.0.0.1 port (Tempo's and Loki's paths do not overlap). */
export async function startTempoLokiStandIn(data: StandInData): Promise<RunningStandIn> {
  const traces = index(data);
  const logs = data.logs ?? [];
  const requests: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://standin.invalid');
    requests.push(`${url.pathname}${url.search}`);
    const path = url.pathname;
    try {
      if (req.method !== 'GET') {
        return send(res, 405, 'method not allowed');
      }
      if (path === '/ready') {
        return send(res, 200, 'ready');
      }
      if (path === '/api/echo') {
        return send(res, 200, 'echo');
      }
      if (path === '/api/search') {
        return send(res, 200, search(traces, url.searchParams));
      }
      const v2 = /^\/api\/v2\/traces\/([^/]+)$/.exec(path);
      if (v2) {
        const t = lookup(traces, v2[1]!);
        return t?.v2 ? send(res, 200, t.v2()) : send(res, 404, 'trace not found');
      }
      const v1 = /^\/api\/traces\/([^/]+)$/.exec(path);
      if (v1) {
        const t = lookup(traces, v1[1]!);
        return t ? send(res, 200, t.v1()) : send(res, 404, 'trace not found');
      }
      if (path === '/loki/api/v1/query_range') {
        const flags = String(req.headers[ENCODING_FLAGS_HEADER] ?? '').split(',');
        return send(res, 200, queryRange(logs, url.searchParams, flags.includes('categorize-labels')));
      }
      if (path === '/loki/api/v1/labels') {
        const names = new Set(logs.flatMap((l) => Object.keys(l.labels)));
        return send(res, 200, { status: 'success', data: [...names].sort() });
      }
      return send(res, 404, '404 page not found');
    } catch (error) {
      if (error instanceof TraceqlError) {
        return send(res, error.status, error.message);
      }
      if (error instanceof LogqlError) {
        return send(res, 400, error.message);
      }
      return send(res, 500, (error as Error).message);
    }
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
