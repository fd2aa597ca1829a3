import { readFileSync } from 'node:fs';
import { type CliIo, CliUserError, PROCESS_IO, runCli } from '@hybridlens/cli';
import type { AlertName } from '@hybridlens/conventions';
import { backfill } from './backfill';
import { ADMIN_TOKEN_ENV, RESTORE_NONE, SIM_CLI } from './cliSpec';
import { isSimulatorUserError } from './errors';
import { DEFAULT_REMEDIATION_POLICY, type RemediationPolicy } from './mitigationState';

/** A shorter token is not a secret. */
const MIN_TOKEN_LENGTH = 16;

/** The admin token from --admin-token-file or the environment; never from the command line. */
export function readAdminToken(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let token: string | undefined;
  let from: string;
  if (file !== undefined) {
    from = `--admin-token-file ${file}`;
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliUserError(
        `${from}: cannot read it (${code === 'ENOENT' ? 'no such file' : (error as Error).message})`
      );
    }
  } else {
    from = ADMIN_TOKEN_ENV;
    token = env[ADMIN_TOKEN_ENV]?.trim();
    if (token === undefined) {
      return undefined;
    }
  }
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new CliUserError(
      `${from}: the token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 24)`
    );
  }
  return token;
}

function remediationPolicy(restore: readonly string[], holdMs: number): RemediationPolicy {
  if (restore.includes(RESTORE_NONE) && restore.length > 1) {
    throw new CliUserError(`--restore-on-resolve ${RESTORE_NONE} cannot be combined with alert names`);
  }
  return {
    ...DEFAULT_REMEDIATION_POLICY,
    minHoldMs: holdMs,
    ...(restore.length > 0
      ? { restoreOnResolve: new Set(restore.filter((r) => r !== RESTORE_NONE) as AlertName[]) }
      : {}),
  };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Runs one command line of hybridlens-sim; resolves to the exit code. */
export function runSimulatorCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  return runCli(
    SIM_CLI,
    argv,
    {
      async live({ values: v }, out) {
        const token = readAdminToken(v['admin-token-file']);
        const { startLive } = await import('./live');
        const live = await startLive({
          port: v.port,
          host: v.host,
          loadFactor: v.load,
          remediation: remediationPolicy(v['restore-on-resolve'], v['mitigation-hold']),
          ...(v.seed !== undefined ? { seed: v.seed } : {}),
          ...(v['otlp-url'] ? { otlpTracesUrl: v['otlp-url'] } : {}),
          ...(v['otlp-logs-url'] ? { otlpLogsUrl: v['otlp-logs-url'] } : {}),
          ...(v.scenario ? { scenario: v.scenario } : {}),
          ...(v['calibration-dir'] ? { calibrationDir: v['calibration-dir'] } : {}),
          ...(token !== undefined ? { adminToken: token } : {}),
        });
        out.stderr(
          `hybridlens-sim live: http://${live.host}:${live.port}/metrics (admin API under /admin, ${token ? 'token required' : 'no token'}), started ${new Date(live.startedAt).toISOString()}\n`
        );
        await waitForSignal();
        await live.stop();
        return 0;
      },
      async backfill({ values: v }, out) {
        const result = await backfill({
          days: v.days,
          out: v.out,
          replace: v.replace,
          stepSeconds: v.step / 1000,
          loadFactor: v.load,
          tracesPerHour: v['traces-per-hour'],
          ...(v.seed !== undefined ? { seed: v.seed } : {}),
          ...(v.scenario ? { scenario: v.scenario } : {}),
          ...(v.end !== undefined ? { end: v.end } : {}),
        });
        out.stdout(
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
        return 0;
      },
    },
    { io, isUserError: isSimulatorUserError }
  );
}
