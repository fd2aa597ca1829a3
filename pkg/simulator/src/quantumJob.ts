import { QUANTUM_ERROR_TYPE, type QuantumErrorType } from '@hybridlens/conventions';
import type { CalibrationSummary } from './calibration';
import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import { JOB_STATE_MACHINES, type JobFinal, providerJobId } from './jobStates';
import type { JobPlan } from './plan';
import { estimateSpendUsd } from './pricing';
import type { QueueSnapshot, RateLimitSnapshot } from './providerState';
import { clamp, type Rng } from './rng';
import type { QuantumBackend } from './topology';

/** Share of a simulator's jobs that a divergence fault breaks, per unit of intensity (the rest only lose fidelity). */
const DIVERGENCE_INVALID_SHARE = 0.2;
/** Jobs that run on a corrupt calibration fail this often (wrong qubit choice, wrong pulse amplitudes). */
const CORRUPT_CALIBRATION_FAILURE = 0.6;

export interface JobRequest {
  backend: QuantumBackend;
  shots: number;
  originalShots?: number;
  width: number;
  depth: number;
  /** Calibration the orchestrator used (undefined for simulators). */
  calibration?: CalibrationSummary;
  /** The job runs even though the calibration metadata is corrupt. */
  onCorruptCalibration: boolean;
  queue: QueueSnapshot;
  rateLimit: RateLimitSnapshot;
  outage: number;
  region: string;
}

/** Seconds of device time per shot (repetition delay + circuit + readout) and fixed overhead. */
function executionSeconds(backend: QuantumBackend, shots: number, width: number, rng: Rng): number {
  switch (backend.technology) {
    case 'trapped-ion':
      return 5 + shots * rng.uniform(0.012, 0.02);
    case 'superconducting':
      return 0.8 + shots * rng.uniform(2.5e-4, 4e-4);
    case 'simulator':
      // State-vector cost doubles per qubit; a 20-qubit, 1000-shot run takes about 0.06 s on the pool's GPUs.
      return 0.01 + Math.pow(2, width - 20) * 0.06 * Math.max(1, shots / 1000) * rng.uniform(0.8, 1.2);
  }
}

/**
 * One quantum job through the provider: submission (maybe a 429 or an outage), queue wait, compile,
 * execution with the provider's own final state, error type, fidelity, spend and coherence margin.
 */
