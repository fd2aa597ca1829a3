import { createServer, type Server } from 'node:http';
import { createTelemetry, type HybridTelemetry, type SpanExporter } from '@hybridlens/instrument';
import { AdminApi } from './adminApi';
import { DEFAULT_SEED, SIMULATOR_VERSION } from './backfill';
import { writeCalibrationSnapshots } from './calibrationSnapshots';
import { HybridSimulator } from './engine';
import { checkLimit } from './limits';
import { sendJson, sendText } from './http';
import { DEFAULT_REMEDIATION_POLICY, MitigationState, type RemediationPolicy } from './mitigationState';
import { DEFAULT_LIVE_SCENARIO, parseScenarioText, resolveScenario, type ScenarioInput } from './scenarioSource';
import { DEFAULT_TOPOLOGY, type Topology } from './topology';

export interface LiveOptions {
  port: number;
  /** Default 127.0.0.1: the admin API can disable providers, so it is not reachable from elsewhere unless asked. */
  host?: string;
  seed?: number;
  /** Relative times count from the start of the run. Default: the built-in cycling schedule. */
  scenario?: ScenarioInput;
  otlpTracesUrl?: string;
  /** OTLP/HTTP logs endpoint: log records also go there (Loki's native OTLP ingestion), besides stdout. */
  otlpLogsUrl?: string;
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
   * calibration_corrupt fault shows up there too. Files are replaced atomically.
   */
  calibrationDir?: string;
  /** Bearer token the admin API requires (ADMIN_API_AUTH); none = no authentication. */
  adminToken?: string;
  /** How alert-driven mitigations behave (restore on resolve, hold-down, rate limit). */
  remediation?: RemediationPolicy;
}

export interface LiveSimulator {
  /** Epoch ms the run started: relative scenario times count from here. */
  startedAt: number;
  host: string;
  port: number;
  url: string;
  simulator: HybridSimulator;
  telemetry: HybridTelemetry;
  admin: AdminApi;
  stop(): Promise<void>;
}

/**
 * The live service: advances the simulated world every tick in real time, serves /metrics, exports
 * traces over OTLP/HTTP, writes JSON logs, and offers the admin API (feature flags, Alertmanager).
 */
export async function startLive(options: LiveOptions): Promise<LiveSimulator> {
  const topology = options.topology ?? DEFAULT_TOPOLOGY;
  if (options.loadFactor !== undefined) {
    checkLimit('load', 'loadFactor', options.loadFactor);
  }
  if (options.seed !== undefined) {
    checkLimit('seed', 'seed', options.seed, true);
  }
  const startedAt = Date.now();
  const clock = { origin: startedAt };
  const scenario = resolveScenario(
    options.scenario ?? parseScenarioText(DEFAULT_LIVE_SCENARIO, 'default-live', clock, topology),
    clock,
    topology
  );
  const telemetry = createTelemetry({
    serviceName: topology.serviceName,
    serviceVersion: SIMULATOR_VERSION,
    environment: 'demo',
    // OpenMetrics on /metrics: the only exposition that carries the trace-id exemplars of kept requests.
    openMetrics: true,
    ...(options.otlpTracesUrl ? { otlpTracesUrl: options.otlpTracesUrl } : {}),
    ...(options.otlpLogsUrl ? { otlpLogsUrl: options.otlpLogsUrl } : {}),
    ...(options.traceExporter ? { traceExporter: options.traceExporter, scheduledDelayMillis: 100 } : {}),
    ...(options.logSink ? { logSink: options.logSink } : {}),
  });
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const mitigations = new MitigationState(options.remediation ?? DEFAULT_REMEDIATION_POLICY);
  const simulator = new HybridSimulator({
    telemetry,
    seed,
    faults: scenario.faults,
    topology,
    flags: mitigations.flags,
    // The run's start, as a backfill up to now anchors at its end (modelVersions.ts).
    promptRolloutAnchor: startedAt,
    ...(options.loadFactor !== undefined ? { loadFactor: options.loadFactor } : {}),
  });
  const admin = new AdminApi({
    topology,
    state: mitigations,
    telemetry,
    ...(options.adminToken !== undefined ? { token: options.adminToken } : {}),
    activeFaults: () =>
      simulator.faults
        .activeAt(Date.now())
        .map((f) => ({ kind: f.kind, provider: f.provider, backend: f.backend, model: f.model })),
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
    const path = (req.url ?? '/').split('?')[0]!;
    void (async () => {
      try {
        if (path.startsWith('/admin/') || path === '/admin') {
          await admin.handle(req, res, path);
        } else if (req.method === 'GET' && path === '/metrics') {
          sendText(res, 200, await telemetry.registry.metrics(), telemetry.registry.contentType);
        } else if (req.method === 'GET' && (path === '/healthz' || path === '/-/ready')) {
          sendText(res, 200, 'ok\n', 'text/plain');
        } else {
          sendJson(res, 404, { error: `no route ${req.method ?? ''} ${path}` });
        }
      } catch (error) {
        sendJson(res, 500, { error: (error as Error).message });
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
      admin.tick();
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
    admin,
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
