import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import type { ProviderId } from './jobStates';
import { clamp, type Rng } from './rng';
import type { ProviderApi, QuantumBackend, Topology } from './topology';

export interface QueueSnapshot {
  queueLength: number;
  backlogSeconds: number;
  /** Median wait our jobs see right now. */
  ourWaitMedianSeconds: number;
  /** Ratio of the current queue to its normal level (1 = normal). */
  saturation: number;
}

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  /** Probability that a call to the provider API is answered with 429 now. */
  rejectShare: number;
}

/**
 * How late a provider's status API reports an outage (and its end): status pages follow incidents by
 * minutes, so jobs fail before the orchestrator can see the outage and route around it.
 */
export const STATUS_REPORT_LAG_MS = 5 * 60_000;

/** Daily load curve: quiet at night (UTC), busy mid-afternoon; a little quieter at weekends. */
export function diurnalFactor(time: number): number {
  const date = new Date(time);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const daily = 0.62 + 0.38 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
  const day = date.getUTCDay();
  return daily * (day === 0 || day === 6 ? 0.7 : 1);
}

/**
 * The providers' side: queue length per backend (everyone's jobs, a mean-reverting random walk around a
 * diurnal level, multiplied by queue-saturation faults) and the API rate-limit window per provider.
 */
export class ProviderState {
  // Keyed by the topology's backend objects: looked up on every decision, no key string to build.
  private readonly level = new Map<QuantumBackend, number>();
  private readonly queues = new Map<QuantumBackend, QueueSnapshot>();
  private readonly limits = new Map<ProviderId, RateLimitSnapshot>();

  constructor(
    private readonly topology: Topology,
    private readonly faults: FaultEngine,
    private readonly rng: Rng
  ) {
    for (const b of topology.backends) {
      this.level.set(b, 0);
    }
  }

  /** Advance the random walks to `time` (called once per step). */
  advance(time: number, stepSeconds: number): void {
    const load = diurnalFactor(time);
    const relax = 1 - Math.exp(-stepSeconds / 1800);
    for (const b of this.topology.backends) {
      const k = b;
      const noise = this.rng.normal(0, 0.25 * Math.sqrt(relax));
      const walk = (this.level.get(k) ?? 0) * (1 - relax) + noise;
      this.level.set(k, walk);
      const saturation = Math.max(
        1,
        this.faults.intensity(FAULT_KIND.queueSaturation, time, { provider: b.provider, backend: b.backend })
      );
      const length = Math.max(0, b.queue.medianLength * load * Math.exp(walk) * saturation);
      // Reserved capacity absorbs the usual ups and downs of the public queue; a saturated queue spills over.
      const ourWait =
        b.queue.ourWaitMedianSeconds * Math.exp(walk / 2) + b.queue.saturatedWaitSecondsPerUnit * (saturation - 1);
      this.queues.set(k, {
        queueLength: Math.round(length),
        backlogSeconds: length * b.queue.secondsPerJob,
        ourWaitMedianSeconds: ourWait,
        saturation: saturation * Math.exp(walk),
      });
    }
    for (const api of this.topology.providerApis) {
      this.limits.set(api.provider, this.rateLimitAt(api, time, load));
    }
  }

  queue(backend: QuantumBackend): QueueSnapshot {
    return (
      this.queues.get(backend) ?? {
        queueLength: 0,
        backlogSeconds: 0,
        ourWaitMedianSeconds: backend.queue.ourWaitMedianSeconds,
        saturation: 1,
      }
    );
  }

  rateLimit(provider: ProviderId): RateLimitSnapshot {
    return this.limits.get(provider) ?? { limit: 1, remaining: 1, rejectShare: 0 };
  }

  /** Outage of a provider at `time`: share of submissions it rejects (0 = healthy). */
  outage(provider: string, backend: string, time: number): number {
    return this.faults.intensity(FAULT_KIND.providerOutage, time, { provider, backend });
  }

  /** What the provider's status API says at `time`: the outage as it was STATUS_REPORT_LAG_MS earlier. */
  reportedAvailable(provider: string, backend: string, time: number): boolean {
    return this.outage(provider, backend, time - STATUS_REPORT_LAG_MS) === 0;
  }

  private rateLimitAt(api: ProviderApi, time: number, load: number): RateLimitSnapshot {
    const forced = this.faults.intensity(FAULT_KIND.rateLimiting, time, { provider: api.provider });
    // Saturated queues make clients poll job status more often, eating into the window.
    const saturation = Math.max(
      ...this.topology.backends.filter((b) => b.provider === api.provider).map((b) => this.queue(b).saturation),
      1
    );
    const usage = clamp(0.12 * load + 0.02 * Math.log(saturation) + this.rng.uniform(0, 0.05) + forced, 0, 1);
    const remaining = Math.round(api.rateLimitPerWindow * (1 - usage));
    return { limit: api.rateLimitPerWindow, remaining, rejectShare: forced > 0 ? forced : remaining === 0 ? 0.5 : 0 };
  }
}
