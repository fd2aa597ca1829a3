import type { ProviderId } from './jobStates';
import {
  AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD,
  AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD,
  AZURE_IONQ_PER_PROGRAM_USD,
  AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD,
  BRAKET_IQM_GARNET_PER_SHOT_USD,
  BRAKET_PER_TASK_USD,
  BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD,
  IBM_PAYG_PER_SECOND_USD,
  type PriceModel,
} from './pricing';

export type Technology = 'superconducting' | 'trapped-ion' | 'simulator';

/** Ranges a backend's calibration is drawn from (seconds / ratios), then drifts inside over days. */
export interface CalibrationProfile {
  t1Seconds: readonly [number, number];
  /** T2 as a fraction of T1 (T2 <= 2 T1 physically; typical devices sit well below). */
  t2OverT1: readonly [number, number];
  readoutError: readonly [number, number];
  oneQubitError: readonly [number, number];
  twoQubitError: readonly [number, number];
  oneQubitGateSeconds: number;
  twoQubitGateSeconds: number;
  readoutSeconds: number;
  /** How often the provider recalibrates. */
  recalibrationHours: number;
}

export interface QueueProfile {
  /** Typical number of jobs waiting at the provider (everyone's jobs, not only ours). */
  medianLength: number;
  /** Seconds one queued job takes on average (for the backlog estimate). */
  secondsPerJob: number;
  /**
   * Median time our job waits for a slot of our reserved capacity (IBM dedicated / session access, Braket
   * reservations): far below the public backlog while the provider's queue is normal.
   */
  ourWaitMedianSeconds: number;
  /**
   * Extra median wait per unit of queue saturation above normal (saturation 10 = ten times the usual
   * queue): once the reserved slots are taken, our jobs queue with everyone else's.
   */
  saturatedWaitSecondsPerUnit: number;
}

/** Per-job probabilities of the ways a job fails on a healthy backend (the providers' published reliability). */
export interface FailureProfile {
  hardwareFailure: number;
  timeout: number;
  invalidResult: number;
  calibrationInvalid: number;
  compileError: number;
  /** Withdrawn jobs: neither good nor bad for the job-success SLO. */
  cancelled: number;
}

export interface QuantumBackend {
  provider: ProviderId;
  backend: string;
  technology: Technology;
  /** Processor family as the provider names it (Eagle r3, Heron r2, Crystal, ...). */
  processorFamily: string;
  qubits: number;
  region: string;
  price: PriceModel;
  calibration: CalibrationProfile;
  queue: QueueProfile;
  failures: FailureProfile;
  /** Median seconds of the provider's job-submission API call. */
  submitSeconds: number;
  /**
   * Most shots the orchestrator asks of this backend in one program: the device's limit, or a cost cap where
   * the provider bills every shot of every gate (Azure IonQ).
   */
  maxShots: number;
  /** Share of the orchestrator's QPU traffic this backend receives when healthy. */
  weight: number;
}

export interface ProviderApi {
  provider: ProviderId;
  /** Requests allowed per rate-limit window of the provider API. */
  rateLimitPerWindow: number;
  rateLimitWindowSeconds: number;
}

export interface LlmModel {
  model: string;
  /** gen_ai.provider.name value. */
  genAiProvider: string;
  /** Versions the model answers with; drift faults switch to the next one. */
  responseModels: readonly string[];
  /** Time to the first streamed token on a warm instance (queueing and prefill), log-normal. */
  ttftMedianSeconds: number;
  ttftSigma: number;
  /** Decoding time per output token once streaming. */
  secondsPerOutputToken: number;
  inputTokensMedian: number;
  outputTokensMedian: number;
  outputTokensSigma: number;
  /** Calls that hit a cold instance when nothing is wrong. */
  coldStartProbability: number;
  /** Seconds a cold instance adds before the first token. */
  coldStartSecondsMedian: number;
  /** Validator failure rates when healthy, at the default temperature. */
  hallucinationRate: number;
  schemaFailureRate: number;
  /** Sampling temperature of the calls (deterministic decoding sets 0). */
  temperature: number;
}

export interface RouteProfile {
  route: string;
  model: string;
  /** Mean requests per second at the daily peak. */
  peakRequestsPerSecond: number;
  /** Share of requests the orchestrator wants to run on a QPU when everything is healthy. */
  qpuShare: number;
  /** Share served by a simulator when healthy (rest: classical heuristic). */
  simulatorShare: number;
  shotsMedian: number;
  circuitWidth: readonly [number, number];
  circuitDepth: readonly [number, number];
}

export interface Topology {
  serviceName: string;
  regions: readonly string[];
  routes: readonly RouteProfile[];
  models: readonly LlmModel[];
  backends: readonly QuantumBackend[];
  providerApis: readonly ProviderApi[];
  /** The local simulator the orchestrator falls back to. */
  simulatorBackend: string;
}

