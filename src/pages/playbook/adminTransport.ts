import { getBackendSrv } from '@grafana/runtime';

interface FetchErrorLike {
  status?: number;
  data?: unknown;
  statusText?: string;
  message?: string;
}

const asText = (data: unknown): string =>
  typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);

function answer(status: number, text: string): Response {
  return { ok: status >= 200 && status < 300, status, text: async () => text } as Response;
}

/**
 * `fetch` over Grafana's BackendSrv, the way a plugin reaches its proxy routes (the session, the org header,
 * Grafana's own error toasts switched off: the page says what went wrong). Grafana throws on HTTP errors;
 * they come back here as answers with their status, so the admin client classifies them like any other.
 * Aborting the signal cancels the request.
 */
export const backendSrvFetch = ((url: string, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const subscription = getBackendSrv()
      .fetch<unknown>({
        url,
        method: init.method ?? 'GET',
        data: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: init.headers as Record<string, string> | undefined,
        responseType: 'text',
        showErrorAlert: false,
        showSuccessAlert: false,
      })
      .subscribe({
        next: (res) => resolve(answer(res.status, asText(res.data))),
        error: (err: FetchErrorLike) => {
          if (typeof err?.status === 'number' && err.status > 0) {
            resolve(answer(err.status, asText(err.data)));
          } else {
            reject(new Error(err?.message ?? err?.statusText ?? 'the request failed'));
          }
        },
      });
    signal?.addEventListener('abort', () => {
      subscription.unsubscribe();
      reject(new Error('aborted'));
    });
  })) as typeof fetch;
