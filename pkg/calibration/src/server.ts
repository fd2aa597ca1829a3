import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CALIBRATION_INGEST_REASON, CALIBRATION_LOG_EVENT } from '@hybridlens/conventions';
import { DirectorySource } from './directorySource';
import type { CalibrationInputError } from './errors';
import { renderGauges, renderIngestErrors, renderLastGoodAge } from './exposition';
import { DEFAULT_MAX_FILE_BYTES } from './files';
import type { BraketLiveOptions } from './live/braketOptions';
import { fetchIbm, type IbmLiveOptions, type LiveResult } from './live/ibm';
import { LIVE_INTERVAL_FLOOR_MS, Poller, type PollOutcome } from './live/poller';
import { LOG_LEVEL, stderrLogger, type Logger } from './log';
import { CalibrationState } from './state';
import { validateBackend } from './validate';

/** Default snapshot directory: the simulator's generated demo snapshots (relative to the working directory). */
export const DEFAULT_SNAPSHOT_DIR = 'pkg/simulator/demo/calibration';
export const DEFAULT_PORT = 9465;
/** Provider calibrations change about daily; polling every 10 minutes is plenty and cheap on rate limits. */
export const DEFAULT_LIVE_INTERVAL_MS = 10 * 60 * 1000;
/** The exporter takes no request bodies; anything larger than this is refused with 413. */
export const MAX_REQUEST_BODY_BYTES = 1024;
/** A refused body up to this size is read and discarded so the client gets its 413 instead of a reset. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export interface ExporterOptions {
  dir?: string | null;
  port?: number;
  host?: string;
  ibm?: IbmLiveOptions | null;
  braket?: BraketLiveOptions | null;
  /** At least {@link LIVE_INTERVAL_FLOOR_MS}. */
  liveIntervalMs?: number;
  /** Usual calibration cadence per provider (seconds), until a device's own history shows it. */
  cadenceSeconds?: ReadonlyMap<string, number>;
  maxFileBytes?: number;
  log?: Logger;
  /** Injectable clock (ms) for the snapshot-age gauge. */
  now?: () => number;
}

export interface RunningExporter {
  url: string;
  port: number;
  state: CalibrationState;
  /** Fetch live providers now (also done on start and then by each provider's poller). */
  refreshLive(): Promise<void>;
  /** The live pollers by provider, for their backoff state. */
  pollers: ReadonlyMap<string, Poller>;
  close(): Promise<void>;
}

/** Back off on what waiting can fix (429, 5xx, network); a configuration error (404, 401) slows nobody. */
function outcomeOf(errors: readonly CalibrationInputError[]): PollOutcome {
  const limited = errors.filter((e) => e.reason === CALIBRATION_INGEST_REASON.rateLimited);
  const retryAfter = limited.map((e) => e.retryAfterMs ?? 0);
  return {
    failed: errors.some((e) => e.transient),
    rateLimited: limited.length > 0,
    ...(retryAfter.length > 0 ? { retryAfterMs: Math.max(...retryAfter) } : {}),
  };
}

/** Refuse a request body over the limit with 413, after reading it so the client can read the answer. */
function refuseBody(req: IncomingMessage, res: ServerResponse, length: number | null): void {
  const answer = () => {
    if (!res.headersSent) {
      res
        .writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
        .end(`request body over ${MAX_REQUEST_BODY_BYTES} bytes: this exporter takes no request bodies\n`);
    }
  };
  if (length !== null && length > DRAIN_LIMIT_BYTES) {
    answer();
    return;
  }
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT_BYTES) {
      answer();
      req.destroy();
    }
  });
  req.on('end', answer);
}

