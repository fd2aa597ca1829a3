import { ADMIN_API_AUTH } from '@hybridlens/conventions';

export interface AdminResponse {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/** A small client of the admin API: JSON in and out, the bearer token when given. */
export function adminClient(baseUrl: string, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { [ADMIN_API_AUTH.header]: `${ADMIN_API_AUTH.scheme} ${token}` } : {}),
    ...extra,
  });
  const parse = async (res: Response): Promise<AdminResponse> => {
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
  return {
    async get(path: string, extra?: Record<string, string>): Promise<AdminResponse> {
      return parse(await fetch(`${baseUrl}${path}`, { headers: headers(extra) }));
    },
    async post(path: string, body: unknown, extra?: Record<string, string>): Promise<AdminResponse> {
      return parse(
        await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json', ...extra }),
          body: typeof body === 'string' ? body : JSON.stringify(body),
        })
      );
    },
  };
}

/** An Alertmanager webhook (version 4) payload. */
export function webhook(alerts: Array<{ status: 'firing' | 'resolved'; labels: Record<string, string> }>): unknown {
  return {
    version: '4',
    groupKey: '{}:{alertname="x"}',
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'simulator-mitigation',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: alerts.map((a) => ({
      ...a,
      annotations: { summary: 'test' },
      startsAt: '2026-11-26T00:00:00Z',
      endsAt: a.status === 'resolved' ? '2026-11-26T00:10:00Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: 'c0ffee',
    })),
  };
}
