/**
 * Runs in its own Node process (node --expose-gc --import tsx): the OTLP exporter loads node:http
 * with a dynamic import(), which Jest's module sandbox cannot execute, and a separate process also
 * gives clean heap figures. Prints one JSON object (ScenarioResult) on stdout.
 */
import { performance } from 'node:perf_hooks';
import { createTelemetry } from '../../src';
import { runFullRequest } from '../helpers/fullRequest';

export interface ScenarioConfig {
  otlpTracesUrl: string;
  /** Also export log records over OTLP here. */
  otlpLogsUrl?: string;
  /** Requests after the warm-up. */
  requests: number;
  warmupRequests: number;
  chunk: number;
  maxQueueSize: number;
  exportTimeoutMillis: number;
  scheduledDelayMillis: number;
  /** The event-loop probe's period (ms). */
  probeMillis: number;
}

export interface ScenarioResult {
  traceIds: string[];
  spansCreated: number;
  droppedTraces: number;
  droppedLogs: number;
  /** JSON log lines written (each is also a record for OTLP when otlpLogsUrl is set). */
  logLines: number;
  heapAfterWarmupBytes: number;
  heapAfterRunBytes: number;
  maxProbeLateMs: number;
  probeTicks: number;
  callerErrors: string[];
  unhandled: string[];
  shutdownMs: number;
  elapsedMs: number;
}

const SPANS_PER_REQUEST = 7;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with --expose-gc');
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ScenarioConfig;
  const unhandled: string[] = [];
  let logLines = 0;
  process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));
  process.on('uncaughtException', (error) => unhandled.push(String(error)));

  const telemetry = createTelemetry({
    serviceName: 'hybrid-api',
    serviceVersion: '1.2.3',
    environment: 'test',
    otlpTracesUrl: config.otlpTracesUrl,
    ...(config.otlpLogsUrl ? { otlpLogsUrl: config.otlpLogsUrl } : {}),
    maxQueueSize: config.maxQueueSize,
    exportTimeoutMillis: config.exportTimeoutMillis,
    scheduledDelayMillis: config.scheduledDelayMillis,
    logSink: () => {
      logLines++;
    },
  });

  // A timer the host relies on: how late does it fire while telemetry is failing?
  let maxProbeLateMs = 0;
  let probeTicks = 0;
  let expected = performance.now() + config.probeMillis;
  const probe = setInterval(() => {
    const now = performance.now();
    maxProbeLateMs = Math.max(maxProbeLateMs, now - expected);
    expected = now + config.probeMillis;
    probeTicks++;
  }, config.probeMillis);

  const traceIds: string[] = [];
  const callerErrors: string[] = [];
  const started = performance.now();
  let heapAfterWarmupBytes = 0;
  const total = config.warmupRequests + config.requests;
  const outcomes = ['ok', 'degraded', 'error'] as const;
  for (let i = 0; i < total; i++) {
    if (i === config.warmupRequests) {
      heapAfterWarmupBytes = heapUsed();
      // The forced GC above is the test's own pause, not the SDK's.
      await new Promise((resolve) => setTimeout(resolve, config.probeMillis * 2));
      maxProbeLateMs = 0;
    }
    try {
      const request = runFullRequest(telemetry, { outcome: outcomes[i % 3]!, start: Date.UTC(2026, 9, 1) + i * 1000 });
      if (traceIds.length < 3) {
        traceIds.push(request.traceId);
      }
    } catch (error) {
      callerErrors.push(String(error));
    }
    if (i % config.chunk === config.chunk - 1) {
      // A real service serves requests between I/O callbacks; so does this loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const lateDuringRun = maxProbeLateMs;
  const heapAfterRunBytes = heapUsed();
  const shutdownStart = performance.now();
  await telemetry.shutdown();
  const shutdownMs = performance.now() - shutdownStart;
  clearInterval(probe);
  const result: ScenarioResult = {
    traceIds,
    spansCreated: total * SPANS_PER_REQUEST,
    droppedTraces: telemetry.droppedCounts().traces,
    droppedLogs: telemetry.droppedCounts().logs,
    logLines,
    heapAfterWarmupBytes,
    heapAfterRunBytes,
    maxProbeLateMs: lateDuringRun,
    probeTicks,
    callerErrors,
    unhandled,
    shutdownMs,
    elapsedMs: performance.now() - started,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

void main();
