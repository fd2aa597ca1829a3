import {
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  DataSourceApi,
  type MetricFindValue,
  type ScopedVars,
  type TimeRange,
  rangeUtil,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { prometheusVariableFormat } from '../../../src/testing/prometheusFormat';
import { type LoggedQuery, logQuery } from './queryLog';
import { type PromData, promDataToFrames } from './promFrames';
import { DEFAULT_SCRAPE_INTERVAL_SECONDS, alignRange, rateIntervalSeconds, stepSeconds } from './interval';

export interface PromQueryLike extends DataQuery {
  expr?: string;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
  format?: string;
  interval?: string;
}

interface ApiResponse<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
  errorType?: string;
}

/**
 * A Prometheus datasource for the page harness: the same HTTP API calls Grafana's datasource makes
 * (through its proxy), sent straight to a real Prometheus (which answers CORS with `*`).
 */
/** `$__range`, `$__range_s` and `$__range_ms` of a time range, in whole seconds as Grafana rounds them. */
function rangeVariables(range: TimeRange): ScopedVars {
  const rangeS = Math.round((range.to.valueOf() - range.from.valueOf()) / 1000);
  return {
    __range: { text: `${rangeS}s`, value: `${rangeS}s` },
    __range_s: { text: String(rangeS), value: rangeS },
    __range_ms: { text: String(rangeS * 1000), value: rangeS * 1000 },
  };
}

export class PrometheusStandIn extends DataSourceApi<PromQueryLike> {
  readonly baseUrl: string;
  readonly scrapeSeconds: number;

  constructor(settings: DataSourceInstanceSettings, prometheusUrl: string) {
    super(settings);
    this.baseUrl = prometheusUrl.replace(/\/+$/, '');
    const timeInterval = (settings.jsonData as { timeInterval?: string }).timeInterval;
    this.scrapeSeconds = timeInterval ? rangeUtil.intervalToSeconds(timeInterval) : DEFAULT_SCRAPE_INTERVAL_SECONDS;
  }

