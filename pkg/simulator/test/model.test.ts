import { QUANTUM_ERROR_TYPE } from '@hybridlens/conventions';
import { CalibrationModel } from '../src/calibration';
import { FaultEngine } from '../src/faultEngine';
import type { ScheduledFault } from '../src/faultKinds';
import { defaultFlags } from '../src/flags';
import { JOB_STATE_MACHINES } from '../src/jobStates';
import { calibrationKey, DECISION_REASON, type RoutingContext } from '../src/orchestrator';
import { BRAKET_IQM_GARNET_PER_SHOT_USD, BRAKET_PER_TASK_USD } from '../src/pricing';
import { ProviderState, STATUS_REPORT_LAG_MS } from '../src/providerState';
import { simulateJob } from '../src/quantumJob';
import { simulateRequest } from '../src/requestSimulator';
import { Rng } from '../src/rng';
import { DEFAULT_TOPOLOGY, RIGETTI_CALIBRATION_DEVICE } from '../src/topology';

const T = Date.parse('2026-11-18T14:00:00Z');
const HOUR = 3_600_000;
const backend = (name: string) => DEFAULT_TOPOLOGY.backends.find((b) => b.backend === name)!;

function context(faults: ScheduledFault[] = [], flags = defaultFlags()): RoutingContext {
  const engine = new FaultEngine(faults);
  const providers = new ProviderState(DEFAULT_TOPOLOGY, engine, new Rng(1));
  providers.advance(T, 60);
  return {
    topology: DEFAULT_TOPOLOGY,
    faults: engine,
    flags,
    providers,
    calibrations: new Map(DEFAULT_TOPOLOGY.backends.map((b) => [calibrationKey(b), new CalibrationModel(b, 1)])),
  };
}

function fault(kind: ScheduledFault['kind'], extra: Partial<ScheduledFault> = {}): ScheduledFault {
  return { kind, start: T - HOUR, end: T + HOUR, intensity: 1, origin: 'test', ...extra };
}

const optimize = DEFAULT_TOPOLOGY.routes.find((r) => r.route === '/v1/optimize')!;

describe('provider models', () => {
  it('end jobs in the provider’s own state names, with its own job id format', () => {
    const ctx = context([
      fault('qpu_error_rate', { provider: 'ibm', intensity: 0.5 }),
      fault('qpu_error_rate', { provider: 'braket', intensity: 0.5 }),
      fault('qpu_error_rate', { provider: 'azure', intensity: 0.5 }),
      // The certified simulator almost never fails on its own.
      fault('simulator_divergence', { intensity: 1 }),
    ]);
    const rng = new Rng(7);
    const idFormat: Record<string, RegExp> = {
      ibm: /^[0-9a-z]{20}$/,
      braket: /^arn:aws:braket:[a-z0-9-]+:\d{12}:quantum-task\/[0-9a-f-]{36}$/,
      azure: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      local: /^local-[0-9a-f-]{36}$/,
    };
    for (const b of DEFAULT_TOPOLOGY.backends) {
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const job = simulateJob(
          {
            backend: b,
            shots: 1000,
            width: 8,
            depth: 40,
            onCorruptCalibration: false,
            queue: ctx.providers.queue(b),
            rateLimit: ctx.providers.rateLimit(b.provider),
            outage: 0,
            region: 'us-east-1',
          },
          T,
          0,
          ctx.faults,
          rng
        );
        expect(job.execute!.providerJobId).toMatch(idFormat[b.provider]!);
        seen.add(job.execute!.providerStatus);
      }
      const machine = JOB_STATE_MACHINES[b.provider];
      expect([...seen].every((s) => Object.values(machine.final).includes(s))).toBe(true);
      expect(seen.has(machine.final.success)).toBe(true);
      expect(seen.has(machine.final.error)).toBe(true);
    }
    expect(JOB_STATE_MACHINES.braket.final).toEqual({ success: 'COMPLETED', error: 'FAILED', cancelled: 'CANCELLED' });
    expect(JOB_STATE_MACHINES.azure.final).toEqual({ success: 'Succeeded', error: 'Failed', cancelled: 'Cancelled' });
  });

  it('prices Braket jobs per task plus per shot', () => {
    const ctx = context();
    const garnet = backend('Garnet');
    const job = simulateJob(
      {
        backend: garnet,
        shots: 2000,
        width: 5,
        depth: 20,
        onCorruptCalibration: false,
        queue: ctx.providers.queue(garnet),
        rateLimit: ctx.providers.rateLimit('braket'),
        outage: 0,
        region: 'eu-north-1',
      },
      T,
      0,
      ctx.faults,
      new Rng(3)
    );
    expect(job.execute!.spendUsd).toBeCloseTo(BRAKET_PER_TASK_USD + 2000 * BRAKET_IQM_GARNET_PER_SHOT_USD, 4);
  });

  it('answers 429s on submission while the provider rate-limits', () => {
    const ctx = context([fault('rate_limiting', { provider: 'braket', intensity: 1 })]);
    const garnet = backend('Garnet');
    const job = simulateJob(
      {
        backend: garnet,
        shots: 100,
        width: 5,
        depth: 20,
        onCorruptCalibration: false,
        queue: ctx.providers.queue(garnet),
        rateLimit: ctx.providers.rateLimit('braket'),
        outage: 0,
        region: 'eu-north-1',
      },
      T,
      0,
      ctx.faults,
      new Rng(3)
    );
    expect(job.enqueue.rateLimited).toBe(true);
    expect(job.execute).toBeUndefined();
  });
});

