import { CALIBRATION_LOG_EVENT } from '@hybridlens/conventions';
import { expectedIntervalSeconds } from './cadence';
import type { CalibrationInputError } from './errors';
import type { IngestErrorCount, IngestErrorLabels } from './exposition';
import { mergeIbm } from './formats/ibm';
import { LOG_LEVEL, type Logger } from './log';
import type { BackendCalibration } from './model';
import { dateFromFile } from './names';
import { validateBackend } from './validate';

interface SourceState {
  /** The backends of the last version of the source that read good. */
  backends: BackendCalibration[];
  /** Unix ms since which the source has failed to read good; null while it reads good. */
  failingSince: number | null;
}

export const deviceKey = (b: { provider: string; backend: string }) => `${b.provider}/${b.backend}`;

/** Snapshot time for choosing the newest: its timestamp, else the date in its file name (Cirq files have none). */
function when(b: BackendCalibration): string {
  return b.calibratedAt ?? dateFromFile(b.source) ?? '';
}

const merged = new WeakMap<BackendCalibration, { conf: BackendCalibration; result: BackendCalibration }>();

/** IBM properties enriched by a configuration read from another file (cached: the layout is computed once). */
function withConfiguration(props: BackendCalibration, conf: BackendCalibration): BackendCalibration {
  const cached = merged.get(props);
  if (cached && cached.conf === conf) {
    return cached.result;
  }
  const result = validateBackend(
    mergeIbm(props, {
      backend: conf.backend,
      qubitCount: conf.summary.qubitCount ?? props.qubits.length,
      basisGates: conf.configuration?.basisGates ?? [],
      couplingMap: (conf.configuration?.couplingMap as number[][] | null) ?? null,
      processorFamily: conf.processorFamily,
    })
  );
  merged.set(props, { conf, result });
  return result;
}

/**
 * What the exporter serves: the last good backends of every source (a file, a live backend), ingest errors by
 * their labels, and how long each source has been failing. A source that fails keeps serving its last good
 * backends; only removing it (a deleted file) stops them.
 */
export class CalibrationState {
  private readonly sources = new Map<string, SourceState>();
  private readonly errors = new Map<string, IngestErrorCount>();
  /** Every calibration time seen per device, for its usual cadence. */
  private readonly history = new Map<string, Set<number>>();
  private cached: { version: number; backends: BackendCalibration[] } | null = null;
  /** Increases whenever what `backends()` returns may have changed. */
  version = 0;

  constructor(
    private readonly log: Logger,
    private readonly cadence: ReadonlyMap<string, number> = new Map(),
    private readonly now: () => number = Date.now
  ) {}

  /** A source read good: serve these backends from now on. */
  setGood(source: string, backends: BackendCalibration[]): void {
    this.sources.set(source, { backends, failingSince: null });
    for (const b of backends) {
      if (b.calibratedAt !== null) {
        const times = this.history.get(deviceKey(b)) ?? new Set<number>();
        times.add(Date.parse(b.calibratedAt) / 1000);
        this.history.set(deviceKey(b), times);
      }
    }
    this.version++;
  }

  /** A source failed to read: keep its last good backends, mark it failing, count and log the error once. */
  setFailed(source: string, error: CalibrationInputError): void {
    this.markFailing(source);
    this.recordError(error);
  }

  /** Mark a source failing without counting (the error was counted under another source, e.g. a token exchange). */
  markFailing(source: string): void {
    const state = this.sources.get(source);
    if (state) {
      state.failingSince ??= this.now();
    } else {
      this.sources.set(source, { backends: [], failingSince: this.now() });
    }
  }

  remove(source: string): void {
    if (this.sources.delete(source)) {
      this.version++;
    }
  }

  has(source: string): boolean {
    return this.sources.has(source);
  }

  sourceNames(): string[] {
    return [...this.sources.keys()];
  }

  recordError(error: CalibrationInputError): void {
    this.count({ source: error.source, reason: error.reason });
    this.log(LOG_LEVEL.error, CALIBRATION_LOG_EVENT.ingestFailed, `${error.message} (${error.reason})`);
  }

  /** Count one ingest error by its labels (a dropped value, a duplicate, a failed source). */
  count(labels: IngestErrorLabels): void {
    const key = JSON.stringify([labels.source, labels.reason, labels.provider, labels.backend, labels.field]);
    const entry = this.errors.get(key) ?? { labels, count: 0 };
    entry.count++;
    this.errors.set(key, entry);
  }

  ingestErrors(): IngestErrorCount[] {
    return [...this.errors.values()];
  }

  /** The newest calibration of every (provider, backend) across all sources, IBM configurations merged in. */
  backends(): BackendCalibration[] {
    if (this.cached?.version === this.version) {
      return this.cached.backends;
    }
    const all = [...this.sources.values()].flatMap((s) => s.backends);
    const configurations = new Map(
      all.filter((b) => b.format === 'ibm.backend_configuration').map((b) => [deviceKey(b), b])
    );
    const latest = new Map<string, BackendCalibration>();
    for (const raw of all) {
      const key = deviceKey(raw);
      const conf = configurations.get(key);
      if (conf && raw === conf && all.some((b) => b !== conf && deviceKey(b) === key)) {
        continue; // merged into the properties of the same backend below
      }
      const b =
        conf && raw !== conf && raw.provider === 'ibm' && !raw.configuration ? withConfiguration(raw, conf) : raw;
      const prev = latest.get(key);
      if (!prev || when(b) >= when(prev)) {
        latest.set(key, b);
      }
    }
    const backends = [...latest.values()].sort((a, b) => (deviceKey(a) < deviceKey(b) ? -1 : 1));
    this.cached = { version: this.version, backends };
    return backends;
  }

  /** Seconds each served backend's source has failed to read good (0 while it reads good). */
  lastGoodAges(): Array<{ provider: string; backend: string; seconds: number }> {
    const now = this.now();
    const failing = new Map<string, number>();
    for (const s of this.sources.values()) {
      for (const b of s.backends) {
        if (s.failingSince !== null) {
          failing.set(b.source, s.failingSince);
        }
      }
    }
    return this.backends().map((b) => {
      const since = failing.get(b.source);
      return { provider: b.provider, backend: b.backend, seconds: since === undefined ? 0 : (now - since) / 1000 };
    });
  }

  /** The provider's usual calibration cadence for a backend, learned from the snapshots seen. */
  expectedInterval(b: BackendCalibration): number {
    return expectedIntervalSeconds([...(this.history.get(deviceKey(b)) ?? [])], this.cadence.get(b.provider));
  }
}
