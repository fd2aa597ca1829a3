import { DEFAULT_TOPOLOGY, type Topology } from '../../src';

/**
 * The default topology with `factor` times its traffic: live tests run for seconds and need many requests
 * whatever the hour of the day (the daily curve drops to a quarter at night), beyond what --load allows a user.
 */
export function busyTopology(factor: number): Topology {
  return {
    ...DEFAULT_TOPOLOGY,
    routes: DEFAULT_TOPOLOGY.routes.map((r) => ({ ...r, peakRequestsPerSecond: r.peakRequestsPerSecond * factor })),
  };
}
