import { request } from 'node:http';

/**
 * jsdom test environments have no fetch; @hybridlens/testkit's Prometheus helper needs one.
 * Enough of fetch for 127.0.0.1 HTTP: GET, or POST with a URLSearchParams body.
 */
export function installNodeFetch(): void {
  const g = globalThis as unknown as { fetch?: unknown };
  if (typeof g.fetch === 'function') {
    return;
  }
  g.fetch = (url: string, init: { method?: string; body?: URLSearchParams } = {}) =>
    new Promise((resolve, reject) => {
      const body = init.body ? init.body.toString() : undefined;
      const req = request(
        url,
        {
          method: init.method ?? 'GET',
          headers: body
            ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }
            : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              statusText: res.statusMessage ?? '',
              json: async () => JSON.parse(text),
              text: async () => text,
            });
          });
        }
      );
      req.on('error', reject);
      if (body) {
        req.write(body);
      }
      req.end();
    });
}
