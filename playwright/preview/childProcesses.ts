import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const PKG = resolve(__dirname, '../../pkg');

export interface ToolProcess {
  name: string;
  child: ChildProcess;
  /** The last lines it wrote on stderr, for an error message. */
  stderr: () => string;
}

/** Runs one of the repository's CLIs (`pkg/<dir>/bin/<bin>.mjs`) with node; its stdout (JSON logs) is dropped. */
export function startTool(name: string, pkgDir: string, bin: string, args: string[]): ToolProcess {
  const child = spawn(process.execPath, [join(PKG, pkgDir, 'bin', `${bin}.mjs`), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return { name, child, stderr: () => stderr.trim() };
}

/** Waits until `url` answers 200, failing when the process exits first or after `timeoutMs`. */
export async function waitForHttp(tool: ToolProcess, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tool.child.exitCode !== null || tool.child.signalCode !== null) {
      throw new Error(`${tool.name} exited (${tool.child.exitCode ?? tool.child.signalCode}): ${tool.stderr()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${tool.name} did not answer ${url} within ${timeoutMs / 1000} s: ${tool.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
