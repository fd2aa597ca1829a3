import {
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  FieldType,
  createDataFrame,
} from '@grafana/data';
import { type TraceSpan, readTrace } from '@hybridlens/traces';
import { logQuery } from './queryLog';

interface TempoQueryLike extends DataQuery {
  queryType?: string;
  query?: string;
}

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
 * own API (`/api/v2/traces/<id>`, then `/api/traces/<id>` as Grafana's Tempo datasource falls back). Other query
 * types are not served: they fail by name.
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

  async query(request: DataQueryRequest<TempoQueryLike>): Promise<DataQueryResponse> {
    const data = [];
    for (const target of request.targets) {
      const traceId = (target.query ?? '').trim();
      const entry = logQuery({ api: 'tempo trace', expr: traceId });
      if (target.queryType !== 'traceql' || !/^[0-9a-fA-F]{1,32}$/.test(traceId)) {
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
