/** Where an audited request came from. */
export type AuditSource = 'api' | 'alertmanager' | 'hold-down';

/** One line of the admin API's audit trail: who asked for what, when, and what came of it. */
export interface AuditEntry {
  /** RFC 3339, UTC. */
  time: string;
  actor: string;
  /** The mitigation action, or the admin path for requests refused before one was known. */
  action: string;
  provider?: string;
  factor?: number;
  /** applied, unchanged, restored, scheduled, kept, ignored, rejected, rate_limited, unauthorized. */
  result: string;
  source: AuditSource;
  detail?: string;
}

export const AUDIT_CAPACITY = 500;

/** The most recent audit entries in memory (a ring of AUDIT_CAPACITY); every entry is also a JSON log line. */
export class AuditLog {
  private readonly entries: AuditEntry[] = [];

  constructor(private readonly capacity = AUDIT_CAPACITY) {}

  add(entry: Omit<AuditEntry, 'time'>, time: number): AuditEntry {
    const full: AuditEntry = { time: new Date(time).toISOString(), ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) {
      this.entries.splice(0, this.entries.length - this.capacity);
    }
    return full;
  }

  /** Newest first, at most `limit`. */
  recent(limit: number): AuditEntry[] {
    return this.entries.slice(-limit).reverse();
  }
}