describe('calibration', () => {
  it('stays in the published ranges and drifts from day to day', () => {
    const ranges: Array<[string, number, number]> = [
      ['ibm_sherbrooke', 100e-6, 400e-6],
      ['Garnet', 17e-6, 55e-6],
      ['ionq.qpu.aria-1', 5, 130],
    ];
    for (const [name, lo, hi] of ranges) {
      const model = new CalibrationModel(backend(name), 42);
      const medians = Array.from({ length: 20 }, (_, day) => model.summaryAt(T + day * 24 * HOUR).medianT1Seconds);
      expect(Math.min(...medians)).toBeGreaterThan(lo);
      expect(Math.max(...medians)).toBeLessThan(hi);
      expect(new Set(medians).size).toBe(20);
      expect(model.summaryAt(T).version).not.toBe(model.summaryAt(T + 24 * HOUR).version);
    }
    const rigetti = new CalibrationModel(RIGETTI_CALIBRATION_DEVICE, 42).summaryAt(T);
    expect(rigetti.medianT1Seconds).toBeGreaterThan(17e-6);
    expect(rigetti.medianT1Seconds).toBeLessThan(55e-6);
  });
});

describe('orchestrator and fallbacks', () => {
  const plans = (ctx: RoutingContext, n = 400) => {
    const rng = new Rng(11);
    return Array.from({ length: n }, (_, i) => simulateRequest(ctx, optimize, 'us-east-1', T, rng, i));
  };

  it('serves healthy traffic mostly from the QPU, without degradation', () => {
    const all = plans(context());
    const qpu = all.filter((p) => p.steps[0]?.type === 'decision' && p.steps[0].decision.path === 'qpu');
    expect(qpu.length / all.length).toBeGreaterThan(optimize.qpuShare - 0.08);
    expect(all.filter((p) => p.outcome !== 'ok').length / all.length).toBeLessThan(0.06);
  });

  it('falls back to the simulator on hardware failures and marks those responses degraded', () => {
    const all = plans(context([fault('hardware_failure', { provider: 'ibm', intensity: 1 })]));
    const failed = all.filter((p) =>
      p.steps.some((s) => s.type === 'job' && s.job.execute?.errorType === QUANTUM_ERROR_TYPE.hardwareFailure)
    );
    expect(failed.length).toBeGreaterThan(50);
    for (const p of failed) {
      expect(
        p.steps.some(
          (s) =>
            s.type === 'fallback' &&
            s.from === 'qpu' &&
            s.to === 'simulator' &&
            s.reason === QUANTUM_ERROR_TYPE.hardwareFailure
        )
      ).toBe(true);
      expect(p.outcome).not.toBe('ok');
      expect(p.postprocess?.degraded).toBe(true);
    }
  });

  it('routes around saturated queues and an unavailable provider with explained reasons', () => {
    const reasons = (ctx: RoutingContext) =>
      new Set(plans(ctx).map((p) => (p.steps[0]?.type === 'decision' ? p.steps[0].decision.reason : '')));
    expect(reasons(context([fault('queue_saturation', { provider: 'ibm', intensity: 50 })]))).toContain(
      DECISION_REASON.queueSaturated
    );
    // A moderately longer queue keeps the QPU but asks for fewer shots, and the response is degraded.
    const elevated = plans(context([fault('queue_saturation', { provider: 'ibm', intensity: 4 })])).filter(
      (p) => p.steps[0]?.type === 'decision' && p.steps[0].decision.reason === DECISION_REASON.queueElevatedFewerShots
    );
    expect(elevated.length).toBeGreaterThan(20);
    for (const p of elevated) {
      const job = p.steps.find((s) => s.type === 'job');
      expect(job?.type === 'job' && job.job.originalShots! > job.job.shots).toBe(true);
      expect(p.outcome).not.toBe('ok');
    }
    expect(reasons(context([fault('provider_outage', { provider: 'braket' })]))).toContain(
      DECISION_REASON.providerUnavailable
    );
    expect(reasons(context([fault('calibration_corrupt', { provider: 'ibm' })]))).toContain(
      DECISION_REASON.calibrationInvalid
    );
  });

  it('shows LLM drift as validator failures, a new model version and more tokens', () => {
    const healthy = plans(context(), 300);
    const drifted = plans(context([fault('llm_hallucination', { model: optimize.model, intensity: 0.4 })]), 300);
    const failRate = (ps: typeof healthy) =>
      ps.filter((p) => p.llm.validations.some((v) => v.validator === 'hallucination' && !v.pass)).length / ps.length;
    expect(failRate(healthy)).toBeLessThan(0.05);
    expect(failRate(drifted)).toBeGreaterThan(0.25);
    expect(new Set(drifted.map((p) => p.llm.responseModel)).size).toBe(1);
    expect(drifted[0]!.llm.responseModel).not.toBe(healthy[0]!.llm.responseModel);
    const tokens = (ps: typeof healthy) => ps.reduce((s, p) => s + p.llm.outputTokens, 0) / ps.length;
    expect(tokens(drifted)).toBeGreaterThan(1.5 * tokens(healthy));
  });
});