const superconductingIbm: CalibrationProfile = {
  t1Seconds: [140e-6, 330e-6],
  t2OverT1: [0.4, 1.1],
  readoutError: [0.006, 0.03],
  oneQubitError: [1.5e-4, 5e-4],
  twoQubitError: [4e-3, 1.2e-2],
  oneQubitGateSeconds: 36e-9,
  twoQubitGateSeconds: 533e-9,
  readoutSeconds: 1.2e-6,
  recalibrationHours: 24,
};

/** About 98.8% of jobs succeed on a healthy superconducting QPU (cancellations aside). */
const SUPERCONDUCTING_FAILURES: FailureProfile = {
  hardwareFailure: 0.0004,
  timeout: 0.0015,
  invalidResult: 0.006,
  calibrationInvalid: 0.0015,
  compileError: 0.001,
  cancelled: 0.002,
};

/**
 * The default topology. Traffic: a few tenths of a request per second at the daily peak, about 17,000
 * requests a day; chosen so that 30 days backfill within the benchmark's budget on a 2-core machine
 * (each request goes through @hybridlens/instrument: its cost, not the simulation, sets the limit).
 */
export const DEFAULT_TOPOLOGY: Topology = {
  serviceName: 'hybrid-solver',
  regions: ['us-east-1', 'eu-west-1'],
  routes: [
    {
      route: '/v1/optimize',
      model: 'gpt-4.1-mini',
      peakRequestsPerSecond: 0.12,
      qpuShare: 0.55,
      simulatorShare: 0.3,
      shotsMedian: 2000,
      circuitWidth: [6, 20],
      circuitDepth: [20, 120],
    },
    {
      route: '/v1/assist',
      model: 'llama-3.1-70b-instruct',
      peakRequestsPerSecond: 0.23,
      qpuShare: 0,
      simulatorShare: 0.45,
      shotsMedian: 1000,
      circuitWidth: [4, 12],
      circuitDepth: [10, 40],
    },
  ],
  models: [
    {
      model: 'gpt-4.1-mini',
      genAiProvider: 'openai',
      responseModels: ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini-2026-09-30'],
      ttftMedianSeconds: 0.3,
      ttftSigma: 0.3,
      secondsPerOutputToken: 0.006,
      inputTokensMedian: 900,
      outputTokensMedian: 70,
      outputTokensSigma: 0.3,
      coldStartProbability: 0,
      coldStartSecondsMedian: 0,
      hallucinationRate: 0.01,
      schemaFailureRate: 0.003,
      temperature: 0.2,
    },
    {
      model: 'llama-3.1-70b-instruct',
      genAiProvider: 'aws.bedrock',
      responseModels: ['meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:1'],
      ttftMedianSeconds: 0.25,
      ttftSigma: 0.3,
      secondsPerOutputToken: 0.0065,
      inputTokensMedian: 600,
      outputTokensMedian: 60,
      outputTokensSigma: 0.3,
      coldStartProbability: 0.0005,
      coldStartSecondsMedian: 6,
      hallucinationRate: 0.015,
      schemaFailureRate: 0.003,
      temperature: 0.2,
    },
  ],
  backends: [
    {
      provider: 'ibm',
      backend: 'ibm_sherbrooke',
      technology: 'superconducting',
      processorFamily: 'Eagle r3',
      qubits: 127,
      region: 'us-east',
      price: { kind: 'per-qpu-second', perSecondUsd: IBM_PAYG_PER_SECOND_USD },
      calibration: superconductingIbm,
      queue: { medianLength: 120, secondsPerJob: 25, ourWaitMedianSeconds: 0.08, saturatedWaitSecondsPerUnit: 5 },
      failures: SUPERCONDUCTING_FAILURES,
      submitSeconds: 0.18,
      maxShots: 100000,
      weight: 0.5,
    },
    {
      provider: 'braket',
      backend: 'Garnet',
      technology: 'superconducting',
      processorFamily: 'IQM Crystal 20',
      qubits: 20,
      region: 'eu-north-1',
      price: { kind: 'per-task-and-shot', perTaskUsd: BRAKET_PER_TASK_USD, perShotUsd: BRAKET_IQM_GARNET_PER_SHOT_USD },
      calibration: {
        t1Seconds: [25e-6, 45e-6],
        t2OverT1: [0.2, 0.6],
        readoutError: [0.01, 0.04],
        oneQubitError: [5e-4, 1.5e-3],
        twoQubitError: [4e-3, 1.5e-2],
        oneQubitGateSeconds: 20e-9,
        twoQubitGateSeconds: 40e-9,
        readoutSeconds: 1.5e-6,
        recalibrationHours: 24,
      },
      queue: { medianLength: 15, secondsPerJob: 40, ourWaitMedianSeconds: 0.1, saturatedWaitSecondsPerUnit: 8 },
      failures: { ...SUPERCONDUCTING_FAILURES, invalidResult: 0.008 },
      submitSeconds: 0.15,
      maxShots: 20000,
      weight: 0.44,
    },
    {
      provider: 'azure',
      backend: 'ionq.qpu.aria-1',
      technology: 'trapped-ion',
      processorFamily: 'IonQ Aria',
      qubits: 25,
      region: 'eastus',
      price: {
        kind: 'per-gate-shot',
        oneQubitGateShotUsd: AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD,
        twoQubitGateShotUsd: AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD,
        perProgramUsd: AZURE_IONQ_PER_PROGRAM_USD,
        perProgramWithErrorMitigationUsd: AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD,
      },
      calibration: {
        t1Seconds: [10, 100],
        t2OverT1: [0.005, 0.02],
        readoutError: [0.003, 0.008],
        oneQubitError: [2e-4, 6e-4],
        twoQubitError: [4e-3, 1e-2],
        oneQubitGateSeconds: 135e-6,
        twoQubitGateSeconds: 600e-6,
        readoutSeconds: 300e-6,
        recalibrationHours: 24,
      },
      queue: { medianLength: 8, secondsPerJob: 240, ourWaitMedianSeconds: 0.2, saturatedWaitSecondsPerUnit: 20 },
      failures: { ...SUPERCONDUCTING_FAILURES, hardwareFailure: 0.0002, invalidResult: 0.006 },
      submitSeconds: 0.35,
      // Azure bills IonQ per gate-shot: a 13-qubit, depth-70 program costs about $0.42 a shot, $840 at the
      // routes' 2,000 shots. The orchestrator caps programs here at 200 shots (about $95 each with error
      // mitigation off) and sends 2 % of QPU work (pkg/simulator/README.md, "Spend").
      maxShots: 200,
      weight: 0.02,
    },
    {
      provider: 'local',
      backend: 'aer_simulator',
      technology: 'simulator',
      processorFamily: 'Qiskit Aer',
      qubits: 32,
      region: 'local',
      price: { kind: 'free' },
      calibration: superconductingIbm,
      queue: { medianLength: 0.5, secondsPerJob: 0.4, ourWaitMedianSeconds: 0.02, saturatedWaitSecondsPerUnit: 0.05 },
      // A certified simulator image: it almost never fails (the fallback of last resort depends on it).
      failures: {
        hardwareFailure: 0,
        timeout: 0.00005,
        invalidResult: 0.0001,
        calibrationInvalid: 0,
        compileError: 0,
        cancelled: 0,
      },
      submitSeconds: 0.002,
      maxShots: 1_000_000,
      weight: 0,
    },
  ],
  providerApis: [
    { provider: 'ibm', rateLimitPerWindow: 600, rateLimitWindowSeconds: 60 },
    { provider: 'braket', rateLimitPerWindow: 300, rateLimitWindowSeconds: 60 },
    { provider: 'azure', rateLimitPerWindow: 200, rateLimitWindowSeconds: 60 },
    { provider: 'local', rateLimitPerWindow: 100000, rateLimitWindowSeconds: 60 },
  ],
  simulatorBackend: 'aer_simulator',
};

