/**
 * The one duration syntax of Hybrid Lens (CLI flags, scenario files, SLO specs, PromQL windows): Prometheus'
 * own, a sequence of `<number><unit>` with units ms, s, m, h, d, w, y in decreasing order (`90s`, `1h30m`,
 * `30d`). Decimals are accepted for CLI convenience (`1.5h`); `formatDuration` writes integers only.
 */
const UNIT_MS = {
  y: 365 * 86_400_000,
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
} as const;
type Unit = keyof typeof UNIT_MS;
const UNIT_ORDER: readonly Unit[] = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
const PART = /(\d+(?:\.\d+)?)(ms|y|w|d|h|m|s)/y;

export class DurationError extends Error {
  constructor(
    readonly input: string,
    readonly field: string | undefined,
    reason: string
  ) {
    super(`${field ? `${field}: ` : ''}${reason}`);
    this.name = 'DurationError';
  }
}

/** Milliseconds in `text`, or undefined when it is not a duration (empty, unknown unit, units out of order). */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  PART.lastIndex = 0;
  let total = 0;
  let lastUnit = -1;
  while (PART.lastIndex < trimmed.length) {
    const at = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== at) {
      return undefined;
    }
    const unitIndex = UNIT_ORDER.indexOf(match[2] as Unit);
    if (unitIndex <= lastUnit) {
      return undefined;
    }
    lastUnit = unitIndex;
    total += Number(match[1]) * UNIT_MS[match[2] as Unit];
  }
  return Number.isFinite(total) ? total : undefined;
}

export interface DurationBounds {
  /** Smallest accepted value, in ms (inclusive). */
  minMs?: number;
  /** Largest accepted value, in ms (inclusive). */
  maxMs?: number;
}

/** Like {@link parseDuration}, but throws a {@link DurationError} naming `field` and the limits. */
export function parseDurationOrThrow(text: string, field: string, bounds: DurationBounds = {}): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new DurationError(text, field, `"${text}" is not a duration (use e.g. 90s, 15m, 1h30m, 7d)`);
  }
  if (bounds.minMs !== undefined && ms < bounds.minMs) {
    throw new DurationError(text, field, `${text} is below the minimum of ${formatDuration(bounds.minMs)}`);
  }
  if (bounds.maxMs !== undefined && ms > bounds.maxMs) {
    throw new DurationError(text, field, `${text} is above the maximum of ${formatDuration(bounds.maxMs)}`);
  }
  return ms;
}

/** The shortest exact Prometheus duration for `ms` (`5m`, `1h30m`, `30d`, `1500ms`); `0s` for zero. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`formatDuration: ${ms} is not a non-negative finite number of milliseconds`);
  }
  let rest = Math.round(ms);
  if (rest === 0) {
    return '0s';
  }
  let text = '';
  // Years and weeks are left out: Prometheus' years are 365 days, which surprises more than it helps.
  for (const unit of ['d', 'h', 'm', 's', 'ms'] as const) {
    const size = UNIT_MS[unit];
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
