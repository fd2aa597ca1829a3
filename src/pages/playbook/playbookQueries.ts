import { SceneQueryRunner } from '@grafana/scenes';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { routingQueries } from './playbookRoutingQueries';
import type { LiveCheck, PlaybookDef } from './playbookTypes';

/** Every check of a playbook once (steps share checks), in step order. */
export function playbookChecks(def: PlaybookDef): LiveCheck[] {
  const seen = new Map<string, LiveCheck>();
  for (const step of def.steps) {
    for (const check of step.checks) {
      seen.set(check.id, check);
    }
  }
  return [...seen.values()];
}

/**
 * One request for all the live checks of a playbook, evaluated at the end of the picked range, plus the SLOs
 * and firing alerts that lead to it.
 */
export function buildPlaybookChecksRunner(def: PlaybookDef): SceneQueryRunner {
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      ...routingQueries(),
      ...playbookChecks(def).map((check) => ({ refId: check.id, expr: check.expr, instant: true, range: false })),
    ],
  });
}
