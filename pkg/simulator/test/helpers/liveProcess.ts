import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { stopChild } from '@hybridlens/testkit';

const BIN = resolve(__dirname, '../../bin/hybridlens-sim.mjs');

export interface LiveProcess {
  url: string;
  stdoutLines: string[];
  stderr(): string;
  /** SIGTERM (the CLI flushes its spans and exits), then wait for the exit. */
  stop(): Promise<void>;
}

/** Start `hybridlens-sim live` as a real child process and wait until /metrics answers. */
export async function startLiveProcess(args: string[], port: number): Promise<LiveProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, 'live', '--host', '127.0.0.1', '--port', String(port), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  const stdoutLines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    stdoutLines.push(...lines.filter(Boolean));
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`hybridlens-sim live exited with ${child.exitCode}:\n${stderr}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hybridlens-sim live not ready after 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stdoutLines,
    stderr: () => stderr,
    stop: () => stopChild(child, 10_000),
  };
}
