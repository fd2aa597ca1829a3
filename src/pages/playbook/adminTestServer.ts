import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** jsdom has no fetch: enough of one on node:http (method, JSON body, abort) to reach the real server. */
export const nodeFetch = ((url: string, init: RequestInit = {}) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET' }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, text: async () => text });
      });
    });
    req.on('error', reject);
    init.signal?.addEventListener('abort', () => {
      req.destroy();
      reject(new Error('aborted'));
    });
    req.end(typeof init.body === 'string' ? init.body : undefined);
  })) as unknown as typeof fetch;

/** How the test server answers one request: the response, and the request's method and body. */
export type Answer = (res: import('node:http').ServerResponse, req: { method: string; body: string }) => void;

/** A real HTTP server on 127.0.0.1 answering each path (without its query) the way the test says. */
export async function serve(
  answers: Record<string, Answer>
): Promise<{ base: string; server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${body}`);
      const answer = answers[req.url ?? ''] ?? answers[(req.url ?? '').split('?')[0]!];
      if (answer) {
        answer(res, { method: req.method ?? 'GET', body });
      } else {
        res.writeHead(404).end('{"error":"no route"}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
}

export const json =
  (status: number, value: unknown): Answer =>
  (res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
