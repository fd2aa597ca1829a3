import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './process';
import { freePort } from './prometheus';
import { findBinary } from './tools';

/** The Debian package's name for the Alertmanager binary (`apt-get install prometheus-alertmanager`). */
export const ALERTMANAGER_BINARY = 'prometheus-alertmanager';

/** One alert as Alertmanager's API v2 lists it. */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  status: { state: string };
  startsAt: string;
  endsAt: string;
}

export interface RunningAlertmanager {
  url: string;
  port: number;
  /** `GET /api/v2/alerts`: the alerts it currently holds, with their state (active, suppressed, unprocessed). */
  alerts(): Promise<AlertmanagerAlert[]>;
  /** Its log so far (logfmt lines on stderr), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface StartAlertmanagerOptions {
  /** alertmanager.yml contents. */
  config: string;
  extraArgs?: string[];
}

/**
 * Start the OS package's Alertmanager on a free 127.0.0.1 port, clustering off (no gossip port, no settle
 * wait), with its own temporary storage; wait until it is ready.
 */
export async function startAlertmanager(options: StartAlertmanagerOptions): Promise<RunningAlertmanager> {
  const bin = findBinary(ALERTMANAGER_BINARY);
  if (!bin) {
    throw new Error(`${ALERTMANAGER_BINARY} is not installed (apt-get install prometheus-alertmanager)`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'hl-am-'));
  const configFile = join(workDir, 'alertmanager.yml');
  writeFileSync(configFile, options.config);
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(workDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`alertmanager exited with ${child.exitCode}:\n${stderr}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`alertmanager not ready after 20 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    async alerts() {
      const res = await fetch(`${url}/api/v2/alerts`);
      if (!res.ok) {
        throw new Error(`alertmanager GET /api/v2/alerts: HTTP ${res.status}`);
      }
      return (await res.json()) as AlertmanagerAlert[];
    },
    log: () => stderr,
    async stop() {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
