import type { PromptRollouts } from './modelVersions';
import type { ExecutionPath } from '@hybridlens/conventions';
import { CalibrationModel, type CalibrationSummary, predictFidelity } from './calibration';
import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import { activeFlagNames, type FeatureFlags } from './flags';
import type { DecisionPlan } from './plan';
import type { ProviderState } from './providerState';
import type { Rng } from './rng';
import { qpuBackends, type QuantumBackend, type RouteProfile, type Topology } from './topology';

/** Reasons the orchestrator gives (orchestrator.decision.reason and the `reason` label). */
export const DECISION_REASON = {
  qpuHealthy: 'qpu_healthy',
  circuitFitsSimulator: 'circuit_fits_simulator',
  classicalSufficient: 'classical_sufficient',
  flagForceSimulator: 'flag_force_simulator',
  providersDisabled: 'providers_disabled',
  queueSaturated: 'queue_saturated',
  rateLimited: 'rate_limited',
  providerUnavailable: 'provider_unavailable',
  calibrationInvalid: 'calibration_invalid',
  lowPredictedFidelity: 'low_predicted_fidelity',
  queueElevatedFewerShots: 'queue_elevated_fewer_shots',
} as const;

/** Our expected wait beyond which the orchestrator stops sending work to a QPU. */
const MAX_ACCEPTABLE_WAIT_SECONDS = 50;
/** A queue this many times its usual length still gets the job, with fewer shots (playbook A's first step). */
const ELEVATED_QUEUE_RATIO = 2.5;
const ELEVATED_SHOT_REDUCTION = 2;
const MIN_PREDICTED_FIDELITY = 0.2;
/** Below this share of the rate-limit window the orchestrator stops calling the provider. */
const MIN_RATE_LIMIT_SHARE = 0.05;

export interface RoutingContext {
  topology: Topology;
  faults: FaultEngine;
  flags: FeatureFlags;
  /** activeFlagNames(flags), when the caller computed it once for many decisions. */
  flagNames?: string[];
  providers: ProviderState;
  calibrations: ReadonlyMap<string, CalibrationModel>;
  /** The run's prompt-template releases; without one, every call uses the version in force at the anchor. */
  promptRollouts?: PromptRollouts;
}

export interface Decision {
  plan: DecisionPlan;
  backend?: QuantumBackend;
  calibration?: CalibrationSummary;
  /** The job will run although its calibration metadata is corrupt (the fault lets some slip through). */
  onCorruptCalibration: boolean;
  /** The orchestrator itself asks for fewer shots (divide by this); 1 = no. */
  shotReduction?: number;
}

export function calibrationKey(b: QuantumBackend): string {
  return `${b.provider}/${b.backend}`;
}

/** What every decision looks up in the topology, found once per topology. */
interface TopologyIndex {
  simulator: QuantumBackend;
  qpu: QuantumBackend[];
  calibrationKeys: Map<QuantumBackend, string>;
}

const indexes = new WeakMap<Topology, TopologyIndex>();

export function topologyIndex(topology: Topology): TopologyIndex {
  let index = indexes.get(topology);
  if (index === undefined) {
    index = {
      simulator: topology.backends.find((b) => b.backend === topology.simulatorBackend)!,
      qpu: qpuBackends(topology),
      calibrationKeys: new Map(topology.backends.map((b) => [b, calibrationKey(b)])),
    };
    indexes.set(topology, index);
  }
  return index;
}

export function calibrationCorruptAt(ctx: RoutingContext, b: QuantumBackend, time: number): number {
  return ctx.faults.intensity(FAULT_KIND.calibrationCorrupt, time, { provider: b.provider, backend: b.backend });
}

/**
 * The routing decision with its explainability inputs: which path the route prefers, then the checks
 * of the ops guide (flags, provider health, queue, rate limit, calibration) that may send it elsewhere.
 */
