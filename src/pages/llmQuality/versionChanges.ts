import { FieldType, type DataFrame } from '@grafana/data';
import { METRIC, selector } from '@hybridlens/conventions';
import { annotationFrame } from '../../components/annotations/annotationFrame';
import { filterMatchers } from '../../queries/filters';
import { LLM_FILTERS } from '../../queries/llm';
import { type VersionChange, type VersionSeries, changesOfSeries, versionChangeTitle } from './versionChangeList';

export {
  VERSION_CHANGES_REF_ID,
  type ModelVersions,
  type VersionChange,
  versionChangeTitle,
} from './versionChangeList';

/** hybrid_llm_model_info of the models in the page's filter: one series per (model, versions) while in use. */
export function modelInfoQuery(): string {
  return selector(METRIC.llmModelInfo.name, filterMatchers(LLM_FILTERS));
}

/** A range answer's model-info series with the times of their samples (null and NaN points are gaps). */
function seriesOf(frames: readonly DataFrame[]): VersionSeries[] {
  return frames.map((frame) => {
    const times = frame.fields.find((f) => f.type === FieldType.time)?.values ?? [];
    const value = frame.fields.find((f) => f.type === FieldType.number);
    const present = (v: unknown) => v !== null && v !== undefined && !Number.isNaN(v);
    return {
      labels: value?.labels ?? {},
      times: value ? times.filter((_, i) => present(value.values[i])).map(Number) : [],
    };
  });
}

/**
 * The step of a range answer: the smallest spacing of samples in the frames (Prometheus answers on one grid), or
 * the time field's declared interval when no series has two samples. Undefined when neither says.
 */
export function answeredStep(frames: readonly DataFrame[]): number | undefined {
  let step = Infinity;
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    const values = time?.values ?? [];
    for (let i = 1; i < values.length; i++) {
      step = Math.min(step, Number(values[i]) - Number(values[i - 1]));
    }
    step = Math.min(step, time?.config.interval ?? Infinity);
  }
  return Number.isFinite(step) && step > 0 ? step : undefined;
}

/** Every change of a model's versions in a range query of hybrid_llm_model_info (`stepMs` apart). */
export function versionChanges(frames: readonly DataFrame[], stepMs: number): VersionChange[] {
  return changesOfSeries(seriesOf(frames), stepMs);
}

/** Name of the annotation frame of the changes (the list below the trends reads it too). */
export const VERSION_CHANGES_FRAME = 'versionChanges';

/** The changes as an annotation frame (time, title, text, tags) that time series panels draw. */
export function versionChangeAnnotations(
  changes: readonly VersionChange[],
  words: { model: string; prompt: string }
): DataFrame {
  return annotationFrame(
    VERSION_CHANGES_FRAME,
    changes.map((c) => ({ timeMs: c.time, text: versionChangeTitle(c, words), tags: [c.model] })),
    'purple'
  );
}