describe('chaos faults', () => {
  const assist = DEFAULT_TOPOLOGY.routes.find((r) => r.route === '/v1/assist')!;
  const run = (ctx: RoutingContext, route = assist, n = 400) => {
    const rng = new Rng(5);
    return Array.from({ length: n }, (_, i) => simulateRequest(ctx, route, 'eu-west-1', T, rng, i));
  };
  const simulatorJobs = (ps: ReturnType<typeof run>) =>
    ps.flatMap((p) => p.steps.flatMap((s) => (s.type === 'job' && s.job.simulator ? [s.job] : [])));

  it('LLM cold starts add seconds to the LLM call', () => {
    const healthy = run(context());
    const cold = run(context([fault('llm_cold_starts', { model: assist.model, intensity: 0.5 })]));
    const share = (ps: typeof healthy) => ps.filter((p) => p.llm.coldStart).length / ps.length;
    expect(share(healthy)).toBeLessThan(0.02);
    expect(share(cold)).toBeGreaterThan(0.35);
    const coldLatency = cold.filter((p) => p.llm.coldStart).map((p) => p.llm.end - p.llm.start);
    expect(Math.min(...coldLatency)).toBeGreaterThan(1500);
    // The first token waits for the cold instance: most of the call is before it.
    const ttft = (ps: typeof healthy) =>
      ps.filter((p) => p.llm.firstToken !== undefined).map((p) => p.llm.firstToken! - p.llm.start);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(ttft(healthy))).toBeLessThan(600);
    expect(
      Math.min(...cold.filter((p) => p.llm.coldStart && !p.llm.error).map((p) => p.llm.firstToken! - p.llm.start))
    ).toBeGreaterThan(1500);
  });

  it('streams every call: the first token arrives after the start and before the end, never on a failed call', () => {
    const all = run(context([fault('llm_cold_starts', { model: assist.model, intensity: 0.5 })]), assist, 600);
    for (const p of all) {
      if (p.llm.error) {
        expect(p.llm.firstToken).toBeUndefined();
      } else {
        expect(p.llm.firstToken!).toBeGreaterThan(p.llm.start);
        expect(p.llm.firstToken!).toBeLessThan(p.llm.end);
      }
    }
    expect(all.some((p) => p.llm.error)).toBe(true);
  });

  it('deterministic decoding (temperature 0) cuts hallucinations during a drift', () => {
    const drift = [fault('llm_hallucination', { model: optimize.model, intensity: 0.4 })];
    const hallucinated = (ps: ReturnType<typeof run>) =>
      ps.filter((p) => p.llm.validations.some((v) => v.validator === 'hallucination' && !v.pass)).length;
    const sampled = run(context(drift), optimize, 800);
    const deterministic = run(context(drift, { ...defaultFlags(), deterministicDecoding: true }), optimize, 800);
    expect(new Set(deterministic.map((p) => p.llm.temperature))).toEqual(new Set([0]));
    expect(new Set(sampled.map((p) => p.llm.temperature))).not.toContain(0);
    expect(hallucinated(deterministic)).toBeLessThan(0.6 * hallucinated(sampled));
  });

  it('simulator divergence lowers simulator fidelity and breaks some results', () => {
    const fidelity = (ps: ReturnType<typeof run>) => {
      const f = simulatorJobs(ps).flatMap((j) => (j.execute?.fidelity !== undefined ? [j.execute.fidelity] : []));
      return f.reduce((a, b) => a + b, 0) / f.length;
    };
    const healthy = run(context());
    const noisy = run(context([fault('simulator_divergence', { intensity: 0.4 })]));
    expect(fidelity(healthy)).toBeGreaterThan(0.98);
    expect(fidelity(noisy)).toBeLessThan(0.7);
    const broken = simulatorJobs(noisy).filter((j) => j.execute?.errorType === QUANTUM_ERROR_TYPE.invalidResult);
    expect(broken.length).toBeGreaterThan(0.04 * simulatorJobs(noisy).length);
    expect(simulatorJobs(healthy).filter((j) => j.execute?.outcome === 'error')).toEqual([]);
  });

  it('jobs that run on corrupted calibration fail as calibration_invalid', () => {
    const plans = run(context([fault('calibration_corrupt', { provider: 'ibm', intensity: 1 })]), optimize, 600);
    const ibmErrors = plans.flatMap((p) =>
      p.steps.flatMap((s) => (s.type === 'job' && s.job.provider === 'ibm' ? [s.job.execute?.errorType] : []))
    );
    expect(ibmErrors.filter((e) => e === QUANTUM_ERROR_TYPE.calibrationInvalid).length).toBeGreaterThan(5);
  });
});