  /**
   * POST like Grafana does (GET where Prometheus only has GET: label values); an error answer throws
   * with Prometheus' own message.
   */
  async api<T>(path: string, params: Record<string, string | string[]>, entry: LoggedQuery): Promise<T> {
    const method = path.startsWith('/api/v1/label/') ? 'GET' : 'POST';
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        body.append(key, v);
      }
    }
    logQuery(entry);
    let json: ApiResponse<T>;
    try {
      const res =
        method === 'GET'
          ? await fetch(`${this.baseUrl}${path}?${body.toString()}`)
          : await fetch(`${this.baseUrl}${path}`, { method, body });
      json = (await res.json()) as ApiResponse<T>;
    } catch (error) {
      entry.error = `Prometheus at ${this.baseUrl} unreachable: ${(error as Error).message}`;
      throw new Error(entry.error);
    }
    if (json.status !== 'success') {
      entry.error = `${json.errorType ?? 'error'}: ${json.error ?? 'unknown'}`;
      throw new Error(`Prometheus ${entry.error} (query: ${entry.expr})`);
    }
    return json.data;
  }

  private interpolate(expr: string, scopedVars: ScopedVars, range: TimeRange, stepS: number): string {
    const builtIns: ScopedVars = {
      __rate_interval: {
        text: `${rateIntervalSeconds(stepS, this.scrapeSeconds)}s`,
        value: `${rateIntervalSeconds(stepS, this.scrapeSeconds)}s`,
      },
      ...rangeVariables(range),
    };
    // Variables formatted as Grafana's Prometheus datasource formats them (regex-escaped, `(a|b)`).
    return getTemplateSrv().replace(expr, { ...scopedVars, ...builtIns }, prometheusVariableFormat);
  }

  async query(request: DataQueryRequest<PromQueryLike>): Promise<DataQueryResponse> {
    const targets = request.targets.filter((t) => !t.hide && t.expr);
    const fromS = request.range.from.valueOf() / 1000;
    const toS = request.range.to.valueOf() / 1000;
    const results = await Promise.all(
      targets.map(async (target) => {
        const step = stepSeconds(request.intervalMs, toS - fromS, target.interval, this.scrapeSeconds);
        const expr = this.interpolate(target.expr ?? '', request.scopedVars, request.range, step);
        const frameOptions = { refId: target.refId, legendFormat: target.legendFormat, format: target.format, expr };
        if (target.instant && !target.range) {
          const time = Math.floor(toS);
          const entry: LoggedQuery = { api: 'query', expr, refId: target.refId, time };
          const data = await this.api<PromData>('/api/v1/query', { query: expr, time: String(time) }, entry);
          entry.results = Array.isArray(data.result) && data.resultType === 'vector' ? data.result.length : 1;
          return promDataToFrames(data, frameOptions);
        }
        const { start, end } = alignRange(fromS, toS, step);
        const entry: LoggedQuery = { api: 'query_range', expr, refId: target.refId, start, end, step };
        const data = await this.api<PromData>(
          '/api/v1/query_range',
          { query: expr, start: String(start), end: String(end), step: String(step) },
          entry
        );
        entry.results = data.resultType === 'matrix' ? data.result.length : 1;
        return promDataToFrames(data, { ...frameOptions, stepMs: step * 1000 });
      })
    );
    return { data: results.flat() };
  }

  /** Variable queries in the Prometheus datasource's syntax: label_values, label_names, query_result, metrics. */
  async metricFindQuery(
    query: string | { query?: string },
    options?: { range?: TimeRange; scopedVars?: ScopedVars }
  ): Promise<MetricFindValue[]> {
    const raw = typeof query === 'string' ? query : (query.query ?? '');
    // As Grafana's Prometheus datasource does, variable queries know the time range's own variables.
    const scopedVars = { ...options?.scopedVars, ...(options?.range ? rangeVariables(options.range) : {}) };
    const text = getTemplateSrv().replace(raw, scopedVars, prometheusVariableFormat).trim();
    const window: Record<string, string> = options?.range
      ? {
          start: String(Math.floor(options.range.from.valueOf() / 1000)),
          end: String(Math.ceil(options.range.to.valueOf() / 1000)),
        }
      : {};
    const values = (list: string[]) => list.map((v) => ({ text: v, value: v }));

    const labelValues = /^label_values\((?:(.+),\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(text);
    if (labelValues) {
      const [, selector, label] = labelValues;
      const entry: LoggedQuery = {
        api: 'label_values',
        expr: selector ? `${selector} ${label}` : label!,
        start: Number(window.start),
        end: Number(window.end),
      };
      const params: Record<string, string | string[]> = {
        ...window,
        ...(selector ? { 'match[]': [selector.trim()] } : {}),
      };
      const data = await this.api<string[]>(`/api/v1/label/${label}/values`, params, entry);
      entry.results = data.length;
      return values(data);
    }
    if (/^label_names\(\)$/.test(text)) {
      const entry: LoggedQuery = { api: 'labels', expr: '' };
      const data = await this.api<string[]>('/api/v1/labels', window, entry);
      entry.results = data.length;
      return values(data);
    }
    const metrics = /^metrics\((.+)\)$/.exec(text);
    if (metrics) {
      const entry: LoggedQuery = { api: 'label_values', expr: `__name__ =~ ${metrics[1]}` };
      const data = await this.api<string[]>('/api/v1/label/__name__/values', window, entry);
      const pattern = new RegExp(metrics[1]!);
      entry.results = data.length;
      return values(data.filter((m) => pattern.test(m)));
    }
    const queryResult = /^query_result\((.+)\)$/.exec(text);
    const expr = queryResult ? queryResult[1]! : text;
    const entry: LoggedQuery = { api: 'query', expr };
    const data = await this.api<PromData>(
      '/api/v1/query',
      { query: expr, ...(window.end ? { time: window.end } : {}) },
      entry
    );
    if (data.resultType !== 'vector') {
      return [];
    }
    entry.results = data.result.length;
    return data.result.map((s) => {
      const { __name__: name, ...labels } = s.metric;
      const inner = Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      const textValue = `${name ?? ''}{${inner}} ${s.value?.[1] ?? ''} ${s.value?.[0] ?? ''}`;
      return { text: textValue, value: textValue };
    });
  }

  async getTagKeys(): Promise<MetricFindValue[]> {
    return this.metricFindQuery('label_names()');
  }

  async getTagValues(options: { key: string }): Promise<MetricFindValue[]> {
    return this.metricFindQuery(`label_values(${options.key})`);
  }

  async testDatasource() {
    const entry: LoggedQuery = { api: 'query', expr: '1+1' };
    await this.api<PromData>('/api/v1/query', { query: '1+1' }, entry);
    return { status: 'success', message: 'Data source is working' };
  }
}

/** Tempo, Loki, Alertmanager: not part of the harness; a query names the datasource instead of hanging. */
export class UnavailableStandIn extends DataSourceApi<DataQuery> {
  async query(request: DataQueryRequest<DataQuery>): Promise<DataQueryResponse> {
    const message = `${this.type} datasource "${this.uid}" is not served by the page harness (queries ${request.targets.map((t) => t.refId).join(', ')})`;
    logQuery({ api: this.type, expr: JSON.stringify(request.targets), error: message });
    return { data: [], errors: [{ message }] };
  }

  async testDatasource() {
    return { status: 'error', message: `${this.type} is not served by the page harness` };
  }
}
