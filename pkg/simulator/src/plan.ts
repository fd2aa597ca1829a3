import type { ExecutionPath, RequestOutcome } from '@hybridlens/conventions';
import type {
  OrchestratorDecisionInputs,
  QuantumCompile,
  QuantumEnqueue,
  QuantumExecute,
  StageTimes,
} from '@hybridlens/instrument';

/** A stage payload of the SDK with its times decided in advance (virtual time). */
type Planned<T extends StageTimes> = Omit<T, keyof StageTimes> & { start: number; end: number };

/**
 * What happened to one simulated request, as plain data with times in ms relative to its start.
 * The simulation produces plans; the emitter turns a plan into @hybridlens/instrument calls at a base
 * time (virtual time in a backfill, "now minus its duration" in live mode).
 */
export interface LlmPlan {
  model: string;
  genAiProvider: string;
  responseModel: string;
  promptTemplateVersion: string;
  temperature: number;
  start: number;
  end: number;
  /** When the first streamed token arrived (every call streams; absent when none arrived). */
  firstToken?: number;
  inputTokens: number;
  outputTokens: number;
  coldStart: boolean;
  finishReasons: string[];
  error?: string;
  validations: Array<{ validator: 'schema' | 'hallucination'; pass: boolean; score: number }>;
  consistency?: number;
}

export interface DecisionPlan {
  path: ExecutionPath;
  reason: string;
  provider?: string;
  backend?: string;
  fallbackFrom?: ExecutionPath;
  start: number;
  end: number;
  inputs: OrchestratorDecisionInputs;
}

export interface JobPlan {
  provider: string;
  backend: string;
  simulator: boolean;
  shots: number;
  originalShots?: number;
  calibrationVersion?: string;
  circuitDepth: number;
  circuitWidth: number;
  qubitsUsed: number[];
  optimizationLevel: number;
  transpilerOptions: Record<string, unknown>;
  enqueue: Planned<QuantumEnqueue>;
  compile?: Planned<QuantumCompile>;
  execute?: Planned<QuantumExecute>;
}

export type PlanStep =
  | { type: 'decision'; decision: DecisionPlan }
  | { type: 'job'; job: JobPlan }
  | {
      type: 'fallback';
      from: ExecutionPath;
      to: ExecutionPath;
      reason: string;
      outcome: 'success' | 'failure';
      time: number;
    };

export interface RequestPlan {
  route: string;
  model: string;
  region: string;
  tenant: string;
  /** Synthetic prompt and result text: hashed by the SDK, never exported. */
  prompt: string;
  result: string;
  llm: LlmPlan;
  steps: PlanStep[];
  postprocess?: { start: number; end: number; degraded: boolean };
  outcome: RequestOutcome;
  httpStatus: number;
  duration: number;
}
