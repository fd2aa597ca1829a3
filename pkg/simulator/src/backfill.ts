import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_FIELD } from '@hybridlens/conventions';
import { createTelemetry } from '@hybridlens/instrument';
import { writeCalibrationSnapshots } from './calibrationSnapshots';
import { HybridSimulator } from './engine';
import { OpenMetricsWriter } from './openMetricsWriter';
import { Rng } from './rng';
import { DEFAULT_BACKFILL_SCENARIO, parseScenarioText, resolveScenario, type ScenarioInput } from './scenarioSource';
import { DEFAULT_TOPOLOGY, type Topology } from './topology';
import { TraceFileExporter } from './traceFileExporter';

const DAY_MS = 86_400_000;
/**
 * Scrape interval of the history. Two minutes keeps 30 days of the default topology under two minutes
 * of generation on a 2-core machine (see bench/backfill.bench.ts) and still gives two or three samples
 * per 5-minute rate window. Short backfills for tests can pass a finer step.
 */
export const DEFAULT_STEP_SECONDS = 120;
export const DEFAULT_SEED = 20261126;
export const SIMULATOR_VERSION = '0.1.0';

export interface BackfillOptions {
  /** Days of history (fractions allowed). */
  days: number;
  /** Output directory (created). */
  out: string;
  seed?: number;
  /**
   * Fault schedule: a path to a YAML/JSON scenario file, the text of one, or parsed faults. Relative
   * times count from the start of the history. Default: a built-in schedule of the playbook faults.
   */
  scenario?: ScenarioInput;
  /** End of the history (epoch ms); default now. Rounded down to the step. */
  end?: number;
  /** Scrape interval of the history (default 60 s). */
  stepSeconds?: number;
  /** Traces kept per hour of history in traces.otlp.jsonl (default 20; errors compete with the rest). */
  tracesPerHour?: number;
  topology?: Topology;
  /** Multiplies the request rate (default 1). */
  loadFactor?: number;
  /** Write calibration snapshots (default true). */
  calibration?: boolean;
}

export interface BackfillResult {
  start: number;
  end: number;
  stepSeconds: number;
  /** OpenMetrics files, one per 2-hour TSDB block, in time order. */
  metricsFiles: string[];
  tracesFile: string;
  logsFile: string;
  calibrationFiles: string[];
  requests: number;
  series: number;
  samples: number;
  metricsBytes: number;
  traces: number;
  spans: number;
  logLines: number;
  seconds: number;
}

/**
 * Write `days` of history ending at `end`: OpenMetrics (for promtool), a sample of traces as OTLP JSON,
 * the matching JSON log lines, and calibration snapshots. Streams everything: memory stays flat.
 */
export async function backfill(options: BackfillOptions): Promise<BackfillResult> {
  const started = performance.now();
  if (!(options.days > 0)) {
    throw new Error(`backfill: days must be a positive number (got ${options.days})`);
  }
  const stepSeconds = options.stepSeconds ?? DEFAULT_STEP_SECONDS;
  if (!(stepSeconds >= 1)) {
    throw new Error(`backfill: stepSeconds must be at least 1 (got ${stepSeconds})`);
  }
  const stepMs = stepSeconds * 1000;
  const end = Math.floor((options.end ?? Date.now()) / stepMs) * stepMs;
  const start = end - Math.round((options.days * DAY_MS) / stepMs) * stepMs;
  const topology = options.topology ?? DEFAULT_TOPOLOGY;
  const scenario = resolveScenario(
    options.scenario ?? parseScenarioText(DEFAULT_BACKFILL_SCENARIO, 'default-backfill', start, topology),
    start,
    topology
  );
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;

  mkdirSync(options.out, { recursive: true });
  const metrics = new OpenMetricsWriter(join(options.out, 'metrics'));
  const tracesFile = join(options.out, 'traces.otlp.jsonl');
  const logsFile = join(options.out, 'logs.jsonl');
  const traceExporter = new TraceFileExporter(tracesFile, options.tracesPerHour ?? 20);
  const logs = createWriteStream(logsFile);
  let pendingLogs: string[] = [];
  let logLines = 0;
  let virtualNow = start;
  const ids = new Rng(seed).fork('ids');
  const telemetry = createTelemetry({
    serviceName: topology.serviceName,
    serviceVersion: SIMULATOR_VERSION,
    environment: 'backfill',
    traceExporter,
    logSink: (line) => {
      pendingLogs.push(line);
    },
    // warn and error lines only: the ordinary info lines of every request would cost more than they show.
    logLevel: 'warn',
    now: () => virtualNow,
    // Keep few ordinary traces; errors and degraded requests are always offered to the file exporter,
    // which caps them per hour. QPU requests are slow by nature: only really slow ones count as slow.
    sampling: { ratio: 0.01, slowRequestSeconds: 120 },
    maxQueueSize: 50_000,
    maxExportBatchSize: 50_000,
    scheduledDelayMillis: 3_600_000,
    random: () => ids.next(),
  });
  const sim = new HybridSimulator({
    telemetry,
    seed,
    faults: scenario.faults,
    topology,
    ...(options.loadFactor ? { loadFactor: options.loadFactor } : {}),
  });

  let requests = 0;
  const traceIdField = `"${LOG_FIELD.traceId}":"`;
  for (let t = start; t < end; t += stepMs) {
    virtualNow = t;
    requests += sim.step(t, t + stepMs, 'virtual');
    virtualNow = t + stepMs;
    await telemetry.flush();
    // Keep the log lines of the traces that were written, and lines outside any request.
    const kept: string[] = [];
    for (const line of pendingLogs) {
      const at = line.indexOf(traceIdField);
      if (at < 0 || traceExporter.isKept(line.slice(at + traceIdField.length, at + traceIdField.length + 32))) {
        kept.push(line);
      }
    }
    pendingLogs = [];
    if (kept.length > 0) {
      logLines += kept.length;
      if (!logs.write(kept.join('\n') + '\n')) {
        await new Promise<void>((resolve) => logs.once('drain', () => resolve()));
      }
    }
    traceExporter.forgetDecisions();
    metrics.writeScrape(await telemetry.registry.metrics(), t + stepMs);
  }
  metrics.close();
  await telemetry.shutdown();
  await traceExporter.shutdown();
  await new Promise<void>((resolve, reject) => logs.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const calibrationFiles =
    options.calibration === false
      ? []
      : writeCalibrationSnapshots({
          dir: join(options.out, 'calibration'),
          topology,
          seed,
          start,
          end,
          faults: sim.faults,
        });
  return {
    start,
    end,
    stepSeconds,
    metricsFiles: metrics.files,
    tracesFile,
    logsFile,
    calibrationFiles,
    requests,
    series: metrics.seriesSeen.size,
    samples: metrics.samples,
    metricsBytes: metrics.bytes,
    traces: traceExporter.tracesWritten,
    spans: traceExporter.spansWritten,
    logLines,
    seconds: (performance.now() - started) / 1000,
  };
}
