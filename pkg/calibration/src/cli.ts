import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backfill, DEFAULT_BACKFILL_HOLD_SECONDS, DEFAULT_BACKFILL_STEP_SECONDS } from './backfill';
import { CalibrationInputError } from './errors';
import { braketOptionsFromEnv } from './live/braketOptions';
import { ibmOptionsFromEnv } from './live/ibm';
import { normalizeFiles } from './normalize';
import { toOutputJson } from './output';
import { DEFAULT_LIVE_INTERVAL_MS, DEFAULT_PORT, DEFAULT_SNAPSHOT_DIR, startExporter } from './server';

const USAGE = `usage:
  hybridlens-calibration normalize FILE|DIR...
      print the normalized calibration of every backend as a JSON array
  hybridlens-calibration serve [--dir DIR] [--port ${DEFAULT_PORT}] [--host 0.0.0.0] [--live-interval 10m]
      serve /metrics from a directory of snapshots (default $HYBRIDLENS_CALIBRATION_DIR or ${DEFAULT_SNAPSHOT_DIR})
      plus IBM Quantum / Amazon Braket live when their credentials are configured (see README)
  hybridlens-calibration backfill --out FILE [--step 1h] [--hold 7d] FILE...
      write OpenMetrics history of dated snapshots of one device, for promtool tsdb create-blocks-from openmetrics`;

/** "90", "90s", "30m", "1h", "7d" → seconds. */
function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) {
    throw new CalibrationInputError(
      'command line',
      flag,
      `not a duration: ${JSON.stringify(text)} (e.g. 90s, 30m, 1h, 7d)`
    );
  }
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory()) {
        return expand(
          readdirSync(p)
            .sort()
            .map((f) => join(p, f))
        ).filter((f) => f.endsWith('.json'));
      }
    } catch {
      // let normalize report the missing file
    }
    return [p];
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'normalize') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true });
    if (positionals.length === 0) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    const { backends, errors } = normalizeFiles(expand(positionals));
    process.stdout.write(JSON.stringify(toOutputJson(backends), null, 2) + '\n');
    errors.forEach((e) => process.stderr.write(`error: ${e.message}\n`));
    return errors.length > 0 ? 1 : 0;
  }
  if (command === 'serve') {
    const { values } = parseArgs({
      args: rest,
      options: {
        dir: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'live-interval': { type: 'string' },
      },
    });
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new CalibrationInputError('command line', '--port', `not a port: ${values.port}`);
    }
    const exporter = await startExporter({
      dir: values.dir ?? process.env.HYBRIDLENS_CALIBRATION_DIR ?? DEFAULT_SNAPSHOT_DIR,
      port,
      host: values.host ?? '0.0.0.0',
      ibm: ibmOptionsFromEnv(process.env),
      braket: braketOptionsFromEnv(process.env),
      liveIntervalMs: values['live-interval']
        ? parseDuration(values['live-interval'], '--live-interval') * 1000
        : DEFAULT_LIVE_INTERVAL_MS,
    });
    process.stderr.write(`hybridlens-calibration: serving ${exporter.url}/metrics\n`);
    const stop = () => void exporter.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => undefined);
  }
  if (command === 'backfill') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string' }, step: { type: 'string' }, hold: { type: 'string' } },
    });
    if (!values.out || positionals.length === 0) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    const result = backfill({
      files: expand(positionals),
      out: values.out,
      stepSeconds: values.step ? parseDuration(values.step, '--step') : DEFAULT_BACKFILL_STEP_SECONDS,
      holdSeconds: values.hold ? parseDuration(values.hold, '--hold') : DEFAULT_BACKFILL_HOLD_SECONDS,
    });
    process.stderr.write(
      `hybridlens-calibration: ${result.snapshots.length} snapshots → ${values.out} (${result.bytes} bytes)\n`
    );
    return 0;
  }
  process.stderr.write(USAGE + '\n');
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

// exitCode, not exit(): a large JSON written to a pipe must be flushed before the process ends.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
);
