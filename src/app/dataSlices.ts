import { map } from 'rxjs';
import type { DataFrame } from '@grafana/data';
import { SceneDataTransformer, type CustomTransformOperator } from '@grafana/scenes';

/**
 * The frames of some queries of the shared runner above. A custom operator, not the registry's
 * filterByRefId: it matches refIds exactly and needs no transformer registry at run time.
 */
export function onlyRefIds(...refIds: string[]): CustomTransformOperator {
  const wanted = new Set(refIds);
  return () => (source) =>
    source.pipe(
      map((frames: DataFrame[]) => frames.filter((frame) => frame.refId !== undefined && wanted.has(frame.refId)))
    );
}

/** A panel's $data that reads a slice of the nearest shared query runner instead of querying again. */
export class DataSlice extends SceneDataTransformer {
  constructor(readonly refIds: readonly string[]) {
    super({ transformations: [onlyRefIds(...refIds)] });
  }
}

export function sliceOf(...refIds: string[]): DataSlice {
  return new DataSlice(refIds);
}
