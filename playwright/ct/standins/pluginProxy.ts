import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_API_AUTH } from '@hybridlens/conventions';

import { PROXY_ROLE_HEADER, PROXY_UPSTREAM_HEADER } from './pluginProxyHeaders';

const EDITOR_ROLES = new Set(['Editor', 'Admin']);
const UPSTREAM_TIMEOUT_MS = 30_000;

export interface PluginProxyStandIn {
  url: string;
  /** Requests forwarded upstream so far (method and path), for tests that check nothing was sent. */
  forwarded: string[];
  stop(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Grafana's plugin proxy for the app's `admin` route (src/plugin.json), as the page harness needs it: only
 * Editors and Admins pass (403 otherwise, as `reqRole: Editor` does), the bearer token from the app's secure
 * settings is added here and never reaches the browser, and an upstream that does not answer is a 502 with
 * Grafana's "Bad Gateway". CORS lets the harness page (another port) call it.
 */
export async function startPluginProxy(token: string): Promise<PluginProxyStandIn> {
  const forwarded: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': `content-type, ${PROXY_UPSTREAM_HEADER}, ${PROXY_ROLE_HEADER}`,
        });
        res.end();
        return;
      }
      const role = String(req.headers[PROXY_ROLE_HEADER] ?? '');
      if (!EDITOR_ROLES.has(role)) {
        send(res, 403, { message: 'plugin proxy route access denied' });
        return;
      }
      const upstream = String(req.headers[PROXY_UPSTREAM_HEADER] ?? '');
      if (!/^https?:\/\//.test(upstream)) {
        send(res, 502, { message: 'Bad Gateway' });
        return;
      }
      const body = await readBody(req);
      forwarded.push(`${req.method} ${req.url}`);
      try {
        const answer = await fetch(`${upstream.replace(/\/+$/, '')}${req.url ?? '/'}`, {
          method: req.method,
          headers: {
            [ADMIN_API_AUTH.header]: `${ADMIN_API_AUTH.scheme} ${token}`,
            ...(body.length > 0 ? { 'content-type': 'application/json' } : {}),
          },
          body: body.length > 0 ? body.toString('utf8') : undefined,
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        });
        const text = await answer.text();
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
        });
        res.end(text);
      } catch {
        send(res, 502, { message: 'Bad Gateway' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
