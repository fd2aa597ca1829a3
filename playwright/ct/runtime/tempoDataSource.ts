import {
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  FieldType,
  createDataFrame,
} from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { type TraceSpan, readTrace } from '@hybridlens/traces';
import { logQuery } from './queryLog';

interface TempoQueryLike extends DataQuery {
  queryType?: string;
  query?: string;
  limit?: number;
  spss?: number;
  tableType?: string;
}

/** What Grafana's Tempo datasource answers a TraceQL search with `tableType: 'raw'`: Tempo's traces as JSON text. */
function rawSearchFrame(traces: unknown) {
  return createDataFrame({
    name: 'Raw response',
    refId: 'raw',
    fields: [{ name: 'response', type: FieldType.string, values: [JSON.stringify(traces ?? [], null, 2)] }],
  });
}

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;

/** Grafana's trace frame (the fields its traces panel reads) from the spans of one trace. */
function traceFrame(refId: string, spans: readonly TraceSpan[]) {
  return createDataFrame({
    refId,
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: spans.map((s) => s.traceId) },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.spanId) },
      { name: 'parentSpanID', type: FieldType.string, values: spans.map((s) => s.parentSpanId ?? '') },
      { name: 'operationName', type: FieldType.string, values: spans.map((s) => s.name) },
      { name: 'serviceName', type: FieldType.string, values: spans.map((s) => s.serviceName) },
      { name: 'startTime', type: FieldType.number, values: spans.map((s) => s.startMs) },
      { name: 'duration', type: FieldType.number, values: spans.map((s) => s.endMs - s.startMs) },
      { name: 'statusCode', type: FieldType.string, values: spans.map((s) => s.status) },
    ],
  });
}

/**
 * The Tempo datasource's trace-id query (what Grafana's traces panel runs), answered from the Tempo stand-in's
 * own API (`/api/v2/traces/<id>`, then `/api/traces/<id>` as Grafana's Tempo datasource falls back), and its
 * TraceQL search with the raw table type (below). Other query types are not served: they fail by name.
 */
export class TempoStandIn extends DataSourceApi<TempoQueryLike> {
  private readonly baseUrl: string;

  constructor(settings: ConstructorParameters<typeof DataSourceApi>[0], tempoUrl: string) {
    super(settings);
    this.baseUrl = tempoUrl.replace(/\/+$/, '');
  }

  private async fetchTrace(traceId: string): Promise<unknown | undefined> {
    for (const path of ['api/v2/traces', 'api/traces']) {
      const res = await fetch(`${this.baseUrl}/${path}/${encodeURIComponent(traceId)}`);
      if (res.ok) {
        return res.json();
      }
      if (res.status !== 404) {
        throw new Error(`Tempo ${path}/${traceId}: HTTP ${res.status} ${await res.text()}`);
      }
    }
    return undefined;
  }

  /**
   * A TraceQL search as Grafana's Tempo datasource runs it without streaming: one `/api/search` through the
   * datasource proxy for the FIRST TraceQL query of the request only (the datasource ignores the others), with that
   * query's `limit` and `spss` and the request's range; Tempo's message as the error. Only the raw table type is
   * served (the datasource's other tables are its own transformation, not Tempo's answer).
   */
  private async search(request: DataQueryRequest<TempoQueryLike>, target: TempoQueryLike): Promise<DataQueryResponse> {
    if (target.tableType !== 'raw') {
      const message = `the Tempo stand-in answers TraceQL searches with tableType "raw" only (got ${target.tableType})`;
      logQuery({ api: 'tempo search', expr: target.query ?? '', error: message });
      return { data: [], errors: [{ message, refId: target.refId }] };
    }
    const params: Record<string, string> = {
      q: target.query ?? '',
      ...(target.limit !== undefined ? { limit: String(target.limit) } : {}),
      ...(target.spss !== undefined ? { spss: String(target.spss) } : {}),
      start: String(request.range.from.unix()),
      end: String(request.range.to.unix()),
    };
    try {
      const answer = await getBackendSrv().datasourceRequest<{ traces?: unknown[] }>({
        url: `/api/datasources/proxy/uid/${this.uid}/api/search`,
        params,
      });
      return { data: [rawSearchFrame(answer.data.traces)] };
    } catch (error) {
      const data = (error as { data?: unknown }).data;
      const message = typeof data === 'string' && data !== '' ? data : (error as Error).message;
      return { data: [], errors: [{ message, refId: target.refId }] };
    }
  }

  async query(request: DataQueryRequest<TempoQueryLike>): Promise<DataQueryResponse> {
    const searches = request.targets.filter((t) => t.queryType === 'traceql' && !TRACE_ID.test((t.query ?? '').trim()));
    if (searches.length > 0) {
      return this.search(request, searches[0]!);
    }
    const data = [];
    for (const target of request.targets) {
      const traceId = (target.query ?? '').trim();
      const entry = logQuery({ api: 'tempo trace', expr: traceId });
      if (target.queryType !== 'traceql' || !TRACE_ID.test(traceId)) {
        entry.error = `the Tempo stand-in answers trace-id queries only (got ${target.queryType}: ${traceId})`;
        return { data: [], errors: [{ message: entry.error, refId: target.refId }] };
      }
      const body = await this.fetchTrace(traceId);
      const spans =
        body === undefined
          ? []
          : (readTrace(body).traces.find((t) => t.traceId.endsWith(traceId.toLowerCase()))?.spans ?? []);
      data.push(traceFrame(target.refId, spans));
    }
    return { data };
  }

  async testDatasource() {
    const res = await fetch(`${this.baseUrl}/ready`);
    return res.ok
      ? { status: 'success', message: 'Tempo stand-in ready' }
      : { status: 'error', message: `HTTP ${res.status}` };
  }
}
