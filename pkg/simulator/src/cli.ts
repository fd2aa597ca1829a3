import { parseArgs } from 'node:util';
import { backfill, DEFAULT_SEED, DEFAULT_STEP_SECONDS } from './backfill';
import { ScenarioError } from './scenario';

const LIVE_DEFAULT_LOAD = 4;

const USAGE = `Usage:
  hybridlens-sim live [--port 9464] [--host 0.0.0.0] [--otlp-url URL] [--scenario FILE] [--seed N] [--load F (default 4)]
                      [--calibration-dir DIR]
  hybridlens-sim backfill --days N --out DIR [--end RFC3339|epoch-ms] [--step SECONDS] [--scenario FILE] [--seed N]
                          [--traces-per-hour N] [--load F (default 1)]

live      serves /metrics and the admin API on --port, exports OTLP traces to --otlp-url, writes JSON logs to stdout.
backfill  writes OpenMetrics history (DIR/metrics/*.om, one file per 2-hour TSDB block), a sample of traces as
          OTLP JSON (DIR/traces.otlp.jsonl), their log lines (DIR/logs.jsonl) and calibration snapshots
          (DIR/calibration). Load with:  for f in DIR/metrics/*.om; do promtool tsdb create-blocks-from openmetrics "$f" DATA; done
`;

function fail(message: string): never {
  process.stderr.write(`hybridlens-sim: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function numberOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    fail(`--${name} must be a number >= ${min} (got "${value}")`);
  }
  return n;
}

function timeOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(t)) {
    fail(`--${name} must be an RFC 3339 time or epoch milliseconds (got "${value}")`);
  }
  return t;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'otlp-url': { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        load: { type: 'string' },
        days: { type: 'string' },
        out: { type: 'string' },
        end: { type: 'string' },
        step: { type: 'string' },
        'traces-per-hour': { type: 'string' },
        'calibration-dir': { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const v = parsed.values as Record<string, string | undefined>;
  const seed = v.seed === undefined ? undefined : numberOption('seed', v.seed, DEFAULT_SEED, 0);
  // Live defaults to more traffic than a backfill so that an 8-minute fault shows clearly in the demo;
  // backfill with --load 4 to match it (30 days at load 1 is what the benchmark measures).
  const load = numberOption('load', v.load, command === 'live' ? LIVE_DEFAULT_LOAD : 1, 0);
  if (command === 'backfill') {
    if (v.days === undefined || v.out === undefined) {
      fail('backfill needs --days and --out');
    }
    const end = timeOption('end', v.end);
    const result = await backfill({
      days: numberOption('days', v.days, 1, 0.001),
      out: v.out,
      ...(seed !== undefined ? { seed } : {}),
      loadFactor: load,
      stepSeconds: numberOption('step', v.step, DEFAULT_STEP_SECONDS, 1),
      tracesPerHour: numberOption('traces-per-hour', v['traces-per-hour'], 20, 0),
      ...(v.scenario ? { scenario: v.scenario } : {}),
      ...(end !== undefined ? { end } : {}),
    });
    process.stdout.write(
      JSON.stringify({
        from: new Date(result.start).toISOString(),
        to: new Date(result.end).toISOString(),
        stepSeconds: result.stepSeconds,
        metricsFiles: result.metricsFiles.length,
        series: result.series,
        samples: result.samples,
        metricsBytes: result.metricsBytes,
        requests: result.requests,
        traces: result.traces,
        logLines: result.logLines,
        calibrationFiles: result.calibrationFiles.length,
        seconds: Number(result.seconds.toFixed(2)),
      }) + '\n'
    );
    return;
  }
  if (command === 'live') {
    const { startLive } = await import('./live');
    const live = await startLive({
      port: numberOption('port', v.port, 9464, 0),
      host: v.host ?? '0.0.0.0',
      ...(seed !== undefined ? { seed } : {}),
      loadFactor: load,
      ...(v['otlp-url'] ? { otlpTracesUrl: v['otlp-url'] } : {}),
      ...(v.scenario ? { scenario: v.scenario } : {}),
      ...(v['calibration-dir'] ? { calibrationDir: v['calibration-dir'] } : {}),
    });
    process.stderr.write(
      `hybridlens-sim live: http://${live.host}:${live.port}/metrics (admin API under /admin), started ${new Date(live.startedAt).toISOString()}\n`
    );
    const stop = () => {
      void live.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  fail(`unknown command "${command}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ScenarioError) {
    process.stderr.write(`hybridlens-sim: bad scenario: ${error.message}\n`);
  } else {
    process.stderr.write(`hybridlens-sim: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
