import { closeSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError, CliUserError, runCli, type CliIo, type CliSpec } from '@hybridlens/cli';
import { formatDuration, parseDurationOrThrow } from '@hybridlens/conventions';
import { backfill, DEFAULT_BACKFILL_MAX_SAMPLES } from './backfill';
import { CalibrationInputError } from './errors';
import { braketOptionsFromEnv } from './live/braketOptions';
import { ibmOptionsFromEnv } from './live/ibm';
import { LIVE_INTERVAL_FLOOR_MS } from './live/poller';
import { normalizeFiles } from './normalize';
import { toOutputJson } from './output';
import { driftRulesYaml } from './rules';
import { DEFAULT_PORT, DEFAULT_SNAPSHOT_DIR, startExporter } from './server';

const DAY_MS = 86_400_000;

export const CALIBRATION_CLI = {
  name: 'hybridlens-calibration',
  summary:
    'Quantum calibration snapshots (IBM, Amazon Braket, Google, IQM, Azure Quantum) normalized to one model: print it, serve it to Prometheus, or write it as history.',
  commands: {
    normalize: {
      summary: 'print the normalized calibration of every backend as a JSON array',
      positionals: { name: 'FILE|DIR', description: 'snapshot files, or directories searched for *.json', min: 1 },
      details:
        'Bad files are reported on stderr (exit 1); dropped values and resolved duplicates as warnings (exit 0).',
    },
    serve: {
      summary: 'serve /metrics from a directory of snapshots and from IBM Quantum / Amazon Braket when configured',
      flags: {
        dir: {
          type: 'string',
          placeholder: 'DIR',
          description: `snapshot directory (default $HYBRIDLENS_CALIBRATION_DIR, else ${DEFAULT_SNAPSHOT_DIR})`,
        },
        port: { type: 'port', description: 'listen port', default: DEFAULT_PORT },
        host: { type: 'string', description: 'listen address', default: '0.0.0.0' },
        'live-interval': {
          type: 'duration',
          description: 'time between polls of live provider APIs (backs off on errors and 429)',
          minMs: LIVE_INTERVAL_FLOOR_MS,
          maxMs: DAY_MS,
          default: '10m',
        },
        'max-file-size': {
          type: 'integer',
          placeholder: 'MIB',
          description: 'largest snapshot file read, in MiB (bigger files are refused unread)',
          min: 1,
          max: 1024,
          default: 32,
        },
        cadence: {
          type: 'string',
          multiple: true,
          placeholder: 'PROVIDER=DURATION',
          description: "a provider's usual calibration cadence until history shows it, e.g. ibm=24h",
        },
      },
      details:
        'Live providers: IBM_QUANTUM_BACKENDS with IBM_CLOUD_API_KEY or IBM_QUANTUM_BEARER_TOKEN; HYBRIDLENS_BRAKET_DEVICE_ARNS with AWS credentials (see README).',
    },
    backfill: {
      summary: 'write OpenMetrics history of dated snapshots, for promtool tsdb create-blocks-from openmetrics',
      flags: {
        out: { type: 'string', placeholder: 'FILE', description: 'OpenMetrics file to write', required: true },
        step: {
          type: 'duration',
          description: 'time between repeated samples of a snapshot',
          minMs: 60_000,
          maxMs: DAY_MS,
          default: '1h',
        },
        hold: {
          type: 'duration',
          description: 'how long a snapshot is repeated when no newer one of its device follows',
          minMs: 60_000,
          maxMs: 90 * DAY_MS,
          default: '7d',
        },
      },
      positionals: { name: 'FILE|DIR', description: 'snapshot files, or directories searched for *.json', min: 1 },
      details: `Snapshots of several devices are fine. A file that cannot be read, parsed or dated is reported and skipped (exit 1), the others are written. At most ${DEFAULT_BACKFILL_MAX_SAMPLES} samples.`,
    },
    rules: {
      summary: 'print (or write) the drift recording rules: each tracked series against its rolling 7-day median',
      flags: {
        out: { type: 'string', placeholder: 'FILE', description: 'write the rule file here instead of stdout' },
      },
    },
  },
} as const satisfies CliSpec;

