import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { decisionsByPathAndReason, requestQuantileByPath, requestsByPath, spanQuantile } from '../../queries/lifecycle';

/** refIds of the Lifecycle page's runners. */
export const LIFECYCLE = {
  offsetP50: 'offsetP50',
  offsetP95: 'offsetP95',
  durationP50: 'durationP50',
  durationP95: 'durationP95',
  requestP50: 'requestP50',
  requestP95: 'requestP95',
  requests: 'requests',
} as const;

export const DECISIONS = { byPathReason: 'decisions' } as const;

const instant = { instant: true, range: false };

/** One request for the whole aggregate waterfall: per path and span, offset and duration quantiles over the range. */
export function buildWaterfallRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: LIFECYCLE.offsetP50, expr: spanQuantile(0.5, 'offset'), ...instant },
      { refId: LIFECYCLE.offsetP95, expr: spanQuantile(0.95, 'offset'), ...instant },
      { refId: LIFECYCLE.durationP50, expr: spanQuantile(0.5, 'duration'), ...instant },
      { refId: LIFECYCLE.durationP95, expr: spanQuantile(0.95, 'duration'), ...instant },
      { refId: LIFECYCLE.requestP50, expr: requestQuantileByPath(0.5), ...instant },
      { refId: LIFECYCLE.requestP95, expr: requestQuantileByPath(0.95), ...instant },
      { refId: LIFECYCLE.requests, expr: requestsByPath(), ...instant },
    ],
  });
}

export function buildDecisionsRunner(): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [{ refId: DECISIONS.byPathReason, expr: decisionsByPathAndReason(), ...instant }],
  });
}
