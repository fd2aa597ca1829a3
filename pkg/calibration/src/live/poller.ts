/** Providers rate-limit their APIs and suspend accounts that hammer them: never poll more often than this. */
export const LIVE_INTERVAL_FLOOR_MS = 60_000;
/** Longest wait after repeated failures (calibrations change about daily; a few hours late is harmless). */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

export interface PollOutcome {
  /** Some request failed (network, HTTP error, bad response). */
  failed: boolean;
  /** The provider answered 429. */
  rateLimited: boolean;
  /** What the provider asked for in Retry-After, in ms. */
  retryAfterMs?: number;
}

export interface PollPolicy {
  intervalMs: number;
  maxBackoffMs?: number;
  /** Uniform in [0, 1); injectable so tests are exact. */
  random?: () => number;
}

/**
 * When to poll next: the interval after a clean round; after failures, exponential backoff from the interval
 * (x2 per consecutive failed round, at most maxBackoffMs) with jitter (a uniform pick in the upper half, so many
 * exporters do not retry in step); never sooner than the provider's Retry-After.
 */
export function nextPollDelayMs(outcome: PollOutcome, consecutiveFailures: number, policy: PollPolicy): number {
  const interval = Math.max(LIVE_INTERVAL_FLOOR_MS, policy.intervalMs);
  if (!outcome.failed && !outcome.rateLimited) {
    return interval;
  }
  const cap = Math.max(interval, policy.maxBackoffMs ?? MAX_BACKOFF_MS);
  const backoff = Math.min(cap, interval * 2 ** Math.max(0, consecutiveFailures - 1) * 2);
  const jittered = backoff / 2 + (backoff / 2) * (policy.random ?? Math.random)();
  return Math.max(jittered, outcome.retryAfterMs ?? 0, interval);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * Runs a provider's poll now and then again after {@link nextPollDelayMs}; one round at a time (a slow round
 * is never overlapped by the next).
 */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  consecutiveFailures = 0;
  /** Delay chosen after the last round, in ms (for logs and tests). */
  lastDelayMs: number | null = null;

  constructor(
    private readonly round: () => Promise<PollOutcome>,
    private readonly policy: PollPolicy,
    private readonly onBackoff: (delayMs: number, outcome: PollOutcome) => void = () => undefined
  ) {}

  /** Run one round now (unless one is running) and schedule the next. */
  runNow(): Promise<void> {
    if (this.running) {
      return this.running;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running = this.round()
      .catch((): PollOutcome => ({ failed: true, rateLimited: false }))
      .then((outcome) => {
        this.consecutiveFailures = outcome.failed || outcome.rateLimited ? this.consecutiveFailures + 1 : 0;
        const delay = nextPollDelayMs(outcome, this.consecutiveFailures, this.policy);
        this.lastDelayMs = delay;
        if (this.consecutiveFailures > 0) {
          this.onBackoff(delay, outcome);
        }
        this.running = null;
        if (!this.stopped) {
          this.timer = setTimeout(() => void this.runNow(), delay);
          this.timer.unref();
        }
      });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
