import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WriteReport {
  written: string[];
  unchanged: string[];
}

/** Files in `dir` whose text differs from `files` (missing ones included). */
export function staleDashboards(dir: string, files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([name, text]) => {
      const path = join(dir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text;
    })
    .map(([name]) => name);
}

/**
 * Writes every dashboard into a staging directory inside `dir` first, checks that each parses back, and only
 * then renames them into place (one atomic rename each): a failure leaves the old files as they were.
 */
export function writeDashboards(dir: string, files: ReadonlyMap<string, string>): WriteReport {
  mkdirSync(dir, { recursive: true });
  const stale = new Set(staleDashboards(dir, files));
  const staging = mkdtempSync(join(dir, '.staging-'));
  try {
    for (const [name, text] of files) {
      if (stale.has(name)) {
        writeFileSync(join(staging, name), text);
        JSON.parse(readFileSync(join(staging, name), 'utf8'));
      }
    }
    for (const name of stale) {
      renameSync(join(staging, name), join(dir, name));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { written: [...stale], unchanged: [...files.keys()].filter((name) => !stale.has(name)) };
}
