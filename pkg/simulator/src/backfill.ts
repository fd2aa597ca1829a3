import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createTelemetry } from '@hybridlens/instrument';
import { writeCalibrationSnapshots } from './calibrationSnapshots';
import { HybridSimulator } from './engine';
import { SimulatorUserError } from './errors';
import { checkLimit, LIMITS } from './limits';
import { OpenMetricsWriter } from './openMetricsWriter';
import { stageOutputDir } from './outputDir';
import { Rng } from './rng';
import type { Scenario } from './scenario';
import { DEFAULT_BACKFILL_SCENARIO, parseScenarioText, resolveScenario, type ScenarioInput } from './scenarioSource';
import { DEFAULT_TOPOLOGY, type Topology } from './topology';
import { TraceBudget } from './traceBudget';
import { TraceFileExporter } from './traceFileExporter';

const DAY_MS = 86_400_000;
/**
 * Scrape interval of the history. Two minutes keeps 30 days of the default topology under two minutes
 * of generation on a 2-core machine (see bench/backfill.bench.ts) and still gives two or three samples
 * per 5-minute rate window. Short backfills for tests can pass a finer step.
 */
export const DEFAULT_STEP_SECONDS = 120;
export const DEFAULT_SEED = 20261126;
export const DEFAULT_TRACES_PER_HOUR = 20;
const EARLIEST_END = Date.UTC(2000, 0, 1);
const LATEST_END = Date.UTC(2100, 0, 1);
export const SIMULATOR_VERSION = '0.1.0';

export interface BackfillOptions {
  /** Days of history (fractions allowed). */
  days: number;
  /**
   * Output directory. Created when missing; an empty one is filled; a non-empty one is refused unless
   * `replace`, which replaces it whole once the new history is complete (never a mix of two runs).
   */
  out: string;
  replace?: boolean;
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
  /** Traces kept per hour of history in traces.otlp.jsonl (default 20), plus as many failed requests' traces. */
  tracesPerHour?: number;
  topology?: Topology;
  /** Multiplies the request rate (default 1). */
  loadFactor?: number;
  /** Write calibration snapshots (default true). */
  calibration?: boolean;
  /**
   * Write only these metric families (contract metric names) to the OpenMetrics files; default all. The
   * simulation is the same; a test that imports only what its rules read saves most of the import time.
   */
  metrics?: readonly string[];
  /**
   * Hours of history per OpenMetrics file (2, 4, 6, 8, 12 or 24; default 2, one file per TSDB block, which
   * promtool imports without flags). Larger files import faster with `--max-block-duration=<hours>h`
   * (`importOpenMetrics(..., { maxBlockHours })`).
   */
  fileHours?: number;
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
  checkLimit('days', 'days', options.days);
  if (options.fileHours !== undefined && ![2, 4, 6, 8, 12, 24].includes(options.fileHours)) {
    throw new SimulatorUserError(`fileHours: ${options.fileHours} is not one of 2, 4, 6, 8, 12, 24`);
  }
  const stepSeconds = checkLimit('stepSeconds', 'stepSeconds', options.stepSeconds ?? DEFAULT_STEP_SECONDS);
  checkLimit('load', 'loadFactor', options.loadFactor ?? 1);
  const loadDays = options.days * (options.loadFactor ?? 1);
  if (loadDays > LIMITS.loadDays.max) {
    throw new SimulatorUserError(
      `days x load: ${options.days} x ${options.loadFactor ?? 1} = ${loadDays} is above ${LIMITS.loadDays.max} (a run would take hours); shorten the history or lower the load`
    );
  }
  checkLimit('tracesPerHour', 'tracesPerHour', options.tracesPerHour ?? DEFAULT_TRACES_PER_HOUR, true);
  if (options.seed !== undefined) {
    checkLimit('seed', 'seed', options.seed, true);
  }
  if (options.end !== undefined && !(options.end >= EARLIEST_END && options.end <= LATEST_END)) {
    throw new SimulatorUserError(
      `end: ${String(options.end)} is not epoch milliseconds between 2000 and 2100 (epoch seconds? multiply by 1000)`
    );
  }
  const stepMs = stepSeconds * 1000;
  const end = Math.floor((options.end ?? Date.now()) / stepMs) * stepMs;
  const start = end - Math.round((options.days * DAY_MS) / stepMs) * stepMs;
  const topology = options.topology ?? DEFAULT_TOPOLOGY;
  const clock = { origin: start, end };
  const scenario = resolveScenario(
    options.scenario ?? parseScenarioText(DEFAULT_BACKFILL_SCENARIO, 'default-backfill', clock, topology),
    clock,
    topology
  );
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;

