import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SimulatorUserError } from './errors';

/**
 * Where a backfill writes while it runs, and how its result replaces the output directory: nothing is ever
 * written into a directory that holds an earlier run, so a failed or interrupted backfill leaves the old
 * output untouched, and a successful one never leaves old block files beside the new ones.
 */
export interface StagedOutput {
  /** The directory to write into now. */
  readonly dir: string;
  /** The final path of a file written under `dir`. */
  finalPath(file: string): string;
  /** Move the finished output into place. */
  commit(): void;
  /** Throw away what was written. */
  abort(): void;
}

const STAGING_PREFIX = '.staging-';

function entriesOf(dir: string): string[] {
  return readdirSync(dir);
}

/**
 * Staging and retired directories of an earlier run that was killed (no exception, no cleanup): only this
 * module creates names of this form, so they are removed rather than counted as the user's files.
 */
function removeLeftovers(target: string, parent: string, name: string): void {
  if (existsSync(target) && statSync(target).isDirectory()) {
    for (const entry of entriesOf(target).filter((e) => e.startsWith(STAGING_PREFIX))) {
      rmSync(join(target, entry), { recursive: true, force: true });
    }
  }
  if (existsSync(parent)) {
    for (const entry of entriesOf(parent).filter(
      (e) => e.startsWith(`.${name}${STAGING_PREFIX}`) || e.startsWith(`.${name}.old-`)
    )) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

/** A directory `--replace` must never remove: the root, the home directory, the working directory or one of its parents. */
function isProtected(target: string): boolean {
  const cwdFromTarget = relative(target, process.cwd());
  const cwdInside = !cwdFromTarget.startsWith('..') && !isAbsolute(cwdFromTarget);
  return target === resolve(sep) || target === resolve(homedir()) || cwdInside;
}

function isMountPoint(target: string): boolean {
  return statSync(target).dev !== statSync(dirname(target)).dev;
}

/**
 * Checks `out` before any work starts and prepares a staging directory:
 * - `out` missing: build in a hidden sibling, rename it to `out` at the end;
 * - `out` an empty directory (e.g. a fresh volume mount point): build in a hidden directory inside it and move
 *   the entries up at the end;
 * - `out` not empty: refused unless `replace`; then built in a hidden sibling and swapped with the old one,
 *   which is removed only after the new output is in place.
 */
export function stageOutputDir(out: string, replace: boolean): StagedOutput {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  removeLeftovers(target, parent, name);
  let mode: 'create' | 'fill' | 'swap' = 'create';
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new SimulatorUserError(`--out ${out}: is a file, expected a directory`);
    }
    const entries = entriesOf(target);
    if (entries.length === 0) {
      mode = 'fill';
    } else if (!replace) {
      throw new SimulatorUserError(
        `--out ${out}: not empty (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')}); ` +
          'pass --replace to replace it whole, or choose a new directory'
      );
    } else if (isProtected(target)) {
      throw new SimulatorUserError(
        `--out ${out}: refusing to replace the root, the home directory or a parent of the working directory`
      );
    } else if (isMountPoint(target)) {
      throw new SimulatorUserError(
        `--out ${out}: is a mount point and cannot be swapped; write into a new directory inside it`
      );
    } else {
      mode = 'swap';
    }
  } else {
    mkdirSync(parent, { recursive: true });
  }
  const staging =
    mode === 'fill'
      ? mkdtempSync(join(target, STAGING_PREFIX))
      : mkdtempSync(join(parent, `.${name}${STAGING_PREFIX}`));
  let done = false;
  return {
    dir: staging,
    finalPath: (file) => join(target, relative(staging, file)),
    commit() {
      if (done) {
        return;
      }
      done = true;
      if (mode === 'fill') {
        for (const entry of entriesOf(staging)) {
          renameSync(join(staging, entry), join(target, entry));
        }
        rmdirSync(staging);
        return;
      }
      if (mode === 'create') {
        renameSync(staging, target);
        return;
      }
      const old = mkdtempSync(join(parent, `.${name}.old-`));
      const retired = join(old, name);
      renameSync(target, retired);
      try {
        renameSync(staging, target);
      } catch (error) {
        renameSync(retired, target);
        rmSync(old, { recursive: true, force: true });
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    },
    abort() {
      if (done) {
        return;
      }
      done = true;
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
