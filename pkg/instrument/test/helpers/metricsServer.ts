import { createServer, type Server } from 'node:http';
import { freePort } from '@hybridlens/testkit';
import type { HybridTelemetry } from '../../src';

export interface MetricsServer {
  /** host:port, for a scrape config's static target. */
  target: string;
  /** Scrapes answered so far. */
  scrapes(): number;
  close(): Promise<void>;
}

/** Serves the SDK registry on /metrics of 127.0.0.1, as a service would (its own content type). */
export async function serveMetrics(telemetry: HybridTelemetry): Promise<MetricsServer> {
  let scrapes = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void telemetry.registry.metrics().then((body) => {
      scrapes++;
      res.writeHead(200, { 'content-type': telemetry.registry.contentType });
      res.end(body);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    target: `127.0.0.1:${port}`,
    scrapes: () => scrapes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