  const output = stageOutputDir(options.out, options.replace ?? false);
  try {
    const result = await writeHistory(output.dir, { ...options, start, end, stepSeconds, topology, seed, scenario });
    output.commit();
    return {
      ...result,
      metricsFiles: result.metricsFiles.map((f) => output.finalPath(f)),
      tracesFile: output.finalPath(result.tracesFile),
      logsFile: output.finalPath(result.logsFile),
      calibrationFiles: result.calibrationFiles.map((f) => output.finalPath(f)),
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    output.abort();
    throw error;
  }
}

interface HistoryPlan extends BackfillOptions {
  start: number;
  end: number;
  stepSeconds: number;
  topology: Topology;
  seed: number;
  scenario: Scenario;
}

/** Share of ordinary requests offered a trace (errors, degraded and slow ones always are, up to the hourly cap). */
const ORDINARY_TRACE_RATIO = 0.01;
/** QPU requests are slow by nature: only really slow ones count as notable. */
const SLOW_TRACE_SECONDS = 120;

/** Resolves when a write stream has flushed and closed (or failed). */
function endStream(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
  );
}

async function writeHistory(dir: string, plan: HistoryPlan): Promise<Omit<BackfillResult, 'seconds'>> {
  const { start, end, stepSeconds, topology, seed, scenario } = plan;
  const stepMs = stepSeconds * 1000;
  const metrics = new OpenMetricsWriter(join(dir, 'metrics'), plan.metrics, (plan.fileHours ?? 2) * 3_600_000);
  const tracesFile = join(dir, 'traces.otlp.jsonl');
  const logsFile = join(dir, 'logs.jsonl');
  const traceExporter = new TraceFileExporter(tracesFile);
  const logs = createWriteStream(logsFile);
  let pendingLogs: string[] = [];
  let logLines = 0;
  let virtualNow = start;
  const root = new Rng(seed);
  const ids = root.fork('ids');
  const common = {
    serviceName: topology.serviceName,
    serviceVersion: SIMULATOR_VERSION,
    environment: 'backfill',
    now: () => virtualNow,
  };
  // Requests whose trace is kept: every span exported, their warn / error log lines written.
  const traced = createTelemetry({
    ...common,
    traceExporter,
    logSink: (line) => {
      pendingLogs.push(line);
    },
    logLevel: 'warn',
    // Seeded trace ids: the same seed writes the same traces. The plain instance's ids are never seen.
    random: () => ids.next(),
    maxQueueSize: 50_000,
    maxExportBatchSize: 50_000,
    scheduledDelayMillis: 3_600_000,
  });
  // All other requests: the same metrics registry, no span export, no log lines (they would belong to
  // traces that do not exist).
  const registry = traced.registry;
  const plain = createTelemetry({ ...common, registry, logSink: () => true, logLevel: 'error' });
  const budget = new TraceBudget(
    {
      perHour: plan.tracesPerHour ?? DEFAULT_TRACES_PER_HOUR,
      ordinaryRatio: ORDINARY_TRACE_RATIO,
      slowSeconds: SLOW_TRACE_SECONDS,
    },
    root.fork('trace-budget')
  );
  const sim = new HybridSimulator({
    telemetry: traced,
    seed,
    faults: scenario.faults,
    topology,
    ...(plan.loadFactor ? { loadFactor: plan.loadFactor } : {}),
    telemetryFor: (request, at) => (budget.keep(request, at) ? traced : plain),
    // The history's last hours hold the latest prompt release; a live run from here on agrees (modelVersions.ts).
    promptRolloutAnchor: end,
  });

  let requests = 0;
  try {
    for (let t = start; t < end; t += stepMs) {
      virtualNow = t;
      requests += sim.step(t, t + stepMs, 'virtual');
      virtualNow = t + stepMs;
      await traced.flush();
      if (pendingLogs.length > 0) {
        logLines += pendingLogs.length;
        const text = pendingLogs.join('\n') + '\n';
        pendingLogs = [];
        if (!logs.write(text)) {
          await new Promise<void>((resolve) => logs.once('drain', () => resolve()));
        }
      }
      await metrics.writeRegistry(registry, t + stepMs);
    }
  } finally {
    metrics.close();
    await traced.shutdown();
    await plain.shutdown();
    await traceExporter.shutdown();
    await endStream(logs);
  }
  const calibrationFiles =
    plan.calibration === false
      ? []
      : writeCalibrationSnapshots({
          dir: join(dir, 'calibration'),
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
    series: metrics.series,
    samples: metrics.samples,
    metricsBytes: metrics.bytes,
    traces: traceExporter.tracesWritten,
    spans: traceExporter.spansWritten,
    logLines,
  };
}
