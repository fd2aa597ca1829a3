import { map } from 'rxjs';
import type { DataFrame } from '@grafana/data';
import type { CustomTransformOperator } from '@grafana/scenes';

/**
 * A panel group's way to draw events as annotations: the queries that find the events run in the group's own
 * query runner (one request with the charts' lines, the same range and step), and this transform takes their
 * frames out of the series and adds the one annotation frame `toAnnotations` builds from them. Scenes passes
 * frames with `dataTopic: annotations` to every panel below as `data.annotations`, and the panels draw them.
 */
export function annotationsFromQueries(
  sourceRefIds: readonly string[],
  toAnnotations: (sources: DataFrame[]) => DataFrame
): CustomTransformOperator {
  const sources = new Set(sourceRefIds);
  const isSource = (frame: DataFrame) => frame.refId !== undefined && sources.has(frame.refId);
  return () => (source) =>
    source.pipe(
      map((frames: DataFrame[]) => [...frames.filter((f) => !isSource(f)), toAnnotations(frames.filter(isSource))])
    );
}
