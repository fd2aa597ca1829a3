import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs hybridlens-slo in-process with captured output. */
export async function runSlo(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

/** Every entry of a directory with its content (directories marked), to prove a run changed nothing. */
export function snapshot(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return [name, statSync(path).isDirectory() ? '<dir>' : readFileSync(path, 'utf8')];
    });
}

export function tempDir(prefix = 'hl-slo-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
