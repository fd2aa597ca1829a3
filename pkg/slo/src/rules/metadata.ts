import { LABEL, SLO_SERIES } from '@hybridlens/conventions';
import { type RecordingRule } from '../ruleTypes';
import { type SloSpec, sloPlaybook } from '../spec';
import { sloLabels } from './sloSeries';

/**
 * `hybridlens_slo_info` and the objective as a value: the app discovers every SLO, its objective, period and
 * playbook from Prometheus alone.
 */
export function metadataRules(spec: SloSpec): RecordingRule[] {
  return [
    {
      record: SLO_SERIES.info,
      expr: 'vector(1)',
      labels: {
        [LABEL.slo]: spec.name,
        [LABEL.sloService]: spec.service,
        [LABEL.sliType]: spec.sliType,
        [LABEL.objective]: String(spec.objective),
        [LABEL.window]: spec.period,
        [LABEL.playbook]: sloPlaybook(spec),
      },
    },
    { record: SLO_SERIES.objective, expr: `vector(${spec.objective})`, labels: sloLabels(spec) },
  ];
}
