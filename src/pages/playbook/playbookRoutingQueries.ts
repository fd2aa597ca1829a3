import { sloInfo } from '../../queries/slo';
import { firingAlerts } from '../../queries/promql';
import { ROUTING_REFS } from './playbookRouting';

/** The instant queries behind "which SLOs lead here" and "what fires now". */
export function routingQueries() {
  const instant = { instant: true, range: false };
  return [
    { refId: ROUTING_REFS.sloInfo, expr: sloInfo(), ...instant },
    { refId: ROUTING_REFS.firing, expr: firingAlerts(), ...instant },
  ];
}
