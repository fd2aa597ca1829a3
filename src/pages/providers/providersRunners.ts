import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { correlationQueries, providersQueries } from './providersQueries';

export function buildProvidersRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(providersQueries()).map(([refId, expr]) => ({ refId, expr, instant: true, range: false })),
  });
}

export function buildCorrelationRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: Object.entries(correlationQueries()).map(([refId, expr]) => ({
      refId,
      expr,
      range: true,
      instant: false,
      legendFormat: '{{provider}}/{{backend}}',
    })),
  });
}
