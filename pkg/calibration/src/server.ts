import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { renderExposition } from './exposition';
import type { BraketLiveOptions } from './live/braketOptions';
import { fetchIbm, type IbmLiveOptions } from './live/ibm';
import { stderrLogger, type Logger } from './log';
import { CalibrationState, DirectorySource } from './store';
import type { BackendCalibration } from './model';
import { CalibrationInputError } from './errors';

/** Default snapshot directory: the simulator's generated demo snapshots (relative to the working directory). */
export const DEFAULT_SNAPSHOT_DIR = 'pkg/simulator/demo/calibration';
export const DEFAULT_PORT = 9465;
/** Provider calibrations change about daily; polling every 10 minutes is plenty and cheap on rate limits. */
export const DEFAULT_LIVE_INTERVAL_MS = 10 * 60 * 1000;

export interface ExporterOptions {
  dir?: string | null;
  port?: number;
  host?: string;
  ibm?: IbmLiveOptions | null;
  braket?: BraketLiveOptions | null;
  liveIntervalMs?: number;
  log?: Logger;
}

export interface RunningExporter {
  url: string;
  port: number;
  state: CalibrationState;
  /** Fetch live providers now (also done on start and every liveIntervalMs). */
  refreshLive(): Promise<void>;
  close(): Promise<void>;
}

/** Serve the contract's calibration metrics on /metrics. */
export async function startExporter(options: ExporterOptions = {}): Promise<RunningExporter> {
  const log = options.log ?? stderrLogger;
  const state = new CalibrationState(log);
  const directory = options.dir ? new DirectorySource(resolve(options.dir), state, log) : null;
  directory?.refresh();

  const apply = (source: string, result: { backends: BackendCalibration[]; errors: CalibrationInputError[] }) => {
    // Keep the last good calibration of a backend that failed this time.
    if (result.backends.length > 0 || result.errors.length === 0) {
      state.set(source, result.backends);
    }
    result.errors.forEach((e) => state.recordError(e));
  };
  // A live source must never take the exporter down: anything unexpected becomes an ingest error.
  const guarded = (
    source: string,
    work: () => Promise<{ backends: BackendCalibration[]; errors: CalibrationInputError[] }>
  ) =>
    work().then(
      (r) => apply(source, r),
      (e: unknown) => state.recordError(new CalibrationInputError(source, '(request)', (e as Error).message))
    );
  const refreshLive = async () => {
    await Promise.all([
      options.ibm ? guarded('live:ibm', () => fetchIbm(options.ibm!)) : undefined,
      // The AWS SDK is loaded only when Braket is configured: it costs a second of start-up otherwise.
      options.braket
        ? guarded('live:braket', () => import('./live/braket').then(({ fetchBraket }) => fetchBraket(options.braket!)))
        : undefined,
    ]);
  };
  await refreshLive();
  const timer =
    options.ibm || options.braket
      ? setInterval(() => void refreshLive(), options.liveIntervalMs ?? DEFAULT_LIVE_INTERVAL_MS)
      : null;
  timer?.unref();

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics') {
      directory?.refresh();
      const body = renderExposition(state.backends(), state.ingestErrors);
      res
        .writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
        .end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/' || path === '/-/healthy') {
      res
        .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('hybridlens-calibration exporter: see /metrics\n');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    state,
    refreshLive,
    close: () =>
      new Promise<void>((resolveClose) => {
        if (timer) {
          clearInterval(timer);
        }
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
