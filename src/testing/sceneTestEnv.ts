import { catchError, from, map, of } from 'rxjs';
import {
  type DataFrame,
  type DataQueryRequest,
  type DataSourceApi,
  type DataSourceInstanceSettings,
  FieldType,
  LoadingState,
  PanelPlugin,
  type PanelData,
  createDataFrame,
  getDefaultTimeRange,
} from '@grafana/data';
import { type DataSourceSrv, setDataSourceSrv, setPluginImportUtils, setRunRequest } from '@grafana/runtime';
import { sceneGraph, type SceneObject } from '@grafana/scenes';
import { DATASOURCE_TYPE, DATASOURCE_UID } from '@hybridlens/conventions';
import { prometheusVariableFormat } from './prometheusFormat';

/**
 * What Grafana provides at run time, for unit tests of scene trees: a datasource registry with the
 * provisioned uids, label values for variables, and a runRequest that RECORDS every query a scene
 * issues (interpolated as the datasource would see it) and answers with frames the test supplies.
 */

export interface IssuedQuery {
  datasourceUid: string;
  refId: string;
  /** The expression after variable interpolation. */
  expr: string;
  instant: boolean;
}

/** Frames answering one query: canned in unit tests, from a real Prometheus in integration tests. */
export type FrameSource = (
  query: IssuedQuery,
  range: { from: number; to: number; intervalMs: number }
) => DataFrame[] | Promise<DataFrame[]>;

export interface SceneTestEnv {
  issued: IssuedQuery[];
  variableQueries: string[];
  setFrames(source: FrameSource): void;
  setLabelValues(values: Record<string, string[]>): void;
}

function settings(uid: string, type: string): DataSourceInstanceSettings {
  return {
    uid,
    type,
    name: uid,
    id: 1,
    access: 'proxy',
    jsonData: {},
    readOnly: true,
    meta: { id: type, name: type, info: { logos: { small: '', large: '' } } },
  } as unknown as DataSourceInstanceSettings;
}

const INSTANCES = [
  settings(DATASOURCE_UID.prometheus, DATASOURCE_TYPE.prometheus),
  settings('other-prometheus', DATASOURCE_TYPE.prometheus),
  settings(DATASOURCE_UID.tempo, DATASOURCE_TYPE.tempo),
  settings(DATASOURCE_UID.loki, DATASOURCE_TYPE.loki),
];

export function installSceneTestEnv(): SceneTestEnv {
  const env: SceneTestEnv & { frames: FrameSource; labelValues: Record<string, string[]> } = {
    issued: [],
    variableQueries: [],
    frames: () => [],
    labelValues: {},
    setFrames(source) {
      env.frames = source;
    },
    setLabelValues(values) {
      env.labelValues = values;
    },
  };

  const resolveUid = (ref: unknown, scopedVars?: Record<string, { value?: unknown }>): string => {
    const raw = typeof ref === 'string' ? ref : ((ref as { uid?: string } | null)?.uid ?? DATASOURCE_UID.prometheus);
    const scene = scopedVars?.__sceneObject?.value as SceneObject | undefined;
    return scene ? sceneGraph.interpolate(scene, raw) : raw;
  };

  const api = (uid: string): DataSourceApi => {
    const instance = INSTANCES.find((i) => i.uid === uid) ?? settings(uid, DATASOURCE_TYPE.prometheus);
    return {
      uid,
      type: instance.type,
      name: uid,
      meta: instance.meta,
      getRef: () => ({ uid, type: instance.type }),
      query: () => of({ data: [] }),
      // Legacy variable support: enough for QueryVariable's label_values queries.
      metricFindQuery: async (query: unknown) => {
        const text = typeof query === 'string' ? query : String((query as { query?: string }).query ?? '');
        env.variableQueries.push(text);
        const label = /,\s*([a-zA-Z_]+)\)\s*$/.exec(text)?.[1] ?? '';
        return (env.labelValues[label] ?? []).map((value) => ({ text: value, value }));
      },
    } as unknown as DataSourceApi;
  };

  const srv: DataSourceSrv = {
    get: async (ref: unknown, scopedVars?: unknown) =>
      api(resolveUid(ref, scopedVars as Record<string, { value?: unknown }>)),
    getList: (filters?: { pluginId?: string }) =>
      INSTANCES.filter((i) => !filters?.pluginId || i.type === filters.pluginId),
    getInstanceSettings: (ref: string | { uid?: string } | null | undefined) =>
      INSTANCES.find((i) => i.uid === (typeof ref === 'string' ? ref : ref?.uid)) ?? INSTANCES[0],
    reload: async () => {},
    registerRuntimeDataSource: () => {},
  } as unknown as DataSourceSrv;
  setDataSourceSrv(srv);

  // Panels load a plugin on activation; an empty one is enough to activate the tree without rendering.
  const emptyPanel = new PanelPlugin(() => null);
  emptyPanel.meta = { id: 'stand-in', name: 'stand-in', info: {} } as PanelPlugin['meta'];
  setPluginImportUtils({ importPanelPlugin: async () => emptyPanel, getPanelPluginFromCache: () => emptyPanel });

  setRunRequest((ds: DataSourceApi, request: DataQueryRequest) => {
    const scene = (request.scopedVars as Record<string, { value?: unknown }>).__sceneObject?.value as
      SceneObject | undefined;
    const timeRange = request.range ?? getDefaultTimeRange();
    const range = { from: timeRange.from.valueOf(), to: timeRange.to.valueOf(), intervalMs: request.intervalMs };
    const answers = request.targets.map(async (target) => {
      const t = target as { refId: string; expr?: string; instant?: boolean };
      const query: IssuedQuery = {
        datasourceUid: ds.uid,
        refId: t.refId,
        // Formatted the way the Prometheus datasource formats variables.
        expr: scene
          ? sceneGraph.interpolate(scene, t.expr ?? '', request.scopedVars, prometheusVariableFormat)
          : (t.expr ?? ''),
        instant: t.instant === true,
      };
      env.issued.push(query);
      return (await env.frames(query, range)).map((f) => ({ ...f, refId: t.refId }));
    });
    // Like Grafana's runRequest: a failed query becomes an answer in the Error state, not a thrown error.
    return from(Promise.all(answers)).pipe(
      map((frames): PanelData => ({ state: LoadingState.Done, series: frames.flat(), timeRange })),
      catchError((error: unknown) =>
        of<PanelData>({
          state: LoadingState.Error,
          series: [],
          errors: [{ message: error instanceof Error ? error.message : String(error) }],
          timeRange,
        })
      )
    );
  });
  return env;
}

/** A frame like the Prometheus datasource returns for one series of an instant query. */
export function instantFrame(labels: Record<string, string>, value: number): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [Date.now()] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });
}

/** Wait for async variable / query work started by activation. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Activate a page scene the way rendering would, minus panel plugins: the scene (time range,
 * variables), then every data provider (shared runners, per-tile transformers). Returns the undo.
 */
export function activateDataTree(scene: SceneObject): () => void {
  const undo: Array<() => void> = [];
  // Parents first, like React mounting: variable changes only reach objects below active ones.
  const walk = (o: SceneObject) => {
    undo.push(o.activate());
    o.forEachChild(walk);
  };
  walk(scene);
  return () => undo.reverse().forEach((u) => u());
}

/** Every object of a type in a scene tree. */
export function findAll<T>(root: SceneObject, type: abstract new (...args: never[]) => T): T[] {
  const out: T[] = [];
  const walk = (o: SceneObject) => {
    if (o instanceof type) {
      out.push(o);
    }
    o.forEachChild(walk);
  };
  walk(root);
  return out;
}
