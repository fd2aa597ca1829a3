import { FieldType, LoadingState, createDataFrame, type DataFrame } from '@grafana/data';
import { SceneQueryRunner, type EmbeddedScene } from '@grafana/scenes';
import type { RunningPrometheus } from '@hybridlens/testkit';
import { declaredQueries } from '../app/queryInventory';
import {
  type FrameSource,
  type IssuedQuery,
  type SceneTestEnv,
  activateDataTree,
  findAll,
  instantFrame,
} from './sceneTestEnv';

/**
 * Scenes answered by a real Prometheus in unit tests: the datasource's own macros filled in as Grafana's
 * Prometheus datasource fills them, instant and range answers turned into frames, PromQL errors collected.
 */

/** What the Prometheus datasource does with the macros it owns (scrape interval = the history's step). */
export function promExpr(q: IssuedQuery, rangeSeconds: number, stepSeconds: number, scrapeSeconds: number): string {
  const rateInterval = Math.max(stepSeconds + scrapeSeconds, 4 * scrapeSeconds);
  return q.expr.replace(/\$__range/g, `${Math.round(rangeSeconds)}s`).replace(/\$__rate_interval/g, `${rateInterval}s`);
}

export function prometheusFrames(prom: RunningPrometheus, errors: string[], scrapeSeconds: number): FrameSource {
  return async (q: IssuedQuery, range: { from: number; to: number; intervalMs: number }): Promise<DataFrame[]> => {
    const seconds = (range.to - range.from) / 1000;
    const step = Math.max(Math.round(range.intervalMs / 1000), scrapeSeconds);
    const expr = promExpr(q, seconds, step, scrapeSeconds);
    try {
      if (q.instant) {
        const data = await prom.query(expr, range.to / 1000);
        return data.result.map((r) =>
          instantFrame(
            Object.fromEntries(Object.entries(r.metric).filter(([k]) => k !== '__name__')),
            Number(r.value![1])
          )
        );
      }
      const data = await prom.queryRange(expr, range.from / 1000, range.to / 1000, step);
      return data.result.map((r) =>
        createDataFrame({
          refId: q.refId,
          fields: [
            { name: 'Time', type: FieldType.time, values: r.values!.map(([t]) => t * 1000) },
            { name: 'Value', type: FieldType.number, values: r.values!.map(([, v]) => Number(v)), labels: r.metric },
          ],
        })
      );
    } catch (error) {
      errors.push(`${q.refId}: ${(error as Error).message}`);
      return [];
    }
  };
}

/** Activates the scene and waits until every declared query reached Prometheus and every runner answered. */
export async function loadScene(env: SceneTestEnv, scene: EmbeddedScene): Promise<() => void> {
  const undo = activateDataTree(scene);
  const runners = findAll(scene, SceneQueryRunner);
  const declared = declaredQueries(scene).filter((q) => q.kind === 'panel').length;
  const done = () => env.issued.length >= declared && runners.every((r) => r.state.data?.state === LoadingState.Done);
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!done()) {
    undo();
    throw new Error(`scene did not load: ${env.issued.length} of ${declared} queries issued`);
  }
  return undo;
}
