import { createServer, type Server } from 'node:http';

export interface OtlpReceiver {
  /** The traces endpoint; the logs endpoint is `logsUrl`. Both store into `bodies`, with the path posted to. */
  url: string;
  logsUrl: string;
  bodies: Array<{ path: string; contentType: string; body: Buffer }>;
  close(): Promise<void>;
}

/** A minimal OTLP/HTTP collector on 127.0.0.1 that keeps every request body. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: OtlpReceiver['bodies'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({
        path: String(req.url),
        contentType: String(req.headers['content-type']),
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    logsUrl: `http://127.0.0.1:${port}/v1/logs`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