function expand(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory()) {
        return expand(
          readdirSync(p)
            .filter((f) => !f.startsWith('.'))
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

function parseCadence(entries: readonly string[]): Map<string, number> {
  const cadence = new Map<string, number>();
  for (const entry of entries) {
    const m = /^([a-z][a-z0-9_-]*)=(.+)$/.exec(entry.trim());
    if (!m) {
      throw new CliUsageError(`--cadence: "${entry}" is not PROVIDER=DURATION (e.g. ibm=24h)`);
    }
    try {
      cadence.set(m[1]!, parseDurationOrThrow(m[2]!, '--cadence', { minMs: 3_600_000, maxMs: 30 * DAY_MS }) / 1000);
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }
  }
  return cadence;
}

/** Write a file whole or not at all. */
function writeAtomically(path: string, text: string): void {
  try {
    if (statSync(path).isDirectory()) {
      throw new CliUserError(`${path}: is a directory, expected a file`);
    }
  } catch (error) {
    if (error instanceof CliUserError) {
      throw error;
    }
  }
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    process.once('SIGINT', () => resolveSignal());
    process.once('SIGTERM', () => resolveSignal());
  });
}

export function main(argv: readonly string[], io?: CliIo): Promise<number> {
  return runCli(
    CALIBRATION_CLI,
    argv,
    {
      normalize: ({ positionals }, out) => {
        const { backends, errors, warnings } = normalizeFiles(expand(positionals));
        out.stdout(JSON.stringify(toOutputJson(backends), null, 2) + '\n');
        warnings.forEach((w) => out.stderr(`warning: ${w.message}\n`));
        errors.forEach((e) => out.stderr(`error: ${e.message}\n`));
        return errors.length > 0 ? 1 : 0;
      },
      serve: async ({ values }, out) => {
        const exporter = await startExporter({
          dir: values.dir ?? process.env.HYBRIDLENS_CALIBRATION_DIR ?? DEFAULT_SNAPSHOT_DIR,
          port: values.port,
          host: values.host,
          ibm: ibmOptionsFromEnv(process.env),
          braket: braketOptionsFromEnv(process.env),
          liveIntervalMs: values['live-interval'],
          cadenceSeconds: parseCadence(values.cadence),
          maxFileBytes: values['max-file-size'] * 1024 * 1024,
        });
        out.stderr(`hybridlens-calibration: serving ${exporter.url}/metrics\n`);
        await waitForSignal();
        await exporter.close();
        return 0;
      },
      backfill: ({ values, positionals }, out) => {
        try {
          if (statSync(values.out).isDirectory()) {
            throw new CliUserError(`--out ${values.out}: is a directory, expected a file`);
          }
        } catch (error) {
          if (error instanceof CliUserError) {
            throw error;
          }
        }
        const result = backfill({
          files: expand(positionals),
          out: values.out,
          stepSeconds: values.step / 1000,
          holdSeconds: values.hold / 1000,
        });
        result.warnings.forEach((w) => out.stderr(`warning: ${w.message}\n`));
        result.skipped.forEach((e) => out.stderr(`skipped: ${e.message}\n`));
        const devices = new Set(result.snapshots.map((s) => `${s.backend.provider}/${s.backend.backend}`)).size;
        out.stderr(
          `hybridlens-calibration: ${result.snapshots.length} snapshots of ${devices} devices → ${values.out} ` +
            `(${result.samples} samples, ${result.bytes} bytes, step ${formatDuration(values.step)}, hold ${formatDuration(values.hold)})` +
            (result.duplicates.length > 0
              ? `; ${result.duplicates.length} snapshots repeating an earlier one left out`
              : '') +
            (result.skipped.length > 0 ? `; ${result.skipped.length} skipped` : '') +
            '\n'
        );
        return result.skipped.length > 0 ? 1 : 0;
      },
      rules: ({ values }, out) => {
        const yaml = driftRulesYaml();
        if (values.out) {
          writeAtomically(values.out, yaml);
          out.stderr(`hybridlens-calibration: drift rules → ${values.out}\n`);
        } else {
          out.stdout(yaml);
        }
        return 0;
      },
    },
    { io, isUserError: (error) => error instanceof CalibrationInputError }
  );
}
