import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CALIBRATION_INGEST_REASON, CALIBRATION_LOG_EVENT } from '@hybridlens/conventions';
import { CalibrationInputError } from './errors';
import { DEFAULT_MAX_FILE_BYTES, readSnapshotFile } from './files';
import { LOG_LEVEL, type Logger } from './log';
import { normalizeTexts } from './normalize';
import type { CalibrationState } from './state';

/**
 * Snapshot files under a directory, recursively: `*.json`, skipping hidden names (`.x.json.tmp`, editors' swap
 * files, writers' temporary files before their rename). Symbolic links to files are followed, to directories not
 * (no loops).
 */
function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listJsonFiles(path));
    } else if (entry.name.endsWith('.json') && (entry.isFile() || entry.isSymbolicLink())) {
      out.push(path);
    }
  }
  return out.sort();
}

const NO_DIRECTORY_HINT =
  'no such directory: pass --dir with your snapshot dumps, or make demo snapshots with `npx hybridlens-sim live --calibration-dir DIR` or `npx hybridlens-sim backfill --days 1 --out DIR` (snapshots in DIR/calibration)';

/**
 * A directory of snapshot files. Each refresh lists it and stats every file; only a file whose size, mtime or
 * inode changed is read again, so an unchanged bad or huge file costs one stat per refresh, whatever it holds.
 * A file that fails to read keeps its last good backends served (and is counted once per version); a removed
 * file stops being served.
 */
export class DirectorySource {
  private readonly signatures = new Map<string, string>();
  private directoryProblem: string | null = null;

  constructor(
    readonly dir: string,
    private readonly state: CalibrationState,
    private readonly log: Logger,
    private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES
  ) {}

  /** Re-read what changed; returns the number of files read. */
  refresh(): number {
    let files: string[];
    try {
      files = listJsonFiles(this.dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      if (code !== this.directoryProblem) {
        this.directoryProblem = code;
        // An unreadable directory is a failure, not a deletion: every file keeps its last good snapshot.
        for (const source of this.signatures.keys()) {
          this.state.markFailing(source);
        }
        this.state.recordError(
          new CalibrationInputError(
            this.dir,
            '(directory)',
            code === 'ENOENT' ? NO_DIRECTORY_HINT : code,
            CALIBRATION_INGEST_REASON.unreadable
          )
        );
      }
      return 0;
    }
    this.directoryProblem = null;
    const present = new Set<string>();
    let read = 0;
    for (const path of files) {
      const source = relative(this.dir, path);
      let signature: string;
      try {
        const st = statSync(path);
        signature = `${st.size}:${st.mtimeMs}:${st.ino}`;
      } catch {
        continue; // removed between listing and stat: handled as removed below
      }
      present.add(source);
      if (this.signatures.get(source) === signature) {
        continue;
      }
      this.signatures.set(source, signature);
      read++;
      this.load(path, source);
    }
    for (const source of [...this.signatures.keys()]) {
      if (!present.has(source)) {
        this.signatures.delete(source);
        this.state.remove(source);
      }
    }
    if (read > 0) {
      this.log(
        LOG_LEVEL.info,
        CALIBRATION_LOG_EVENT.sourceLoaded,
        `${this.dir}: read ${read} of ${files.length} files`
      );
    }
    return read;
  }

  private load(path: string, source: string): void {
    let text: string;
    try {
      text = readSnapshotFile(path, source, this.maxFileBytes);
    } catch (e) {
      this.state.setFailed(source, e as CalibrationInputError);
      return;
    }
    const result = normalizeTexts([{ source, text }]);
    if (result.errors.length > 0) {
      this.state.setFailed(source, result.errors[0]!);
      return;
    }
    this.state.setGood(source, result.backends);
    for (const w of result.warnings) {
      this.state.count({ source, reason: w.reason, provider: w.provider, backend: w.backend, field: w.field });
      this.log(LOG_LEVEL.warn, CALIBRATION_LOG_EVENT.valueDropped, w.message);
    }
  }
}
