import { type DataQueryRequest, LoadingState, type DataFrame, FieldType } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import {
  SafeSerializableSceneObject,
  SceneDataLayerBase,
  sceneGraph,
  type SceneComponentProps,
  type SceneDataLayerProviderState,
} from '@grafana/scenes';
import type { DataQuery } from '@grafana/schema';
import type { Unsubscribable } from 'rxjs';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { t } from '../../i18n';
import { modelInfoQuery, versionChangeAnnotations, versionChanges } from './versionChanges';

interface VersionChangeLayerState extends SceneDataLayerProviderState {
  expr: string;
}

export const VERSION_CHANGES_REF_ID = 'versionChanges';
/** Enough points to place a change within a step of the picked range, few enough for a week. */
const MAX_POINTS = 2000;
const MIN_STEP_MS = 15_000;

/** The smallest spacing of samples in the frames: the step Prometheus answered with. */
function answeredStep(frames: readonly DataFrame[], fallback: number): number {
  let step = Infinity;
  for (const frame of frames) {
    const times = frame.fields.find((f) => f.type === FieldType.time)?.values ?? [];
    for (let i = 1; i < times.length; i++) {
      step = Math.min(step, Number(times[i]) - Number(times[i - 1]));
    }
  }
  return Number.isFinite(step) && step > 0 ? step : fallback;
}

/**
 * Annotations at each change of a model's model version or prompt-template version, titled old → new, from
 * one range query of hybrid_llm_model_info (which series replaced which, per model). The panels of the page
 * draw them on their time axis.
 */
export class VersionChangeLayer extends SceneDataLayerBase<VersionChangeLayerState> {
  static Component = (_props: SceneComponentProps<VersionChangeLayer>) => null;
  private timeRangeSub?: Unsubscribable;
  /** Runs overlap (a variable resolves while the first query is out): only the latest run publishes. */
  private runs = 0;

  constructor(state: Partial<VersionChangeLayerState> = {}) {
    super(
      {
        name: t('llm-quality.annotations.version-changes', 'Model and prompt-template version changes'),
        isEnabled: true,
        expr: modelInfoQuery(),
        ...state,
      },
      ['expr']
    );
  }

  onEnable(): void {
    this.timeRangeSub = sceneGraph.getTimeRange(this).subscribeToState(() => this.runLayer());
  }

  onDisable(): void {
    this.timeRangeSub?.unsubscribe();
  }

  protected runLayer(): void {
    void this.run();
  }

  private async run(): Promise<void> {
    const run = ++this.runs;
    const range = sceneGraph.getTimeRange(this).state.value;
    const spanMs = range.to.valueOf() - range.from.valueOf();
    const stepMs = Math.max(MIN_STEP_MS, Math.ceil(spanMs / MAX_POINTS / 1000) * 1000);
    try {
      const uid = sceneGraph.interpolate(this, PROMETHEUS_DS_REF.uid);
      const ds = await getDataSourceSrv().get({ type: PROMETHEUS_DS_REF.type, uid });
      const request: DataQueryRequest<DataQuery & { expr: string; range: boolean; instant: boolean }> = {
        app: 'scenes',
        requestId: `${VERSION_CHANGES_REF_ID}-${Date.now()}`,
        timezone: 'utc',
        range,
        interval: `${stepMs / 1000}s`,
        intervalMs: stepMs,
        maxDataPoints: MAX_POINTS,
        targets: [
          {
            refId: VERSION_CHANGES_REF_ID,
            expr: this.state.expr,
            range: true,
            instant: false,
            datasource: ds.getRef(),
          },
        ],
        scopedVars: { __sceneObject: new SafeSerializableSceneObject(this) },
        startTime: Date.now(),
      };
      this.querySub?.unsubscribe();
      const result = ds.query(request);
      const handle = (frames: DataFrame[]) => {
        if (run !== this.runs) {
          return;
        }
        const changes = versionChanges(frames, answeredStep(frames, stepMs));
        this.publishResults({
          state: LoadingState.Done,
          series: [],
          annotations: [versionChangeAnnotations(changes, WORDS())],
          timeRange: range,
        });
      };
      if ('subscribe' in result) {
        this.querySub = result.subscribe({
          next: (response) => handle(response.data as DataFrame[]),
          error: () => this.publishResults({ state: LoadingState.Error, series: [], timeRange: range }),
        });
      } else {
        handle((await result).data as DataFrame[]);
      }
    } catch {
      // An annotation layer that fails leaves the panels as they are; the panels' own queries say what is wrong.
      this.publishResults({ state: LoadingState.Error, series: [], timeRange: range });
    }
  }
}

const WORDS = () => ({
  model: t('llm-quality.annotations.model', 'model'),
  prompt: t('llm-quality.annotations.prompt', 'prompt template'),
});