export function decide(
  ctx: RoutingContext,
  route: RouteProfile,
  width: number,
  depth: number,
  time: number,
  offset: number,
  rng: Rng
): Decision {
  const flags = ctx.flagNames ?? activeFlagNames(ctx.flags);
  const end = offset + Math.round(rng.uniform(3, 15));
  const base = { start: offset, end };
  const roll = rng.next();
  const preferred: ExecutionPath =
    roll < route.qpuShare ? 'qpu' : roll < route.qpuShare + route.simulatorShare ? 'simulator' : 'classical';
  const { simulator, qpu } = topologyIndex(ctx.topology);
  const toSimulator = (reason: string, inputs: DecisionPlan['inputs'], fallback: boolean): Decision => ({
    plan: {
      ...base,
      path: 'simulator',
      reason,
      provider: simulator.provider,
      backend: simulator.backend,
      inputs: { ...inputs, flags },
      ...(fallback ? { fallbackFrom: 'qpu' as const } : {}),
    },
    backend: simulator,
    onCorruptCalibration: false,
  });
  if (preferred === 'classical') {
    return {
      plan: { ...base, path: 'classical', reason: DECISION_REASON.classicalSufficient, inputs: { flags } },
      onCorruptCalibration: false,
    };
  }
  if (preferred === 'simulator') {
    return toSimulator(DECISION_REASON.circuitFitsSimulator, {}, false);
  }
  if (ctx.flags.forceSimulator) {
    return toSimulator(DECISION_REASON.flagForceSimulator, {}, true);
  }
  const disabled = ctx.flags.disabledProviders;
  let totalWeight = 0;
  for (const b of qpu) {
    if (b.qubits >= width && !disabled.has(b.provider)) {
      totalWeight += b.weight;
    }
  }
  if (totalWeight === 0) {
    return toSimulator(DECISION_REASON.providersDisabled, {}, true);
  }
  // A weighted pick among the usable backends (one draw, as Rng.weighted makes).
  let x = rng.next() * totalWeight;
  let backend = qpu[0]!;
  for (const b of qpu) {
    if (b.qubits >= width && !disabled.has(b.provider)) {
      backend = b;
      x -= b.weight;
      if (x < 0) {
        break;
      }
    }
  }
  const queue = ctx.providers.queue(backend);
  const limit = ctx.providers.rateLimit(backend.provider);
  const model = ctx.calibrations.get(topologyIndex(ctx.topology).calibrationKeys.get(backend)!);
  const corrupt = calibrationCorruptAt(ctx, backend, time);
  const calibration = model?.summaryAt(time, corrupt > 0);
  const predicted = calibration ? predictFidelity(calibration, width, depth) : Number.NaN;
  const available = ctx.providers.reportedAvailable(backend.provider, backend.backend, time);
  const inputs: DecisionPlan['inputs'] = {
    queueLength: queue.queueLength,
    backlogSeconds: Math.round(queue.backlogSeconds),
    rateLimitRemaining: limit.remaining,
    ...(calibration
      ? { calibrationAgeSeconds: Math.max(0, Math.round((time - calibration.calibratedAt) / 1000)) }
      : {}),
    ...(Number.isFinite(predicted) ? { predictedFidelity: Math.round(predicted * 1e4) / 1e4 } : {}),
    providerAvailable: available,
  };
  if (!available) {
    return toSimulator(DECISION_REASON.providerUnavailable, inputs, true);
  }
  // The orchestrator estimates the wait from the queue it sees; the estimate is rough.
  if (queue.ourWaitMedianSeconds * rng.logNormal(1, 0.3) > MAX_ACCEPTABLE_WAIT_SECONDS) {
    return toSimulator(DECISION_REASON.queueSaturated, inputs, true);
  }
  if (limit.remaining < limit.limit * MIN_RATE_LIMIT_SHARE) {
    return toSimulator(DECISION_REASON.rateLimited, inputs, true);
  }
  const slipsThrough = corrupt > 0 && rng.chance(corrupt * 0.5);
  if (calibration?.corrupted && !slipsThrough) {
    return toSimulator(DECISION_REASON.calibrationInvalid, inputs, true);
  }
  if (Number.isFinite(predicted) && predicted < MIN_PREDICTED_FIDELITY) {
    return toSimulator(DECISION_REASON.lowPredictedFidelity, inputs, true);
  }
  const elevated = queue.saturation > ELEVATED_QUEUE_RATIO;
  return {
    plan: {
      ...base,
      path: 'qpu',
      reason: elevated ? DECISION_REASON.queueElevatedFewerShots : DECISION_REASON.qpuHealthy,
      provider: backend.provider,
      backend: backend.backend,
      inputs: { ...inputs, flags },
    },
    backend,
    ...(calibration ? { calibration } : {}),
    onCorruptCalibration: slipsThrough,
    ...(elevated ? { shotReduction: ELEVATED_SHOT_REDUCTION } : {}),
  };
}