/**
 * Rigetti's format is covered by calibration snapshots only: routing it too would add ~110 series
 * to every scrape of the history for little extra story.
 */
export const RIGETTI_CALIBRATION_DEVICE: QuantumBackend = {
  provider: 'braket',
  backend: 'Ankaa-3',
  technology: 'superconducting',
  processorFamily: 'Rigetti Ankaa',
  qubits: 84,
  region: 'us-west-1',
  price: { kind: 'per-task-and-shot', perTaskUsd: BRAKET_PER_TASK_USD, perShotUsd: BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD },
  calibration: {
    t1Seconds: [25e-6, 45e-6],
    t2OverT1: [0.3, 0.8],
    readoutError: [0.02, 0.06],
    oneQubitError: [8e-4, 3e-3],
    twoQubitError: [5e-3, 2.5e-2],
    oneQubitGateSeconds: 40e-9,
    twoQubitGateSeconds: 72e-9,
    readoutSeconds: 2e-6,
    recalibrationHours: 24,
  },
  queue: { medianLength: 25, secondsPerJob: 30, ourWaitMedianSeconds: 0.1, saturatedWaitSecondsPerUnit: 6 },
  failures: SUPERCONDUCTING_FAILURES,
  submitSeconds: 0.15,
  maxShots: 100000,
  weight: 0,
};

export function backendsOf(topology: Topology, provider: ProviderId): QuantumBackend[] {
  return topology.backends.filter((b) => b.provider === provider);
}

export function qpuBackends(topology: Topology): QuantumBackend[] {
  return topology.backends.filter((b) => b.technology !== 'simulator');
}
