import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';

/** A datasource answered with an HTTP error (or could not be reached: status 0). */
export class DatasourceHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly url: string
  ) {
    super(`${status === 0 ? 'unreachable' : `HTTP ${status}`}${detail ? `: ${detail}` : ''}`);
    this.name = 'DatasourceHttpError';
  }
}

function detailOf(data: unknown, fallback: string): string {
  if (typeof data === 'string') {
    return data.trim().slice(0, 300);
  }
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; error?: unknown };
    const text = d.message ?? d.error;
    if (typeof text === 'string') {
      return text.slice(0, 300);
    }
  }
  return fallback;
}

/**
 * GET a datasource's own HTTP API through Grafana's datasource proxy (`/api/datasources/proxy/uid/<uid>/...`):
 * Tempo's trace and search API, Loki's query API, Prometheus' exemplar and instant query API. Errors come back as
 * {@link DatasourceHttpError} with the service's own message, never as Grafana's error toast.
 */
export async function proxyGet<T>(uid: string, path: string, params: Record<string, string> = {}): Promise<T> {
  const url = `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/${path.replace(/^\/+/, '')}`;
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<T>({ url, params, method: 'GET', showErrorAlert: false, showSuccessAlert: false })
    );
    return response.data;
  } catch (error) {
    const e = error as { status?: number; data?: unknown; statusText?: string; message?: string };
    throw new DatasourceHttpError(e.status ?? 0, detailOf(e.data, e.statusText ?? e.message ?? ''), url);
  }
}
