import { LABEL } from '@hybridlens/conventions';

/**
 * Model and prompt-template version changes from hybrid_llm_model_info samples, free of Grafana's data types so
 * the browser tests can replay a page's query in Node and expect the same changes.
 */

/** refId of hybrid_llm_model_info among the trend panels' queries. */
export const VERSION_CHANGES_REF_ID = 'versionChanges';

export interface ModelVersions {
  modelVersion: string;
  promptTemplateVersion: string;
}

export interface VersionChange {
  /** Epoch ms of the first sample of the new versions. */
  time: number;
  model: string;
  from: ModelVersions;
  to: ModelVersions;
}

/** One model-info series of a range answer: its labels and the times (epoch ms) of its samples. */
export interface VersionSeries {
  labels: Readonly<Record<string, string>>;
  times: readonly number[];
}

/** One period in which a model ran one pair of versions. */
interface Segment {
  model: string;
  versions: ModelVersions;
  start: number;
}

/**
 * The periods of each series: runs of samples no further apart than `gapMs` (a version can come back later,
 * e.g. after a rollback, as a second run of the same series).
 */
function segments(series: VersionSeries, gapMs: number): Segment[] {
  const model = series.labels[LABEL.model];
  const modelVersion = series.labels[LABEL.modelVersion];
  const promptTemplateVersion = series.labels[LABEL.promptTemplateVersion];
  if (!model || !modelVersion || !promptTemplateVersion) {
    return [];
  }
  const out: Segment[] = [];
  let last: number | undefined;
  for (const time of series.times) {
    if (last === undefined || time - last > gapMs) {
      out.push({ model, versions: { modelVersion, promptTemplateVersion }, start: time });
    }
    last = time;
  }
  return out;
}

const same = (a: ModelVersions, b: ModelVersions) =>
  a.modelVersion === b.modelVersion && a.promptTemplateVersion === b.promptTemplateVersion;

/**
 * Every change of a model's versions in a range answer of hybrid_llm_model_info (`stepMs` apart): where a
 * model's next period with other versions starts. The old series lingers for Prometheus' lookback after a
 * change, so the new series' first sample, not the old one's last, marks the change.
 */
export function changesOfSeries(series: readonly VersionSeries[], stepMs: number): VersionChange[] {
  const byModel = new Map<string, Segment[]>();
  for (const s of series) {
    for (const segment of segments(s, stepMs * 1.5)) {
      byModel.set(segment.model, [...(byModel.get(segment.model) ?? []), segment]);
    }
  }
  const changes: VersionChange[] = [];
  for (const [model, list] of byModel) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const after = list[i]!;
      if (!same(before.versions, after.versions)) {
        changes.push({ time: after.start, model, from: before.versions, to: after.versions });
      }
    }
  }
  return changes.sort((a, b) => a.time - b.time || a.model.localeCompare(b.model));
}

/** "gpt-4.1-mini: model gpt-4.1-mini-2025-04-14 → gpt-4.1-mini-2026-09-30, prompt v7 → v8" (only what changed). */
export function versionChangeTitle(change: VersionChange, words: { model: string; prompt: string }): string {
  const parts: string[] = [];
  if (change.from.modelVersion !== change.to.modelVersion) {
    parts.push(`${words.model} ${change.from.modelVersion} → ${change.to.modelVersion}`);
  }
  if (change.from.promptTemplateVersion !== change.to.promptTemplateVersion) {
    parts.push(`${words.prompt} ${change.from.promptTemplateVersion} → ${change.to.promptTemplateVersion}`);
  }
  return `${change.model}: ${parts.join(', ')}`;
}
