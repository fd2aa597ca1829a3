import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import type { LlmPlan } from './plan';
import { clamp, type Rng } from './rng';
import type { LlmModel } from './topology';

const PROMPT_TEMPLATE_VERSION = 'v7';
/** Retries of a cold instance are rare: a transient error rate for completeness. */
const LLM_ERROR_RATE = 0.0005;

/**
 * One LLM call: log-normal latency plus per-token generation time, cold starts that add seconds,
 * token counts, validator verdicts and a consistency score. A drift / hallucination fault switches
 * the answering model version, raises validator failures, lowers consistency and inflates tokens.
 */
export function simulateLlmCall(
  model: LlmModel,
  time: number,
  offset: number,
  faults: FaultEngine,
  rng: Rng,
  deterministic = false
): LlmPlan {
  const drift = faults.intensity(FAULT_KIND.llmHallucination, time, { model: model.model });
  const coldFault = faults.intensity(FAULT_KIND.llmColdStarts, time, { model: model.model });
  const coldStart = rng.chance(Math.max(model.coldStartProbability, coldFault));
  const tokenInflation = drift > 0 ? 1 + drift * 2.5 : 1;
  const inputTokens = Math.max(16, Math.round(rng.logNormal(model.inputTokensMedian, 0.45)));
  const outputTokens = Math.max(8, Math.round(rng.logNormal(model.outputTokensMedian * tokenInflation, 0.55)));
  const coldSeconds = coldStart ? rng.logNormal(Math.max(model.coldStartSecondsMedian, 4), 0.35) : 0;
  const seconds =
    coldSeconds +
    rng.logNormal(model.latencyMedianSeconds, model.latencySigma) +
    outputTokens * model.secondsPerOutputToken;
  const end = offset + Math.round(seconds * 1000);
  const errored = rng.chance(LLM_ERROR_RATE + (coldStart ? 0.01 : 0));
  const responseModel = model.responseModels[drift > 0 ? Math.min(1, model.responseModels.length - 1) : 0]!;
  const hallucinationRate = drift > 0 ? Math.max(model.hallucinationRate, drift) : model.hallucinationRate;
  const schemaFailureRate = drift > 0 ? model.schemaFailureRate * 6 : model.schemaFailureRate;
  const hallucinationScore = rng.chance(hallucinationRate) ? rng.uniform(0.55, 0.95) : rng.uniform(0.01, 0.3);
  const schemaPass = !rng.chance(schemaFailureRate);
  const plan: LlmPlan = {
    model: model.model,
    genAiProvider: model.genAiProvider,
    responseModel,
    promptTemplateVersion: PROMPT_TEMPLATE_VERSION,
    temperature: deterministic ? 0 : 0.2,
    start: offset,
    end,
    inputTokens,
    outputTokens: errored ? 0 : outputTokens,
    coldStart,
    finishReasons: errored ? ['error'] : outputTokens > 1500 ? ['length'] : ['stop'],
    validations: errored
      ? []
      : [
          { validator: 'schema', pass: schemaPass, score: schemaPass ? 1 : 0 },
          // The detector scores hallucination likelihood; 0.5 is its verdict threshold.
          { validator: 'hallucination', pass: hallucinationScore < 0.5, score: Number(hallucinationScore.toFixed(3)) },
        ],
  };
  if (errored) {
    plan.error = coldStart ? 'timeout' : 'server_error';
  } else if (rng.chance(0.25)) {
    // Consistency is measured on a sample of requests (it needs a repeated call).
    const mean = drift > 0 ? 0.93 - 0.5 * drift : 0.95;
    plan.consistency = Number(clamp(rng.normal(mean, 0.03), 0, 1).toFixed(4));
  }
  return plan;
}
