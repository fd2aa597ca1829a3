import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { SloInputError } from '../errors';
import { isGenerated } from './generatedMark';

export interface OutputFile {
  /** Name inside the output directory (no path separators). */
  fileName: string;
  content: string;
}

export interface StagedWriteOptions {
  /** Checks the staged files (absolute paths) as a whole; throws to abandon the write with nothing changed. */
  validate: (stagedPaths: readonly string[]) => void;
  /** Remove files this generator wrote earlier that are not part of this batch. */
  prune: boolean;
  /** Which existing files count as earlier output of this generator (default: every file with the mark). */
  isEarlierOutput?: (fileName: string) => boolean;
}

export interface StagedWriteReport {
  dir: string;
  createdDir: boolean;
  written: string[];
  unchanged: string[];
  /** Earlier output no longer generated: removed with `prune`, otherwise kept and listed. */
  removed: string[];
  kept: string[];
}

const STAGING_PREFIX = '.hybridlens-slo-staging-';

function readIfFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function ensureDirectory(dir: string): boolean {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new SloInputError(`${dir}: is a file, expected a directory for the rule files`);
    }
    return false;
  }
  mkdirSync(dir, { recursive: true });
  return true;
}

/**
 * Writes a batch of generated files into `dir` so that a failure never loses or half-applies anything: every
 * file is staged in a hidden directory inside `dir` (same file system, so renames are atomic), the whole batch
 * is validated, and only then is each file renamed over its target. Existing files that this generator did
 * not write are never overwritten; earlier output that is no longer generated is removed only with `prune`.
 */
export function writeGeneratedFiles(
  dirPath: string,
  files: readonly OutputFile[],
  options: StagedWriteOptions
): StagedWriteReport {
  const dir = resolve(dirPath);
  const createdDir = ensureDirectory(dir);
  let staging: string | undefined;
  let swapped = false;
  try {
    const foreign = files.filter((f) => {
      const existing = readIfFile(join(dir, f.fileName));
      return existing !== undefined && !isGenerated(existing);
    });
    if (foreign.length > 0) {
      const one = foreign.length === 1;
      throw new SloInputError(
        `${dir}: ${foreign.map((f) => f.fileName).join(', ')} ${one ? 'exists and was' : 'exist and were'} not written by ` +
          'hybridlens-slo (no generated header); move it away or choose another --out. Nothing was written.'
      );
    }
    staging = mkdtempSync(join(dir, STAGING_PREFIX));
    const staged = files.map((f) => {
      const path = join(staging!, f.fileName);
      writeFileSync(path, f.content);
      return path;
    });
    options.validate(staged);

    const report: StagedWriteReport = { dir, createdDir, written: [], unchanged: [], removed: [], kept: [] };
    swapped = true;
    files.forEach((f, i) => {
      const target = join(dir, f.fileName);
      if (readIfFile(target) === f.content) {
        report.unchanged.push(target);
      } else {
        renameSync(staged[i]!, target);
        report.written.push(target);
      }
    });
    const batch = new Set(files.map((f) => f.fileName));
    const earlier = options.isEarlierOutput ?? (() => true);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (batch.has(name) || name.startsWith(STAGING_PREFIX) || !earlier(name) || !statSync(path).isFile()) {
        continue;
      }
      if (!isGenerated(readFileSync(path, 'utf8'))) {
        continue;
      }
      if (options.prune) {
        rmSync(path);
        report.removed.push(path);
      } else {
        report.kept.push(path);
      }
    }
    return report;
  } catch (error) {
    // A directory this run created holds nothing but the staging area until the swap: leave no trace.
    if (createdDir && !swapped) {
      rmSync(dir, { recursive: true, force: true });
    }
    throw error;
  } finally {
    if (staging) {
      rmSync(staging, { recursive: true, force: true });
    }
  }
}
