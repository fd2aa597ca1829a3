import type { HybridTelemetry } from '@hybridlens/instrument';
import { CalibrationModel } from './calibration';
import { emitRequest } from './emitter';
import { FaultEngine } from './faultEngine';
import type { ScheduledFault } from './faultKinds';
import { activeFlagNames, defaultFlags, type FeatureFlags, MitigationClock } from './flags';
import { PromptRollouts, modelVersionAt } from './modelVersions';
import { calibrationKey, type RoutingContext } from './orchestrator';
import { diurnalFactor, ProviderState, STATUS_REPORT_LAG_MS } from './providerState';
import type { RequestPlan } from './plan';
import { simulateRequest } from './requestSimulator';
import { Rng } from './rng';
import { DEFAULT_TOPOLOGY, type RouteProfile, type Topology } from './topology';

export interface SimulatorOptions {
  telemetry: HybridTelemetry;
  seed: number;
  faults?: readonly ScheduledFault[];
  topology?: Topology;
  flags?: FeatureFlags;
  /** Multiplies every route's request rate (1 = the topology's rates). */
  loadFactor?: number;
  /**
   * The telemetry instance a request is emitted through (default `telemetry`). A backfill sends the few
   * requests whose traces it keeps through a traced instance and the rest through one that shares its
   * metrics registry but exports no spans.
   */
  telemetryFor?: (plan: RequestPlan, start: number) => HybridTelemetry;
  /**
   * The instant the prompt-template release schedule hangs on (PromptRollouts): a backfill passes its end, a
   * live run its start. Default: the start of the first step.
   */
  promptRolloutAnchor?: number;
}

/** Share of traffic per region (first region is the primary). */
function regionWeights(regions: readonly string[]): Array<readonly [string, number]> {
  return regions.map((r, i) => [r, i === 0 ? 0.6 : 0.4 / Math.max(1, regions.length - 1)] as const);
}

/**
 * The simulated hybrid service. `step(from, to)` advances the world over one interval: provider queues
 * and rate limits, request arrivals (Poisson, diurnal), and every request's lifecycle, all emitted
 * through @hybridlens/instrument. Deterministic for a given seed, schedule and sequence of steps.
 */
export class HybridSimulator {
  readonly topology: Topology;
  readonly faults: FaultEngine;
  readonly flags: FeatureFlags;
  readonly calibrations: Map<string, CalibrationModel>;
  private readonly providers: ProviderState;
  private readonly arrivals: Rng;
  private readonly requests: Rng;
  private readonly polling: Rng;
  private readonly loadFactor: number;
  private sequence = 0;
  private readonly mitigationClock = new MitigationClock();
  private rollouts?: PromptRollouts;

  constructor(private readonly options: SimulatorOptions) {
    this.topology = options.topology ?? DEFAULT_TOPOLOGY;
    const root = new Rng(options.seed);
    this.faults = new FaultEngine(options.faults ?? []);
    this.flags = options.flags ?? defaultFlags();
    this.calibrations = new Map(
      this.topology.backends.map((b) => [calibrationKey(b), new CalibrationModel(b, options.seed)])
    );
    this.providers = new ProviderState(this.topology, this.faults, root.fork('providers'));
    this.arrivals = root.fork('arrivals');
    this.requests = root.fork('requests');
    this.polling = root.fork('polling');
    this.loadFactor = options.loadFactor ?? 1;
  }

  get telemetry(): HybridTelemetry {
    return this.options.telemetry;
  }

  get routingContext(): RoutingContext {
    return {
      topology: this.topology,
      faults: this.faults,
      flags: this.flags,
      // Flags change between steps only (the admin API runs between ticks).
      flagNames: activeFlagNames(this.flags),
      providers: this.providers,
      calibrations: this.calibrations,
      ...(this.rollouts ? { promptRollouts: this.rollouts } : {}),
    };
  }

  /** The run's prompt-template releases (PromptRollouts), anchored once the first step names the run's start. */
  promptRollouts(firstStepStart: number): PromptRollouts {
    this.rollouts ??= new PromptRollouts(this.options.promptRolloutAnchor ?? firstStepStart);
    return this.rollouts;
  }

  /**
   * Simulate [from, to). In `live` mode each request is emitted so that it ends at its arrival
   * instant (telemetry never lies in the future); in `virtual` mode it starts there.
   */
  step(from: number, to: number, mode: 'virtual' | 'live' = 'virtual'): number {
    // Outages are reported one status lag late: the step looks that far back.
    this.faults.focus(from - STATUS_REPORT_LAG_MS, to);
    try {
      return this.stepFocused(from, to, mode);
    } finally {
      this.faults.unfocus();
    }
  }

  private stepFocused(from: number, to: number, mode: 'virtual' | 'live'): number {
    const telemetry = this.options.telemetry;
    const seconds = (to - from) / 1000;
    this.providers.advance(from, seconds);
    for (const b of this.topology.backends) {
      const q = this.providers.queue(b);
      telemetry.setQueueState({
        provider: b.provider,
        backend: b.backend,
        queueLength: q.queueLength,
        backlogSeconds: Math.round(q.backlogSeconds),
        time: from,
      });
      if (b.technology !== 'simulator') {
        telemetry.setProviderAvailable({
          provider: b.provider,
          backend: b.backend,
          available: this.providers.reportedAvailable(b.provider, b.backend, from),
          time: from,
        });
      }
    }
    for (const api of this.topology.providerApis) {
      if (api.provider === 'local') {
        continue;
      }
      const limit = this.providers.rateLimit(api.provider);
      telemetry.setRateLimitRemaining({ provider: api.provider, remaining: limit.remaining });
      // Status polls answered with 429 (submissions rejected with 429 are counted on their job).
      const rejected = this.polling.poisson((seconds / 60) * 30 * limit.rejectShare);
      for (let i = 0; i < rejected; i++) {
        telemetry.recordRateLimited({ provider: api.provider, time: from + this.polling.uniform(0, to - from) });
      }
    }

    // Flags change between steps (the admin API runs between ticks): live, a change is seen at the end of the
    // step that follows it; virtual, at its start.
    telemetry.setMitigationsInForce(this.mitigationClock.update(this.flags, mode === 'live' ? to : from));
    // What serves each model name this step (its calls below use the same versions).
    for (const m of this.topology.models) {
      telemetry.setLlmModelInfo({
        model: m.model,
        modelVersion: modelVersionAt(m, from, this.faults),
        promptTemplateVersion: this.promptRollouts(from).versionAt(from),
      });
    }

    const load = diurnalFactor(from) * this.loadFactor;
    const batch: Array<{ time: number; route: RouteProfile; region: string }> = [];
    const regions = regionWeights(this.topology.regions);
    for (const route of this.topology.routes) {
      const count = this.arrivals.poisson(route.peakRequestsPerSecond * load * seconds);
      for (let i = 0; i < count; i++) {
        batch.push({
          time: from + Math.floor(this.arrivals.uniform(0, to - from)),
          route,
          region: this.arrivals.weighted(regions),
        });
      }
    }
    batch.sort((a, b) => a.time - b.time);
    const ctx = this.routingContext;
    const choose = this.options.telemetryFor;
    for (const arrival of batch) {
      const plan = simulateRequest(ctx, arrival.route, arrival.region, arrival.time, this.requests, this.sequence++);
      const start = mode === 'live' ? arrival.time - plan.duration : arrival.time;
      emitRequest(choose ? choose(plan, start) : telemetry, plan, start);
    }
    return batch.length;
  }
}
