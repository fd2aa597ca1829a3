import type { DataFrame } from '@grafana/data';
import { CALIBRATION_QUANTITY, type CalibrationQuantity, JOB_OUTCOME, LABEL } from '@hybridlens/conventions';
import { type InstantSample, samplesOf } from '../../app/frames';
import { STALE_FACTOR } from '../providerDetail/snapshot';
import { PROVIDERS } from './providersQueries';

/** One backend on the Providers page: job metrics joined with calibration on provider + backend (case kept). */
export interface ProviderRow {
  provider: string;
  backend: string;
  jobs?: number;
  failed?: number;
  /** Failed jobs / jobs over the range. */
  errorRate?: number;
  /** Errors of each type over the range, and their rate: errors of that type / jobs finished in the range. */
  errorsByType: Array<{ type: string; count: number; rate?: number }>;
  /** 0..1 share of the range the backend was online (status API), or the provider's own target status. */
  availability?: number;
  queueLength?: number;
  queueBacklogSeconds?: number;
  enqueueP95Seconds?: number;
  /** Fewest requests left in the provider's rate-limit window (a provider-level value). */
  rateLimitHeadroom?: number;
  rateLimited?: number;
  shots?: number;
  spendUsd?: number;
  medians: Partial<Record<CalibrationQuantity, number>>;
  uncertainty: Partial<Record<CalibrationQuantity, number>>;
  calibratedAt?: number;
  cadenceSeconds?: number;
  lastGoodAgeSeconds?: number;
  qubits?: number;
  vendor?: string;
  layout?: string;
  methods: Array<{ quantity: string; method: string; values: number }>;
  /** Calibration older than STALE_FACTOR × the usual cadence at the end of the range. */
  stale?: boolean;
}

const keyOf = (labels: Record<string, string>) => `${labels[LABEL.provider] ?? ''}\u0000${labels[LABEL.backend] ?? ''}`;

const QUANTITIES: ReadonlySet<string> = new Set(Object.values(CALIBRATION_QUANTITY));

function finite(frames: readonly DataFrame[], refId: string): InstantSample[] {
  return samplesOf(frames, refId).filter((s) => Number.isFinite(s.value));
}

/** Rows for every backend any query knows, at `atSeconds` (the end of the range); sorted provider, backend. */
export function buildProviderRows(frames: readonly DataFrame[], atSeconds: number): ProviderRow[] {
  const rows = new Map<string, ProviderRow>();
  const row = (labels: Record<string, string>): ProviderRow | undefined => {
    const provider = labels[LABEL.provider];
    const backend = labels[LABEL.backend];
    if (!provider || !backend) {
      return undefined;
    }
    const key = keyOf(labels);
    let r = rows.get(key);
    if (!r) {
      r = { provider, backend, errorsByType: [], medians: {}, uncertainty: {}, methods: [] };
      rows.set(key, r);
    }
    return r;
  };
  const each = (refId: string, apply: (r: ProviderRow, s: InstantSample) => void) => {
    for (const s of finite(frames, refId)) {
      const r = row(s.labels);
      if (r) {
        apply(r, s);
      }
    }
  };
  each(PROVIDERS.jobs, (r, s) => {
    r.jobs = (r.jobs ?? 0) + s.value;
    if (s.labels[LABEL.outcome] === JOB_OUTCOME.error) {
      r.failed = (r.failed ?? 0) + s.value;
    }
  });
  each(PROVIDERS.errors, (r, s) => {
    if (s.value > 0) {
      r.errorsByType.push({ type: s.labels[LABEL.errorType] ?? '', count: s.value });
    }
  });
  each(PROVIDERS.availability, (r, s) => (r.availability = s.value));
  // The provider's own target status (Azure) where the status API gives no availability series.
  each(PROVIDERS.targetAvailable, (r, s) => (r.availability ??= s.value));
  each(PROVIDERS.queueLength, (r, s) => (r.queueLength = s.value));
  each(PROVIDERS.queueBacklog, (r, s) => (r.queueBacklogSeconds = s.value));
  each(PROVIDERS.targetQueue, (r, s) => (r.queueBacklogSeconds ??= s.value));
  each(PROVIDERS.enqueueP95, (r, s) => (r.enqueueP95Seconds = s.value));
  each(PROVIDERS.shots, (r, s) => (r.shots = s.value));
  each(PROVIDERS.spend, (r, s) => (r.spendUsd = s.value));
  const quantityOf = (s: InstantSample) => {
    const quantity = s.labels[LABEL.quantity];
    return quantity !== undefined && QUANTITIES.has(quantity) ? (quantity as CalibrationQuantity) : undefined;
  };
  each(PROVIDERS.medians, (r, s) => {
    const quantity = quantityOf(s);
    if (quantity) {
      r.medians[quantity] = s.value;
    }
  });
  each(PROVIDERS.uncertainty, (r, s) => {
    const quantity = quantityOf(s);
    if (quantity) {
      r.uncertainty[quantity] = s.value;
    }
  });
  each(PROVIDERS.calibratedAt, (r, s) => (r.calibratedAt = s.value));
  each(PROVIDERS.cadence, (r, s) => (r.cadenceSeconds = s.value));
  each(PROVIDERS.lastGoodAge, (r, s) => (r.lastGoodAgeSeconds = s.value));
  each(PROVIDERS.qubitCount, (r, s) => (r.qubits = s.value));
  each(PROVIDERS.devices, (r, s) => {
    r.vendor = s.labels[LABEL.vendor] || undefined;
    r.layout = s.labels[LABEL.layout] || undefined;
  });
  each(PROVIDERS.methods, (r, s) =>
    r.methods.push({ quantity: s.labels[LABEL.quantity] ?? '', method: s.labels[LABEL.method] ?? '', values: s.value })
  );

  // Rate limits are per provider: every backend of the provider shows its provider's headroom.
  const headroom = new Map(finite(frames, PROVIDERS.rateLimitHeadroom).map((s) => [s.labels[LABEL.provider], s.value]));
  const limited = new Map(finite(frames, PROVIDERS.rateLimited).map((s) => [s.labels[LABEL.provider], s.value]));
  for (const r of rows.values()) {
    r.rateLimitHeadroom = headroom.get(r.provider);
    r.rateLimited = limited.get(r.provider);
    r.errorRate = r.jobs !== undefined && r.jobs > 0 ? (r.failed ?? 0) / r.jobs : undefined;
    for (const e of r.errorsByType) {
      e.rate = r.jobs !== undefined && r.jobs > 0 ? e.count / r.jobs : undefined;
    }
    r.errorsByType.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    if (r.calibratedAt !== undefined && r.cadenceSeconds !== undefined) {
      r.stale = atSeconds - r.calibratedAt > STALE_FACTOR * r.cadenceSeconds;
    }
  }
  return [...rows.values()].sort((a, b) => a.provider.localeCompare(b.provider) || a.backend.localeCompare(b.backend));
}
