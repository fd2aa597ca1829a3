import { QUANTUM_ERROR_TYPE, type ExecutionPath } from '@hybridlens/conventions';
import { simulateLlmCall } from './llmModel';
import { PROMPT_TEMPLATE_VERSION_AT_ANCHOR } from './modelVersions';
import { DECISION_REASON, decide, type RoutingContext, topologyIndex } from './orchestrator';
import type { JobPlan, PlanStep, RequestPlan } from './plan';
import { simulateJob } from './quantumJob';
import { clamp, type Rng } from './rng';
import type { QuantumBackend, RouteProfile } from './topology';

/** The classical heuristic is the last resort: plain code on our own machines, it almost never fails. */
const CLASSICAL_FALLBACK_FAILURE_RATE = 0.0001;

function jobFailed(job: JobPlan): boolean {
  return !job.execute || job.execute.outcome !== 'success';
}

function failureReason(job: JobPlan): string {
  if (!job.execute) {
    return job.enqueue.rateLimited ? QUANTUM_ERROR_TYPE.rateLimited : QUANTUM_ERROR_TYPE.providerUnavailable;
  }
  return job.execute.errorType ?? job.execute.outcome;
}

function jobEnd(job: JobPlan): number {
  return job.execute?.end ?? job.compile?.end ?? job.enqueue.end;
}

/** Simulate one request of `route` arriving at `time` (the fault / flag state of that instant). */
export function simulateRequest(
  ctx: RoutingContext,
  route: RouteProfile,
  region: string,
  time: number,
  rng: Rng,
  sequence: number
): RequestPlan {
  const model = ctx.topology.models.find((m) => m.model === route.model)!;
  const llm = simulateLlmCall(
    model,
    time,
    Math.round(rng.uniform(2, 8)),
    ctx.faults,
    rng,
    ctx.flags.deterministicDecoding,
    ctx.promptRollouts?.versionAt(time) ?? `v${PROMPT_TEMPLATE_VERSION_AT_ANCHOR}`
  );
  const plan: RequestPlan = {
    route: route.route,
    model: route.model,
    region,
    tenant: `tenant-${rng.int(1, 40).toString().padStart(3, '0')}`,
    // Stand-ins for the prompt and result texts: only their hashes leave the SDK, so short unique strings do.
    prompt: `${llm.promptTemplateVersion}:${sequence}`,
    result: `r:${sequence}`,
    llm,
    steps: [],
    outcome: 'ok',
    httpStatus: 200,
    duration: 0,
  };
  if (llm.error) {
    plan.outcome = 'error';
    plan.httpStatus = 502;
    plan.duration = llm.end + Math.round(rng.uniform(1, 4));
    return plan;
  }

  const width = rng.int(route.circuitWidth[0], route.circuitWidth[1]);
  const depth = rng.int(route.circuitDepth[0], route.circuitDepth[1]);
  const decision = decide(ctx, route, width, depth, time, llm.end, rng);
  plan.steps.push({ type: 'decision', decision: decision.plan });
  let t = decision.plan.end;
  let degraded = decision.plan.fallbackFrom !== undefined;
  let failed = false;
  const steps: PlanStep[] = plan.steps;
  const shotsFor = (backend: QuantumBackend) =>
    clamp(Math.round(rng.logNormal(route.shotsMedian, 0.5) / 100) * 100, 100, backend.maxShots);

  const runClassicalFallback = (from: ExecutionPath, reason: string) => {
    const ok = !rng.chance(CLASSICAL_FALLBACK_FAILURE_RATE);
    t += Math.round(rng.logNormal(120, 0.5));
    steps.push({ type: 'fallback', from, to: 'classical', reason, outcome: ok ? 'success' : 'failure', time: t });
    degraded = true;
    failed = !ok;
  };

  const runSimulator = (fallbackFrom?: ExecutionPath, reason?: string) => {
    const simulator = topologyIndex(ctx.topology).simulator;
    const job = simulateJob(
      {
        backend: simulator,
        shots: shotsFor(simulator),
        width: Math.min(width, simulator.qubits),
        depth,
        onCorruptCalibration: false,
        queue: ctx.providers.queue(simulator),
        rateLimit: { limit: 1, remaining: 1, rejectShare: 0 },
        outage: 0,
        region,
      },
      time,
      t,
      ctx.faults,
      rng
    );
    steps.push({ type: 'job', job });
    t = jobEnd(job);
    if (fallbackFrom && reason) {
      steps.push({
        type: 'fallback',
        from: fallbackFrom,
        to: 'simulator',
        reason,
        outcome: jobFailed(job) ? 'failure' : 'success',
        time: t,
      });
      degraded = true;
    }
    if (jobFailed(job)) {
      runClassicalFallback('simulator', failureReason(job));
    }
  };

  if (decision.plan.path === 'classical') {
    t += Math.round(rng.logNormal(150, 0.5));
  } else if (decision.plan.path === 'simulator') {
    runSimulator(decision.plan.fallbackFrom, decision.plan.fallbackFrom ? decision.plan.reason : undefined);
  } else {
    const backend = decision.backend!;
    const requested = shotsFor(backend);
    const factor = Math.max(ctx.flags.shotReductionFactor, decision.shotReduction ?? 1);
    const reduced = factor > 1 ? Math.max(100, Math.round(requested / factor)) : requested;
    const job = simulateJob(
      {
        backend,
        shots: reduced,
        ...(reduced !== requested ? { originalShots: requested } : {}),
        width,
        depth,
        ...(decision.calibration ? { calibration: decision.calibration } : {}),
        onCorruptCalibration: decision.onCorruptCalibration,
        queue: ctx.providers.queue(backend),
        rateLimit: ctx.providers.rateLimit(backend.provider),
        outage: ctx.providers.outage(backend.provider, backend.backend, time),
        region,
      },
      time,
      t,
      ctx.faults,
      rng
    );
    steps.push({ type: 'job', job });
    t = jobEnd(job);
    degraded ||= reduced !== requested;
    if (jobFailed(job)) {
      const reason = failureReason(job);
      const again = t + Math.round(rng.uniform(2, 8));
      steps.push({
        type: 'decision',
        decision: {
          path: 'simulator',
          reason: reason === QUANTUM_ERROR_TYPE.rateLimited ? DECISION_REASON.rateLimited : reason,
          provider: topologyIndex(ctx.topology).simulator.provider,
          backend: ctx.topology.simulatorBackend,
          fallbackFrom: 'qpu',
          start: t,
          end: again,
          inputs: { providerAvailable: reason !== QUANTUM_ERROR_TYPE.providerUnavailable },
        },
      });
      t = again;
      runSimulator('qpu', reason);
    }
  }

  const postStart = t;
  t += Math.round(rng.logNormal(40, 0.4));
  plan.postprocess = { start: postStart, end: t, degraded };
  plan.outcome = failed ? 'error' : degraded ? 'degraded' : 'ok';
  plan.httpStatus = failed ? 503 : 200;
  plan.duration = t + Math.round(rng.uniform(1, 3));
  return plan;
}
