/**
 * The fault scenarios of the ops guide's playbooks and chaos section. `intensity` means something
 * different per kind; its default and range are documented here and in the README.
 */
export const FAULT_KIND = {
  queueSaturation: 'queue_saturation',
  rateLimiting: 'rate_limiting',
  qpuErrorRate: 'qpu_error_rate',
  hardwareFailure: 'hardware_failure',
  llmHallucination: 'llm_hallucination',
  calibrationCorrupt: 'calibration_corrupt',
  simulatorDivergence: 'simulator_divergence',
  providerOutage: 'provider_outage',
  llmColdStarts: 'llm_cold_starts',
} as const;

export type FaultKind = (typeof FAULT_KIND)[keyof typeof FAULT_KIND];

export interface FaultKindSpec {
  /** Which target selector is required (provider for quantum faults; model is optional for LLM faults). */
  target: 'provider' | 'model' | 'none';
  defaultIntensity: number;
  intensityRange: readonly [number, number];
  intensityMeaning: string;
}

export const FAULT_KIND_SPEC: Readonly<Record<FaultKind, FaultKindSpec>> = {
  queue_saturation: {
    target: 'provider',
    defaultIntensity: 10,
    intensityRange: [1, 1000],
    intensityMeaning: 'queue length multiplier',
  },
  rate_limiting: {
    target: 'provider',
    defaultIntensity: 0.6,
    intensityRange: [0, 1],
    intensityMeaning: 'share of provider API calls answered with 429',
  },
  qpu_error_rate: {
    target: 'provider',
    defaultIntensity: 0.25,
    intensityRange: [0, 1],
    intensityMeaning: 'extra probability a QPU job fails (invalid result / timeout)',
  },
  hardware_failure: {
    target: 'provider',
    defaultIntensity: 0.35,
    intensityRange: [0, 1],
    intensityMeaning: 'probability a QPU job fails with a hardware error',
  },
  llm_hallucination: {
    target: 'model',
    defaultIntensity: 0.25,
    intensityRange: [0, 1],
    intensityMeaning: 'hallucination-detector failure rate (model drift)',
  },
  calibration_corrupt: {
    target: 'provider',
    defaultIntensity: 1,
    intensityRange: [0, 1],
    intensityMeaning: 'share of jobs that still run on the corrupted calibration',
  },
  simulator_divergence: {
    target: 'none',
    defaultIntensity: 0.35,
    intensityRange: [0, 1],
    intensityMeaning: 'noise injected into simulator results (fidelity loss)',
  },
  provider_outage: {
    target: 'provider',
    defaultIntensity: 1,
    intensityRange: [0, 1],
    intensityMeaning: 'share of submissions the provider rejects',
  },
  llm_cold_starts: {
    target: 'model',
    defaultIntensity: 0.3,
    intensityRange: [0, 1],
    intensityMeaning: 'probability an LLM call hits a cold instance',
  },
};

/** A fault after validation: absolute times (unix ms), a resolved target. */
export interface ScheduledFault {
  /** A name for this fault, e.g. the incident it plays ("INC-2207 ..."); faults of one incident share it. */
  name?: string;
  kind: FaultKind;
  start: number;
  end: number;
  /** Repeat period (ms): the fault recurs at start + k * every. */
  every?: number;
  provider?: string;
  backend?: string;
  model?: string;
  intensity: number;
  /** Where the fault came from, for messages ("scenario.yaml:12"). */
  origin: string;
}

export function faultActiveAt(fault: ScheduledFault, time: number): boolean {
  if (time < fault.start) {
    return false;
  }
  if (fault.every === undefined) {
    return time < fault.end;
  }
  const offset = (time - fault.start) % fault.every;
  return offset < fault.end - fault.start;
}