export function simulateJob(req: JobRequest, time: number, offset: number, faults: FaultEngine, rng: Rng): JobPlan {
  const { backend } = req;
  const machine = JOB_STATE_MACHINES[backend.provider];
  const simulator = backend.technology === 'simulator';
  const qubitsUsed = pickQubits(backend.qubits, req.width, rng);
  const optimizationLevel = simulator ? 1 : rng.chance(0.7) ? 2 : 3;
  const job: JobPlan = {
    provider: backend.provider,
    backend: backend.backend,
    simulator,
    shots: req.shots,
    ...(req.originalShots !== undefined ? { originalShots: req.originalShots } : {}),
    ...(req.calibration ? { calibrationVersion: req.calibration.version } : {}),
    circuitDepth: req.depth,
    circuitWidth: req.width,
    qubitsUsed,
    optimizationLevel,
    transpilerOptions: {
      optimization_level: optimizationLevel,
      layout_method: 'sabre',
      routing_method: 'sabre',
      seed_transpiler: rng.int(0, 9999),
    },
    enqueue: { start: offset, end: offset },
  };

  const apiLatency = Math.round(rng.logNormal(backend.submitSeconds * 1000, 0.35));
  // Submission rejected by the API (429) or by an unavailable provider: no provider job exists.
  if (!simulator && rng.chance(req.rateLimit.rejectShare)) {
    job.enqueue = { start: offset, end: offset + apiLatency, rateLimited: true };
    return job;
  }
  const jobId = providerJobId(backend.provider, rng, backend.region);
  if (rng.chance(req.outage)) {
    const end = offset + apiLatency + Math.round(rng.uniform(2000, 10000));
    job.enqueue = { start: offset, end, providerJobId: jobId, queuePosition: req.queue.queueLength };
    job.execute = {
      start: end,
      end: end + 5,
      providerJobId: jobId,
      providerStatus: machine.final.error,
      outcome: 'error',
      errorType: QUANTUM_ERROR_TYPE.providerUnavailable,
    };
    return job;
  }

  // Waiting for a slot: short and exponential on reserved capacity, log-normal once a saturated queue spills over.
  const waitSeconds =
    req.queue.ourWaitMedianSeconds < 1
      ? rng.exponential(req.queue.ourWaitMedianSeconds)
      : rng.logNormal(req.queue.ourWaitMedianSeconds, 0.6);
  const enqueueEnd = offset + apiLatency + Math.round(waitSeconds * 1000);
  job.enqueue = {
    start: offset,
    end: enqueueEnd,
    providerJobId: jobId,
    queuePosition: Math.max(1, Math.round(req.queue.queueLength * rng.uniform(0.3, 1))),
  };
  const compileSeconds = simulator ? rng.logNormal(0.03, 0.4) : rng.logNormal(0.6 + req.depth / 200, 0.35);
  const compileEnd = enqueueEnd + Math.round(compileSeconds * 1000);
  const rates = backend.failures;
  const compileFails = rng.chance(rates.compileError);
  job.compile = {
    start: enqueueEnd,
    end: compileEnd,
    ...(compileFails ? { error: 'transpilation failed: no layout satisfies the coupling map' } : {}),
  };
  if (compileFails) {
    job.execute = {
      start: compileEnd,
      end: compileEnd + 1,
      providerJobId: jobId,
      providerStatus: machine.final.error,
      outcome: 'error',
      errorType: QUANTUM_ERROR_TYPE.compileError,
    };
    return job;
  }

  const target = { provider: backend.provider, backend: backend.backend };
  const hardwareRate =
    rates.hardwareFailure + (simulator ? 0 : faults.intensity(FAULT_KIND.hardwareFailure, time, target));
  const extraErrors = simulator ? 0 : faults.intensity(FAULT_KIND.qpuErrorRate, time, target);
  const divergence = simulator ? faults.intensity(FAULT_KIND.simulatorDivergence, time, target) : 0;
  let final: JobFinal = 'success';
  let errorType: QuantumErrorType | undefined;
  const roll = rng.next();
  let p = hardwareRate;
  if (roll < p) {
    final = 'error';
    errorType = QUANTUM_ERROR_TYPE.hardwareFailure;
  } else if (roll < (p += rates.calibrationInvalid + (req.onCorruptCalibration ? CORRUPT_CALIBRATION_FAILURE : 0))) {
    final = 'error';
    errorType = QUANTUM_ERROR_TYPE.calibrationInvalid;
  } else if (roll < (p += rates.timeout + extraErrors / 2)) {
    final = 'error';
    errorType = QUANTUM_ERROR_TYPE.timeout;
  } else if (roll < (p += rates.invalidResult + extraErrors / 2 + divergence * DIVERGENCE_INVALID_SHARE)) {
    final = 'error';
    errorType = QUANTUM_ERROR_TYPE.invalidResult;
  } else if (roll < p + rates.cancelled) {
    final = 'cancelled';
  }

  let runSeconds = executionSeconds(backend, req.shots, req.width, rng);
  if (errorType === QUANTUM_ERROR_TYPE.timeout) {
    runSeconds = simulator ? 30 : 300;
  } else if (final !== 'success') {
    runSeconds *= rng.uniform(0.05, 0.9);
  }
  const executeEnd = compileEnd + Math.round(runSeconds * 1000);
  const fidelity = final === 'success' ? jobFidelity(req, divergence, extraErrors, rng) : undefined;
  const circuitSeconds = req.depth * backend.calibration.twoQubitGateSeconds + backend.calibration.readoutSeconds;
  const t2 = req.calibration?.medianT2Seconds;
  job.execute = {
    start: compileEnd,
    end: executeEnd,
    providerJobId: jobId,
    providerStatus: machine.final[final],
    outcome: final,
    ...(errorType ? { errorType } : {}),
    ...(fidelity !== undefined ? { fidelity } : {}),
    spendUsd: Number(
      estimateSpendUsd(backend.price, {
        shots: final === 'cancelled' ? 0 : req.shots,
        qpuSeconds: runSeconds,
        oneQubitGates: req.width * req.depth,
        twoQubitGates: Math.round((req.width * req.depth) / 4),
      }).toFixed(4)
    ),
    ...(!simulator && t2 !== undefined && Number.isFinite(t2) ? { coherenceMarginSeconds: t2 - circuitSeconds } : {}),
  };
  return job;
}

function jobFidelity(req: JobRequest, divergence: number, extraErrors: number, rng: Rng): number {
  if (req.backend.technology === 'simulator') {
    // A healthy simulator agrees with the reference almost exactly; injected noise pulls it away.
    return Number(clamp(rng.normal(0.995 - divergence, 0.003 + divergence / 6), 0, 1).toFixed(4));
  }
  const cal = req.calibration;
  const layers = 1 + Math.log2(1 + req.depth / 20);
  const budget = cal
    ? req.width * layers * (cal.median2qError + 2 * cal.median1qError) + 0.5 * req.width * cal.medianReadoutError
    : 0.3;
  const f = Math.exp(-(Number.isFinite(budget) ? budget : 1)) * (1 - extraErrors / 2) * rng.logNormal(1, 0.03);
  return Number(clamp(f, 0, 1).toFixed(4));
}

function pickQubits(total: number, width: number, rng: Rng): number[] {
  const first = rng.int(0, Math.max(0, total - width));
  return Array.from({ length: Math.min(width, total) }, (_, i) => first + i);
}
