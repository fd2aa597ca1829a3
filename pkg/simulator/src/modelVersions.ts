import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import type { LlmModel } from './topology';

const HOUR_MS = 3_600_000;

/**
 * The demo's prompt-template releases, as a team ships them: a new template twice a week
 * (PROMPT_RELEASE_INTERVAL_MS), each one replacing the last for every model. The schedule is anchored to the
 * run's own clock, not the calendar, so a run always opens shortly after a release: the release in force at the
 * anchor went out PROMPT_LATEST_RELEASE_LEAD_MS before it and is PROMPT_TEMPLATE_VERSION_AT_ANCHOR; earlier ones
 * went out every interval before that with one version less each, later ones (a live run that goes on) every
 * interval after it with one more. A backfill anchors at its end and live mode at its start, so a history
 * followed by a live run agree on the version in force where they meet, and the last hours of any history (the
 * page harness' window, the demo's first hours) hold a release. The label stays bounded: a week of history
 * holds two or three versions, as a real team's would. No rollbacks: a drift fault changes the model version
 * (modelVersionAt), not the template.
 */
export const PROMPT_RELEASE_INTERVAL_MS = 84 * HOUR_MS;
export const PROMPT_LATEST_RELEASE_LEAD_MS = 2 * HOUR_MS;
export const PROMPT_TEMPLATE_VERSION_AT_ANCHOR = 12;

export class PromptRollouts {
  /** `anchor`: epoch ms the schedule hangs on (a backfill's end, a live run's start). */
  constructor(readonly anchor: number) {}

  private get latestRelease(): number {
    return this.anchor - PROMPT_LATEST_RELEASE_LEAD_MS;
  }

  /** How many releases after the one in force at the anchor had gone out at `time` (negative: before it). */
  private releaseIndex(time: number): number {
    return Math.floor((time - this.latestRelease) / PROMPT_RELEASE_INTERVAL_MS);
  }

  /** The prompt template version in use at `time` (epoch ms): "v12" at the anchor, "v11" the release before. */
  versionAt(time: number): string {
    return `v${Math.max(1, PROMPT_TEMPLATE_VERSION_AT_ANCHOR + this.releaseIndex(time))}`;
  }

  /** The instants in [from, to) at which a release replaces the prompt template. */
  releasesBetween(from: number, to: number): number[] {
    const out: number[] = [];
    const first =
      this.latestRelease +
      Math.ceil((from - this.latestRelease) / PROMPT_RELEASE_INTERVAL_MS) * PROMPT_RELEASE_INTERVAL_MS;
    for (let t = first; t < to; t += PROMPT_RELEASE_INTERVAL_MS) {
      out.push(t);
    }
    return out;
  }
}

/**
 * The model version answering for `model` at `time`: its first release, or its next one while a drift /
 * hallucination fault is on it (the provider moved the alias to a new snapshot, which is what drifts).
 */
export function modelVersionAt(model: LlmModel, time: number, faults: FaultEngine): string {
  const drift = faults.intensity(FAULT_KIND.llmHallucination, time, { model: model.model });
  return model.responseModels[drift > 0 ? Math.min(1, model.responseModels.length - 1) : 0]!;
}