/** Serve the contract's calibration metrics on /metrics. */
export async function startExporter(options: ExporterOptions = {}): Promise<RunningExporter> {
  const log = options.log ?? stderrLogger;
  const liveIntervalMs = options.liveIntervalMs ?? DEFAULT_LIVE_INTERVAL_MS;
  if (liveIntervalMs < LIVE_INTERVAL_FLOOR_MS) {
    throw new RangeError(
      `live interval ${liveIntervalMs} ms is below the floor of ${LIVE_INTERVAL_FLOOR_MS} ms (providers rate-limit and suspend accounts)`
    );
  }
  const state = new CalibrationState(log, options.cadenceSeconds, options.now);
  const directory = options.dir
    ? new DirectorySource(resolve(options.dir), state, log, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
    : null;
  directory?.refresh();

  // Each live backend is its own source: one failing keeps its last good calibration, the others update.
  const apply = (result: LiveResult, expectedSources: readonly string[]) => {
    for (const raw of result.backends) {
      const b = validateBackend(raw);
      state.setGood(b.source, [b]);
      for (const issue of b.issues ?? []) {
        state.count({
          source: b.source,
          reason: issue.reason,
          provider: b.provider,
          backend: b.backend,
          field: issue.field,
        });
        log(LOG_LEVEL.warn, CALIBRATION_LOG_EVENT.valueDropped, issue.message);
      }
    }
    const fresh = new Set(result.backends.map((b) => b.source));
    for (const error of result.errors) {
      if (fresh.has(error.source)) {
        state.recordError(error); // a side request failed (IBM configuration); the calibration itself is fresh
      } else if (expectedSources.includes(error.source)) {
        state.setFailed(error.source, error);
      } else {
        // A failure for the whole provider (e.g. the token exchange): counted once, every backend failing.
        state.recordError(error);
        expectedSources.forEach((s) => state.markFailing(s));
      }
    }
    return outcomeOf(result.errors);
  };
  const pollers = new Map<string, Poller>();
  const onBackoff = (provider: string) => (delayMs: number, outcome: PollOutcome) =>
    log(
      LOG_LEVEL.warn,
      CALIBRATION_LOG_EVENT.pollBackoff,
      `${provider}: ${outcome.rateLimited ? 'rate limited' : 'requests failed'}; next poll in ${Math.round(delayMs / 1000)} s`
    );
  const guard = async (work: () => Promise<LiveResult>, sources: readonly string[]): Promise<PollOutcome> =>
    apply(await work(), sources);
  if (options.ibm) {
    const ibm = options.ibm;
    pollers.set(
      'ibm',
      new Poller(
        () =>
          guard(
            () => fetchIbm(ibm),
            ibm.backends.map((name) => `ibm:${name}`)
          ),
        { intervalMs: liveIntervalMs },
        onBackoff('ibm')
      )
    );
  }
  if (options.braket) {
    const braket = options.braket;
    pollers.set(
      'braket',
      new Poller(
        () =>
          guard(
            // The AWS SDK is loaded only when Braket is configured: it costs a second of start-up otherwise.
            () => import('./live/braket').then(({ fetchBraket }) => fetchBraket(braket)),
            braket.deviceArns.map((arn) => `braket:${arn}`)
          ),
        { intervalMs: liveIntervalMs },
        onBackoff('braket')
      )
    );
  }
  const refreshLive = async () => {
    await Promise.all([...pollers.values()].map((p) => p.runNow()));
  };
  await refreshLive();

  let gauges: { version: number; text: string } | null = null;
  const metrics = () => {
    directory?.refresh();
    if (gauges?.version !== state.version) {
      const lines = renderGauges(state.backends(), (b) => ({ expectedIntervalSeconds: state.expectedInterval(b) }));
      gauges = { version: state.version, text: lines.join('\n') };
    }
    const dynamic = [...renderLastGoodAge(state.lastGoodAges()), ...renderIngestErrors(state.ingestErrors())];
    return (gauges.text ? gauges.text + '\n' : '') + dynamic.join('\n') + '\n';
  };

  const server: Server = createServer((req, res) => {
    const length = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if ((length !== null && length > MAX_REQUEST_BODY_BYTES) || req.headers['transfer-encoding'] !== undefined) {
      let seen = 0;
      let refused = length !== null && length > MAX_REQUEST_BODY_BYTES;
      if (refused) {
        refuseBody(req, res, length);
        return;
      }
      // A chunked body: refuse it once it passes the limit, otherwise treat the request as usual.
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (!refused && seen > MAX_REQUEST_BODY_BYTES) {
          refused = true;
          refuseBody(req, res, null);
        }
      });
      req.on('end', () => {
        if (!refused) {
          route(req, res);
        }
      });
      return;
    }
    req.resume();
    route(req, res);
  });

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    if (path === '/metrics') {
      const body = metrics();
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
  };

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    pollers.forEach((p) => p.stop());
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    state,
    refreshLive,
    pollers,
    close: () =>
      new Promise<void>((resolveClose) => {
        pollers.forEach((p) => p.stop());
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
