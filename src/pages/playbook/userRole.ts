import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';

/**
 * Whether the signed-in user may run mitigations: the proxy route is `reqRole: Editor`, which Grafana checks
 * against the organization role, so the page asks the same thing (the boot data Grafana gives plugins) and
 * disables what the proxy would refuse anyway.
 */
export function canRunMitigations(): boolean {
  const role = config.bootData?.user?.orgRole;
  return role === OrgRole.Editor || role === OrgRole.Admin;
}

/** Who asks, for the admin API's audit trail. */
export function currentActor(): string {
  const user = config.bootData?.user;
  return user?.login || user?.email || user?.name || 'unknown';
}
