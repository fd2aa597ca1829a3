import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ADMIN_API_PATH, MITIGATION_LOG_EVENT } from '@hybridlens/conventions';
import { createTelemetry, type HybridTelemetry, type SpanExporter } from '@hybridlens/instrument';
import { AdminInputError, applyMitigation, handleAlertmanagerWebhook, parseMitigationRequest } from './admin';
import { DEFAULT_SEED, SIMULATOR_VERSION } from './backfill';
import { writeCalibrationSnapshots } from './calibrationSnapshots';
import { HybridSimulator } from './engine';
import { activeFlagNames } from './flags';
import { DEFAULT_LIVE_SCENARIO, parseScenarioText, resolveScenario, type ScenarioInput } from './scenarioSource';
import { DEFAULT_TOPOLOGY, type Topology } from './topology';

export interface LiveOptions {
  port: number;
  /** Default 127.0.0.1; the CLI binds 0.0.0.0 for docker compose. */
  host?: string;
  seed?: number;
  /** Relative times count from the start of the run. Default: the built-in cycling schedule. */
  scenario?: ScenarioInput;
  otlpTracesUrl?: string;
  /** An in-process span exporter instead of OTLP (tests). */
  traceExporter?: SpanExporter;
  /** Where JSON log lines go; default stdout. */
  logSink?: (line: string) => void | boolean;
  /** How often the world advances (ms); default 1000. */
  tickMillis?: number;
  loadFactor?: number;
  topology?: Topology;
  /**
   * Keep calibration snapshots (providers' own formats) up to date in this directory for the
   * calibration exporter: a week of dated ones at start, the latest rewritten every minute, so a
   * calibration_corrupt fault shows up there too.
   */
  calibrationDir?: string;
}

export interface LiveSimulator {
  /** Epoch ms the run started: relative scenario times count from here. */
  startedAt: number;
  host: string;
  port: number;
  url: string;
  simulator: HybridSimulator;
  telemetry: HybridTelemetry;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AdminInputError('(body)', `larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? undefined : JSON.parse(text));
      } catch (error) {
        reject(new AdminInputError('(body)', `not valid JSON (${(error as Error).message})`));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * The live service: advances the simulated world every tick in real time, serves /metrics, exports
 * traces over OTLP/HTTP, writes JSON logs, and offers the admin API (feature flags, Alertmanager).
 */
export async function startLive(options: LiveOptions): Promise<LiveSimulator> {
  const topology = options.topology ?? DEFAULT_TOPOLOGY;
  const startedAt = Date.now();
  const scenario = resolveScenario(
    options.scenario ?? parseScenarioText(DEFAULT_LIVE_SCENARIO, 'default-live', startedAt, topology),
    startedAt,
    topology
  );
  const telemetry = createTelemetry({
    serviceName: topology.serviceName,
    serviceVersion: SIMULATOR_VERSION,
    environment: 'demo',
    ...(options.otlpTracesUrl ? { otlpTracesUrl: options.otlpTracesUrl } : {}),
    ...(options.traceExporter ? { traceExporter: options.traceExporter, scheduledDelayMillis: 100 } : {}),
    ...(options.logSink ? { logSink: options.logSink } : {}),
  });
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const simulator = new HybridSimulator({
    telemetry,
    seed,
    faults: scenario.faults,
    topology,
    ...(options.loadFactor !== undefined ? { loadFactor: options.loadFactor } : {}),
  });
  const writeCalibration = (days: number) => {
    if (!options.calibrationDir) {
      return;
    }
    const now = Date.now();
    try {
      writeCalibrationSnapshots({
        dir: options.calibrationDir,
        topology,
        seed,
        start: now - days * 86_400_000,
        end: now,
        faults: simulator.faults,
      });
    } catch (error) {
      telemetry.log({
        level: 'error',
        event: 'calibration_snapshot_failed',
        message: `could not write calibration snapshots: ${(error as Error).message}`,
      });
    }
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      try {
        if (req.method === 'GET' && path === '/metrics') {
          send(res, 200, await telemetry.registry.metrics(), telemetry.registry.contentType);
        } else if (req.method === 'GET' && (path === '/healthz' || path === '/-/ready')) {
          send(res, 200, 'ok\n', 'text/plain');
        } else if (req.method === 'GET' && path === ADMIN_API_PATH.flags) {
          send(res, 200, {
            flags: activeFlagNames(simulator.flags),
            faults: simulator.faults
              .activeAt(Date.now())
              .map((f) => ({ kind: f.kind, provider: f.provider, backend: f.backend, model: f.model })),
          });
        } else if (req.method === 'POST' && path === ADMIN_API_PATH.actions) {
          const request = parseMitigationRequest(await readBody(req), topology);
          send(res, 200, { flags: applyMitigation(simulator.flags, request, telemetry) });
        } else if (req.method === 'POST' && path === ADMIN_API_PATH.alertmanager) {
          const outcome = handleAlertmanagerWebhook(await readBody(req), simulator.flags, topology, telemetry);
          send(res, 200, { ...outcome, flags: activeFlagNames(simulator.flags) });
        } else {
          send(res, 404, { error: `no route ${req.method} ${path}` });
        }
      } catch (error) {
        if (error instanceof AdminInputError) {
          telemetry.log({
            level: 'warn',
            event: MITIGATION_LOG_EVENT.rejected,
            message: `admin request ${path} refused: ${error.message}`,
          });
          send(res, 400, { error: error.message, field: error.field });
        } else {
          send(res, 500, { error: (error as Error).message });
        }
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  // Timers start only once the port is ours: a failed listen must not leave the process running.
  writeCalibration(7);
  const calibrationTimer = options.calibrationDir ? setInterval(() => writeCalibration(0), 60_000) : undefined;
  const tick = options.tickMillis ?? 1000;
  let last = startedAt;
  const timer = setInterval(() => {
    const now = Date.now();
    try {
      simulator.step(last, now, 'live');
    } catch (error) {
      telemetry.log({
        level: 'error',
        event: 'simulator_step_failed',
        message: `simulation step failed: ${(error as Error).message}`,
      });
    }
    last = now;
  }, tick);

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    startedAt,
    host,
    port,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    simulator,
    telemetry,
    async stop() {
      clearInterval(timer);
      clearInterval(calibrationTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await telemetry.shutdown();
    },
  };
}
