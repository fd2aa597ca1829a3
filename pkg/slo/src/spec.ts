import { type PlaybookId, SLI_PLAYBOOK, type SliType, parseDuration } from '@hybridlens/conventions';
import { parseCounterSelector } from './counterSelector';
import { SloInputError } from './errors';

/**
 * The SLI as counters: `total` events and either the `good` or the `bad` ones. Each is a counter
 * selector (`name{matchers}`); the generator wraps it in `increase()`.
 */
export interface SliCounters {
  total: string;
  good?: string;
  bad?: string;
}

/**
 * Page variables an alert link carries so the on-call engineer lands on the right scope. A list gives a
 * multi-value variable (the low-latency workload is three request paths).
 */
export interface LinkScope {
  provider?: string;
  backend?: string;
  model?: string;
  route?: string;
  region?: string;
  path?: string | readonly string[];
}

/** One SLO, from the shipped defaults or an OpenSLO document. */
export interface SloSpec {
  /** The `slo` label value and the URL segment of the SLO page. */
  name: string;
  displayName: string;
  service: string;
  sliType: SliType;
  description: string;
  /** Target fraction of good events, 0 < objective < 1. */
  objective: number;
  /** Rolling compliance period (Prometheus duration) for the error budget. */
  period: string;
  sli: SliCounters;
  /** Low-traffic guard: a burn-rate alert needs at least this many bad events in its long window. */
  minBadEvents: number;
  /** Overrides the playbook of the SLI type ({@link SLI_PLAYBOOK}); see {@link sloPlaybook}. */
  playbook?: PlaybookId;
  scope: LinkScope;
  /** Where the spec came from, for error messages (`defaults`, `slos.yaml#2`). */
  source: string;
}

/** The playbook an SLO's alerts and its `hybridlens_slo_info` series point at: the spec's own, else its SLI type's. */
export function sloPlaybook(spec: SloSpec): PlaybookId {
  return spec.playbook ?? SLI_PLAYBOOK[spec.sliType];
}

const MIN_PERIOD_MS = 3_600_000;

/** Why `text` cannot be an SLO's period, or undefined. Whole seconds only: it becomes a PromQL range. */
export function periodProblem(text: string): string | undefined {
  const ms = parseDuration(text);
  if (ms === undefined) {
    return `"${text}" is not a duration like 28d or 30d`;
  }
  if (ms % 1000 !== 0) {
    return `"${text}" is not a whole number of seconds`;
  }
  if (ms < MIN_PERIOD_MS) {
    return `"${text}" is shorter than one hour`;
  }
  return undefined;
}

/** SLO names go into label values, URL paths and PromQL strings inside templates: keep them plain. */
export const SLO_NAME = /^[a-z0-9]([a-z0-9_.-]{0,62}[a-z0-9])?$/;

/** Problems with a spec as `field: message` strings; empty when the spec is usable. */
export function specProblems(spec: SloSpec): string[] {
  const problems: string[] = [];
  if (!SLO_NAME.test(spec.name)) {
    problems.push(
      `name: "${spec.name}" must be lower-case letters, digits, '-', '_' or '.' (at most 64, starting and ending with a letter or digit)`
    );
  }
  if (!(spec.objective > 0 && spec.objective < 1)) {
    problems.push(
      `objective: ${spec.objective} must be strictly between 0 and 1 (a 100% objective leaves no error budget, so burn rates are undefined)`
    );
  }
  const period = periodProblem(spec.period);
  if (period) {
    problems.push(`period: ${period}`);
  }
  for (const key of ['total', 'good', 'bad'] as const) {
    const sel = spec.sli[key];
    const parsed = sel === undefined ? undefined : parseCounterSelector(sel);
    if (typeof parsed === 'string') {
      problems.push(`sli.${key}: "${sel}" is not a counter selector like metric_total{label="value"}: ${parsed}`);
    }
  }
  if ((spec.sli.good === undefined) === (spec.sli.bad === undefined)) {
    problems.push('sli: give exactly one of good or bad (with total)');
  }
  if (!Number.isInteger(spec.minBadEvents) || spec.minBadEvents < 1) {
    problems.push(`minBadEvents: ${spec.minBadEvents} must be a whole number ≥ 1`);
  }
  return problems;
}

/** Throws one error listing every problem of every spec, and duplicate names. */
export function assertValidSpecs(specs: readonly SloSpec[]): void {
  const messages: string[] = [];
  const seen = new Map<string, string>();
  for (const spec of specs) {
    for (const problem of specProblems(spec)) {
      messages.push(`${spec.source} (SLO "${spec.name}"): ${problem}`);
    }
    const other = seen.get(spec.name);
    if (other !== undefined) {
      messages.push(`${spec.source} (SLO "${spec.name}"): name: already used by ${other}`);
    }
    seen.set(spec.name, spec.source);
  }
  if (messages.length > 0) {
    throw new SloInputError(`invalid SLO specs:\n  ${messages.join('\n  ')}`);
  }
}
