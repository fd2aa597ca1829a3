import { type BackendSrv, setBackendSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';

/**
 * Grafana's datasource proxy for tests: `/api/datasources/proxy/uid/<uid>/<path>` is forwarded to the real server
 * registered for that uid (a Prometheus started by the test); any other uid answers like Grafana does for an
 * unknown datasource (404). Errors carry the server's own status and body, as Grafana's fetch does.
 */
export function installDatasourceProxy(targets: Record<string, string>): void {
  const fetchThrough = (options: { url: string; params?: Record<string, string> }) =>
    new Observable<{ data: unknown; status: number }>((subscriber) => {
      const match = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.*)$/.exec(options.url);
      const base = match ? targets[decodeURIComponent(match[1]!)] : undefined;
      if (!match || !base) {
        subscriber.error({ status: 404, data: { message: 'Data source not found' } });
        return;
      }
      const url = `${base}/${match[2]}?${new URLSearchParams(options.params ?? {}).toString()}`;
      fetch(url)
        .then(async (res) => {
          const text = await res.text();
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {
            // Not JSON: the raw body is the detail.
          }
          if (!res.ok) {
            subscriber.error({ status: res.status, data });
            return;
          }
          subscriber.next({ data, status: res.status });
          subscriber.complete();
        })
        .catch((error: Error) => subscriber.error({ status: 0, message: error.message }));
    });
  setBackendSrv({ fetch: fetchThrough } as unknown as BackendSrv);
}
