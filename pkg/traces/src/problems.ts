/**
 * What is wrong with a trace. Readers and the derivation never throw on a messy trace: they repair what they
 * can, count each problem here and keep a few examples, so a view can say what it had to work around.
 */
export const PROBLEM = {
  /** An entry of the document's structure (resource, scope, Jaeger trace) of the wrong shape (skipped). */
  malformedEntry: 'malformed_entry',
  /** An entry of a span list that is not an object (dropped). */
  malformedSpan: 'malformed_span',
  /** A span without a span id (kept under a made-up id so it still shows). */
  missingSpanId: 'missing_span_id',
  /** A span without a name (kept, shown without one). */
  missingName: 'missing_name',
  /** A trace, span or parent id that is neither hex nor base64 of the right length (kept as given). */
  invalidId: 'invalid_id',
  /** A span whose start time is missing or unreadable (dropped: it cannot be placed). */
  missingStartTime: 'missing_start_time',
  /** A span whose end time is missing or unreadable (read as its start). */
  missingEndTime: 'missing_end_time',
  /** End before start (read as zero duration). */
  negativeDuration: 'negative_duration',
  zeroDuration: 'zero_duration',
  /** A second span with an id already seen in the trace (dropped; the first one is kept). */
  duplicateSpanId: 'duplicate_span_id',
  /** A span whose parent is not in the trace (shown as a root). */
  orphanSpan: 'orphan_span',
  /** The trace has more than one root span (the count is how many roots it has). */
  multipleRoots: 'multiple_roots',
  /** Parent links that form a cycle (one link per cycle is cut; that span becomes a root). */
  parentCycle: 'parent_cycle',
  /** Clock skew: a child that starts before its parent or ends after it (clipped to the parent for timing). */
  childStartsBeforeParent: 'child_starts_before_parent',
  childEndsAfterParent: 'child_ends_after_parent',
  /** A span with neither a contract span name nor any contract attribute. */
  noContractAttributes: 'no_contract_attributes',
  /** An attribute or event carrying a raw prompt or model output (dropped, never shown). */
  redactedContent: 'redacted_content',
} as const;

export type ProblemKind = (typeof PROBLEM)[keyof typeof PROBLEM];

/** Problems that remove a span entry from the tree (every other problem is repaired and the span kept). */
export const DROPPING_PROBLEMS: readonly ProblemKind[] = [
  PROBLEM.malformedSpan,
  PROBLEM.missingStartTime,
  PROBLEM.duplicateSpanId,
];

export interface ProblemExample {
  kind: ProblemKind;
  spanId?: string;
  detail: string;
}

export interface ProblemReport {
  /** How many times each kind occurred; kinds that did not occur are absent. */
  counts: Partial<Record<ProblemKind, number>>;
  /** The first few examples of each kind. */
  examples: ProblemExample[];
}

const EXAMPLES_PER_KIND = 5;

/** Collects problems with bounded memory: counts are exact, examples are capped per kind. */
export class ProblemLog {
  private readonly counts: Partial<Record<ProblemKind, number>> = {};
  private readonly examples: ProblemExample[] = [];

  /** `detail` may be a function: it is only called for the few examples kept, not for every occurrence. */
  add(kind: ProblemKind, detail: string | (() => string), spanId?: string): void {
    const seen = this.counts[kind] ?? 0;
    this.counts[kind] = seen + 1;
    if (seen < EXAMPLES_PER_KIND) {
      const text = typeof detail === 'string' ? detail : detail();
      this.examples.push(spanId === undefined ? { kind, detail: text } : { kind, spanId, detail: text });
    }
  }

  /** Sets a count directly, for problems that are a property of the whole trace (e.g. how many roots). */
  set(kind: ProblemKind, count: number, detail: string): void {
    this.counts[kind] = count;
    if (!this.examples.some((e) => e.kind === kind)) {
      this.examples.push({ kind, detail });
    }
  }

  count(kind: ProblemKind): number {
    return this.counts[kind] ?? 0;
  }

  merge(other: ProblemReport): void {
    for (const [kind, count] of Object.entries(other.counts) as Array<[ProblemKind, number]>) {
      const seen = this.counts[kind] ?? 0;
      this.counts[kind] = seen + count;
      const room = EXAMPLES_PER_KIND - Math.min(seen, EXAMPLES_PER_KIND);
      this.examples.push(...other.examples.filter((e) => e.kind === kind).slice(0, room));
    }
  }

  report(): ProblemReport {
    return { counts: { ...this.counts }, examples: [...this.examples] };
  }
}

/** Total of all counts, e.g. for a banner "12 problems". */
export function problemTotal(report: ProblemReport): number {
  return Object.values(report.counts).reduce((sum, n) => sum + (n ?? 0), 0);
}
