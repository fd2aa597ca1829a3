import { FieldType, type DataFrame } from '@grafana/data';
import { LABEL, METRIC, selector } from '@hybridlens/conventions';
import { annotationFrame } from '../../components/annotations/annotationFrame';
import { filterMatchers } from '../../queries/filters';
import { LLM_FILTERS } from '../../queries/llm';

/** hybrid_llm_model_info of the models in the page's filter: one series per (model, versions) while in use. */
export function modelInfoQuery(): string {
  return selector(METRIC.llmModelInfo.name, filterMatchers(LLM_FILTERS));
}

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

/** One period in which a model ran one pair of versions. */
interface Segment {
  model: string;
  versions: ModelVersions;
  start: number;
}

function frameLabels(frame: DataFrame): Record<string, string> {
  return frame.fields.find((f) => f.type === FieldType.number)?.labels ?? {};
}

/**
 * The periods of each series: runs of samples no further apart than `gapMs` (a version can come back later,
 * e.g. after a rollback, as a second run of the same series).
 */
function segments(frame: DataFrame, gapMs: number): Segment[] {
  const labels = frameLabels(frame);
  const model = labels[LABEL.model];
  const modelVersion = labels[LABEL.modelVersion];
  const promptTemplateVersion = labels[LABEL.promptTemplateVersion];
  const times = frame.fields.find((f) => f.type === FieldType.time)?.values;
  const values = frame.fields.find((f) => f.type === FieldType.number)?.values;
  if (!model || !modelVersion || !promptTemplateVersion || !times || !values) {
    return [];
  }
  const out: Segment[] = [];
  let last: number | undefined;
  for (let i = 0; i < times.length; i++) {
    const time = Number(times[i]);
    const value = values[i];
    if (value === null || value === undefined || Number.isNaN(value)) {
      continue;
    }
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
 * Every change of a model's versions in a range query of hybrid_llm_model_info (`stepMs` apart): where a
 * model's next period with other versions starts. The old series lingers for Prometheus' lookback after a
 * change, so the new series' first sample, not the old one's last, marks the change.
 */
export function versionChanges(frames: readonly DataFrame[], stepMs: number): VersionChange[] {
  const byModel = new Map<string, Segment[]>();
  for (const frame of frames) {
    for (const segment of segments(frame, stepMs * 1.5)) {
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

/** The changes as an annotation frame (time, title, text, tags) that time series panels draw. */
export function versionChangeAnnotations(
  changes: readonly VersionChange[],
  words: { model: string; prompt: string }
): DataFrame {
  return annotationFrame(
    'versionChanges',
    changes.map((c) => ({ timeMs: c.time, text: versionChangeTitle(c, words), tags: [c.model] })),
    'purple'
  );
}
