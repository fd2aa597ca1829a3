import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { freePort } from '@hybridlens/testkit';

export interface ReceivedExport {
  path: string;
  contentType: string;
  body: Buffer;
}

export interface OtlpReceiver {
  /** Base URL, e.g. http://127.0.0.1:1234 (post to /v1/traces). */
  url: string;
  received: ReceivedExport[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A tiny OTLP/HTTP endpoint on 127.0.0.1. `accept` answers 200 with an empty
 * ExportTraceServiceResponse; `hang` takes the request and never answers.
 */
export async function startOtlpReceiver(mode: 'accept' | 'hang'): Promise<OtlpReceiver> {
  const received: ReceivedExport[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (mode === 'hang') {
      req.resume();
      return;
    }
    void readBody(req).then((raw) => {
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      received.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
