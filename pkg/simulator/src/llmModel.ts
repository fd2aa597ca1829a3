import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import type { LlmPlan } from './plan';
import { modelVersionAt } from './modelVersions';
import { clamp, type Rng } from './rng';
import type { LlmModel } from './topology';

/** Transient provider errors on a warm instance. */
const LLM_ERROR_RATE = 0.0005;
/** A cold instance sometimes times out instead of answering. */
const COLD_START_ERROR_RATE = 0.01;
/** Deterministic decoding (temperature 0, playbook C) cuts validator failures to this share. */
const DETERMINISTIC_HALLUCINATION_SHARE = 0.4;
/** Extra schema failures per unit of drift: a drifted model breaks its JSON contract now and then. */
const DRIFT_SCHEMA_FAILURES = 0.06;

/**
 * One streamed LLM call: time to the first token (queueing and prefill, plus seconds on a cold instance),
 * then decoding at the model's token rate; token counts, validator verdicts and a consistency score. A
 * drift / hallucination fault switches the answering model version, raises validator failures, lowers
 * consistency and inflates tokens; deterministic decoding (temperature 0) cuts hallucinations.
 */
export function simulateLlmCall(
  model: LlmModel,
  time: number,
  offset: number,
  faults: FaultEngine,
  rng: Rng,
  deterministic: boolean,
  promptTemplateVersion: string
): LlmPlan {
  const drift = faults.intensity(FAULT_KIND.llmHallucination, time, { model: model.model });
  const coldFault = faults.intensity(FAULT_KIND.llmColdStarts, time, { model: model.model });
  const coldStart = rng.chance(Math.max(model.coldStartProbability, coldFault));
  const tokenInflation = drift > 0 ? 1 + drift * 2.5 : 1;
  const inputTokens = Math.max(16, Math.round(rng.logNormal(model.inputTokensMedian, 0.45)));
  const outputTokens = Math.max(
    8,
    Math.round(rng.logNormal(model.outputTokensMedian * tokenInflation, model.outputTokensSigma))
  );
  const coldSeconds = coldStart ? rng.logNormal(Math.max(model.coldStartSecondsMedian, 4), 0.35) : 0;
  const ttftSeconds = coldSeconds + rng.logNormal(model.ttftMedianSeconds, model.ttftSigma);
  const decodeSeconds = outputTokens * model.secondsPerOutputToken * rng.logNormal(1, 0.1);
  const firstToken = offset + Math.round(ttftSeconds * 1000);
  const end = firstToken + Math.round(decodeSeconds * 1000);
  const errored = rng.chance(LLM_ERROR_RATE + (coldStart ? COLD_START_ERROR_RATE : 0));
  const responseModel = modelVersionAt(model, time, faults);
  const hallucinationRate =
    (drift > 0 ? Math.max(model.hallucinationRate, drift) : model.hallucinationRate) *
    (deterministic ? DETERMINISTIC_HALLUCINATION_SHARE : 1);
  const schemaFailureRate = model.schemaFailureRate + drift * DRIFT_SCHEMA_FAILURES;
  const hallucinationScore = rng.chance(hallucinationRate) ? rng.uniform(0.55, 0.95) : rng.uniform(0.01, 0.3);
  const schemaPass = !rng.chance(schemaFailureRate);
  const plan: LlmPlan = {
    model: model.model,
    genAiProvider: model.genAiProvider,
    responseModel,
    promptTemplateVersion,
    temperature: deterministic ? 0 : model.temperature,
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
    // No token ever arrived: a cold instance that timed out, or a provider error before streaming.
    plan.error = coldStart ? 'timeout' : 'server_error';
  } else {
    plan.firstToken = firstToken;
    if (rng.chance(0.25)) {
      // Consistency is measured on a sample of requests (it needs a repeated call).
      const mean = (drift > 0 ? 0.93 - 0.5 * drift : 0.95) + (deterministic ? 0.03 : 0);
      plan.consistency = Number(clamp(rng.normal(mean, 0.03), 0, 1).toFixed(4));
    }
  }
  return plan;
}
