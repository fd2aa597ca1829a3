import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CALIBRATION_LOG_EVENT } from '@hybridlens/conventions';
import { CalibrationInputError } from './errors';
import { LOG_LEVEL, type Logger } from './log';
import type { BackendCalibration } from './model';
import { dateFromFile } from './names';
import { normalizeTexts } from './normalize';

/** What the exporter serves: backends per source plus ingest-error counts per source. */
export class CalibrationState {
  private readonly bySource = new Map<string, BackendCalibration[]>();
  readonly ingestErrors = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  set(source: string, backends: BackendCalibration[]): void {
    this.bySource.set(source, backends);
  }

  recordError(error: CalibrationInputError): void {
    this.ingestErrors.set(error.source, (this.ingestErrors.get(error.source) ?? 0) + 1);
    this.log(LOG_LEVEL.error, CALIBRATION_LOG_EVENT.ingestFailed, error.message);
  }

  /** The newest calibration of every (provider, backend) across all sources. */
  backends(): BackendCalibration[] {
    const latest = new Map<string, BackendCalibration>();
    for (const list of this.bySource.values()) {
      for (const b of list) {
        const key = `${b.provider}/${b.backend}`;
        const prev = latest.get(key);
        if (!prev || when(b) >= when(prev)) {
          latest.set(key, b);
        }
      }
    }
    return [...latest.values()].sort((a, b) => (a.provider + a.backend < b.provider + b.backend ? -1 : 1));
  }
}

/** Snapshot time for choosing the newest: its timestamp, else the date in its file name (Cirq files have none). */
function when(b: BackendCalibration): string {
  return b.calibratedAt ?? dateFromFile(b.source) ?? '';
}

function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listJsonFiles(path));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      out.push(path);
    }
  }
  return out.sort();
}

/**
 * A directory of snapshot files, re-read when a file is added, changed or removed (checked by size and
 * mtime, cheap enough to do on every scrape). A bad file is counted once per version of the file.
 */
export class DirectorySource {
  private signature = '';
  private readonly seen = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly state: CalibrationState,
    private readonly log: Logger
  ) {}

  refresh(): void {
    let files: string[];
    try {
      files = listJsonFiles(this.dir);
    } catch (e) {
      const sig = `unreadable:${(e as NodeJS.ErrnoException).code ?? ''}`;
      if (sig !== this.signature) {
        this.signature = sig;
        this.state.set(this.dir, []);
        const code = (e as NodeJS.ErrnoException).code;
        const reason =
          code === 'ENOENT'
            ? 'no such directory: pass --dir with your snapshot dumps, or make demo snapshots with `npx hybridlens-sim live --calibration-dir DIR` or `npx hybridlens-sim backfill --days 1 --out DIR` (snapshots in DIR/calibration)'
            : (code ?? (e as Error).message);
        this.state.recordError(new CalibrationInputError(this.dir, '(directory)', reason));
      }
      return;
    }
    const sigs = new Map<string, string>();
    for (const f of files) {
      try {
        const st = statSync(f);
        sigs.set(f, `${st.size}:${st.mtimeMs}`);
      } catch {
        // removed between readdir and stat
      }
    }
    const signature = [...sigs].map(([f, s]) => `${f}=${s}`).join('|');
    if (signature === this.signature) {
      return;
    }
    this.signature = signature;
    const inputs: Array<{ source: string; text: string }> = [];
    const changed = new Set<string>();
    for (const [file, sig] of sigs) {
      const source = relative(this.dir, file);
      if (this.seen.get(file) !== sig) {
        changed.add(source);
      }
      this.seen.set(file, sig);
      try {
        inputs.push({ source, text: readFileSync(file, 'utf8') });
      } catch (e) {
        if (changed.has(source)) {
          this.state.recordError(
            new CalibrationInputError(source, '(file)', (e as NodeJS.ErrnoException).code ?? (e as Error).message)
          );
        }
      }
    }
    const result = normalizeTexts(inputs);
    for (const error of result.errors) {
      if (changed.has(error.source)) {
        this.state.recordError(error);
      }
    }
    this.state.set(this.dir, result.backends);
    this.log(
      LOG_LEVEL.info,
      CALIBRATION_LOG_EVENT.sourceLoaded,
      `${this.dir}: ${result.backends.length} backends from ${inputs.length} files, ${result.errors.length} bad`
    );
  }
}
