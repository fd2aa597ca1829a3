import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import type { LlmModel } from './topology';

/**
 * The demo's prompt-template rollouts: every PROMPT_ROLLOUT_PERIOD_MS on the UTC clock (from 01:00) the
 * templates of all models move to the other version, a release and its rollback in turn. Frequent enough that
 * any 6-hour window of the default time range shows one change on the LLM quality page; two values only, so
 * the label stays bounded.
 */
export const PROMPT_TEMPLATE_VERSIONS = ['v7', 'v8'] as const;
export const PROMPT_ROLLOUT_PERIOD_MS = 4 * 3_600_000;
const PROMPT_ROLLOUT_OFFSET_MS = 3_600_000;

/** The prompt template version in use at `time` (epoch ms). */
export function promptTemplateVersionAt(time: number): string {
  const period = Math.floor((time - PROMPT_ROLLOUT_OFFSET_MS) / PROMPT_ROLLOUT_PERIOD_MS);
  return PROMPT_TEMPLATE_VERSIONS[((period % 2) + 2) % 2]!;
}

/** The instants in [from, to) at which the prompt template version changes. */
export function promptRolloutsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  const first =
    Math.ceil((from - PROMPT_ROLLOUT_OFFSET_MS) / PROMPT_ROLLOUT_PERIOD_MS) * PROMPT_ROLLOUT_PERIOD_MS +
    PROMPT_ROLLOUT_OFFSET_MS;
  for (let t = first; t < to; t += PROMPT_ROLLOUT_PERIOD_MS) {
    out.push(t);
  }
  return out;
}

/**
 * The model version answering for `model` at `time`: its first release, or its next one while a drift /
 * hallucination fault is on it (the provider moved the alias to a new snapshot, which is what drifts).
 */
export function modelVersionAt(model: LlmModel, time: number, faults: FaultEngine): string {
  const drift = faults.intensity(FAULT_KIND.llmHallucination, time, { model: model.model });
  return model.responseModels[drift > 0 ? Math.min(1, model.responseModels.length - 1) : 0]!;
}
