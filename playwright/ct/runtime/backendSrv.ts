import { type BackendSrv, type BackendSrvRequest, type FetchResponse, config } from '@grafana/runtime';
import { APP_ID, DATASOURCE_UID } from '@hybridlens/conventions';
import { type Observable, from } from 'rxjs';
import { PROXY_ROLE_HEADER, PROXY_UPSTREAM_HEADER } from '../standins/pluginProxyHeaders';
import { logQuery } from './queryLog';

/**
 * The few Grafana HTTP routes a page may call, answered the way Grafana would: datasource proxy and
 * resource calls go to the real Prometheus, the app's settings come from the harness. Anything else
 * fails with the URL in the message so a page that needs more is caught, not silently stubbed.
 */
export class HarnessBackendSrv implements BackendSrv {
  private appSettings: { jsonData: Record<string, unknown>; enabled: boolean; pinned: boolean };

  constructor(
    private readonly prometheusUrl: string,
    jsonData: Record<string, unknown>,
    private readonly pluginProxyUrl?: string,
    /** The Tempo and Loki stand-in (`standins/tempoLokiServer.ts`): their datasource proxy calls go there. */
    private readonly tempoLokiUrl?: string,
    /** A Prometheus with exemplar storage (the history's has none): `query_exemplars` of the Prometheus uid go there. */
    private readonly exemplarPrometheusUrl?: string
  ) {
    this.appSettings = { jsonData, enabled: true, pinned: true };
  }

  private target(url: string): string | undefined {
    const uid = DATASOURCE_UID.prometheus;
    const proxy = `/api/datasources/proxy/uid/${uid}/`;
    if (this.exemplarPrometheusUrl && url.includes(`${proxy}api/v1/query_exemplars`)) {
      return `${this.exemplarPrometheusUrl.replace(/\/+$/, '')}/${url.slice(url.indexOf(proxy) + proxy.length)}`;
    }
    for (const prefix of [`/api/datasources/proxy/uid/${uid}/`, `/api/datasources/uid/${uid}/resources/`]) {
      const at = url.indexOf(prefix);
      if (at >= 0) {
        return `${this.prometheusUrl.replace(/\/+$/, '')}/${url.slice(at + prefix.length)}`;
      }
    }
    for (const standIn of [DATASOURCE_UID.tempo, DATASOURCE_UID.loki]) {
      const prefix = `/api/datasources/proxy/uid/${standIn}/`;
      const at = url.indexOf(prefix);
      if (at >= 0 && this.tempoLokiUrl) {
        return `${this.tempoLokiUrl.replace(/\/+$/, '')}/${url.slice(at + prefix.length)}`;
      }
    }
    return undefined;
  }

  async request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return (await this.datasourceRequest<T>(options)).data;
  }

  async datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    const method = (options.method ?? 'GET').toUpperCase();
    const query = options.params ? `?${new URLSearchParams(options.params as Record<string, string>).toString()}` : '';
    const url = `${options.url}${query}`;
    if (options.url.endsWith(`/api/plugins/${APP_ID}/settings`)) {
      if (method === 'POST') {
        this.appSettings = { ...this.appSettings, ...(options.data as object) };
      }
      return this.response<T>(url, { id: APP_ID, ...this.appSettings } as T);
    }
    const proxyPrefix = `/api/plugin-proxy/${APP_ID}/`;
    if (this.pluginProxyUrl && url.startsWith(proxyPrefix)) {
      return this.pluginProxy<T>(options, method, url, url.slice(proxyPrefix.length));
    }
    const target = this.target(url);
    if (!target) {
      throw new Error(`${method} ${url} is not served by the page harness`);
    }
    const entry = logQuery({ api: `proxy ${method}`, expr: url });
    const res = await fetch(target, {
      method,
      body:
        options.data === undefined
          ? undefined
          : typeof options.data === 'string'
            ? options.data
            : JSON.stringify(options.data),
    });
    // Tempo and Loki answer errors in plain text (as the real services do): kept as the error's data.
    const text = await res.text();
    let data: T;
    try {
      data = JSON.parse(text) as T;
    } catch {
      data = text as T;
    }
    if (!res.ok) {
      entry.error = `${res.status} ${res.statusText}`;
      throw Object.assign(new Error(`${method} ${url}: ${entry.error}`), { status: res.status, data });
    }
    return this.response(url, data, res.status);
  }

  /**
   * The app's proxy routes (src/plugin.json `routes`), through the plugin-proxy stand-in: it checks the role and
   * adds the secure token, as Grafana does server-side. Only the `admin` route exists.
   */
  private async pluginProxy<T>(
    options: BackendSrvRequest,
    method: string,
    url: string,
    routeAndPath: string
  ): Promise<FetchResponse<T>> {
    const [route, ...rest] = routeAndPath.split('/');
    const upstream = route === 'admin' ? this.appSettings.jsonData.adminApiUrl : undefined;
    const res = await fetch(`${this.pluginProxyUrl}/${rest.join('/')}`, {
      method,
      headers: {
        [PROXY_UPSTREAM_HEADER]: typeof upstream === 'string' ? upstream : '',
        [PROXY_ROLE_HEADER]: String(config.bootData.user.orgRole),
        ...(options.data === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.data === undefined ? undefined : JSON.stringify(options.data),
    });
    const text = await res.text();
    let data: unknown = text;
    if (options.responseType !== 'text') {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!res.ok) {
      // Grafana's BackendSrv rejects HTTP errors with the status and the parsed body.
      throw Object.assign(new Error(`${method} ${url}: ${res.status}`), { status: res.status, data });
    }
    return this.response(url, data as T, res.status);
  }

  private response<T>(url: string, data: T, status = 200): FetchResponse<T> {
    return {
      data,
      status,
      statusText: 'OK',
      ok: status < 400,
      headers: new Headers(),
      redirected: false,
      type: 'basic',
      url,
      config: { url },
    };
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return from(this.datasourceRequest<T>(options));
  }

  get<T = unknown>(
    url: string,
    params?: Record<string, string>,
    _requestId?: string,
    options?: Partial<BackendSrvRequest>
  ): Promise<T> {
    return this.request<T>({ ...options, url, params, method: 'GET' });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }

  post<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }

  patch<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }

  put<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }

  chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
    throw new Error(`chunked ${options.url} is not served by the page harness`);
  }
}
