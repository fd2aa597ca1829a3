import { SceneDataTransformer, SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { backendNames } from './backendNames';
import { correlationQueries, providersQueries } from './providersQueries';

export function buildProvidersRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(providersQueries()).map(([refId, expr]) => ({ refId, expr, instant: true, range: false })),
  });
}

/** Range queries of the correlation charts, each series named by its provider's display name. */
export function buildCorrelationRunner(): SceneDataTransformer {
  const runner = new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(correlationQueries()).map(([refId, expr]) => ({
      refId,
      expr,
      range: true,
      instant: false,
      legendFormat: '{{provider}}/{{backend}}',
    })),
  });
  return new SceneDataTransformer({ $data: runner, transformations: [backendNames] });
}