describe('provider status', () => {
  it('reports an outage, and its end, one status lag late', () => {
    const outage = fault('provider_outage', { provider: 'azure', start: T, end: T + HOUR });
    const providers = new ProviderState(DEFAULT_TOPOLOGY, new FaultEngine([outage]), new Rng(1));
    const available = (t: number) => providers.reportedAvailable('azure', 'ionq.qpu.aria-1', t);
    expect(available(T - 1)).toBe(true);
    expect(available(T + STATUS_REPORT_LAG_MS - 1)).toBe(true);
    expect(available(T + STATUS_REPORT_LAG_MS)).toBe(false);
    expect(available(T + HOUR + STATUS_REPORT_LAG_MS - 1)).toBe(false);
    expect(available(T + HOUR + STATUS_REPORT_LAG_MS)).toBe(true);
    expect(providers.reportedAvailable('ibm', 'ibm_sherbrooke', T + 2 * STATUS_REPORT_LAG_MS)).toBe(true);
  });

  it('jobs fail before the status reports the outage, then the orchestrator routes around it', () => {
    const outage = fault('provider_outage', { provider: 'braket', start: T - STATUS_REPORT_LAG_MS / 2, end: T + HOUR });
    const early = context([outage]);
    const plans = Array.from({ length: 400 }, (_, i) =>
      simulateRequest(early, optimize, 'us-east-1', T, new Rng(i), i)
    );
    const braketErrors = plans.flatMap((p) =>
      p.steps.flatMap((s) => (s.type === 'job' && s.job.provider === 'braket' ? [s.job.execute?.errorType] : []))
    );
    expect(braketErrors.filter((e) => e === QUANTUM_ERROR_TYPE.providerUnavailable).length).toBeGreaterThan(20);
    const later = T + STATUS_REPORT_LAG_MS;
    const routed = Array.from({ length: 400 }, (_, i) =>
      simulateRequest(early, optimize, 'us-east-1', later, new Rng(i), i)
    );
    expect(
      routed.some((p) =>
        p.steps.some((s) => s.type === 'decision' && s.decision.reason === DECISION_REASON.providerUnavailable)
      )
    ).toBe(true);
    expect(routed.flatMap((p) => p.steps).filter((s) => s.type === 'job' && s.job.provider === 'braket')).toEqual([]);
  });
});
