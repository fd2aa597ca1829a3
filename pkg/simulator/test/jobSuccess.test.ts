import { FaultEngine } from '../src/faultEngine';
import { ProviderState } from '../src/providerState';
import { simulateJob } from '../src/quantumJob';
import { Rng } from '../src/rng';
import { DEFAULT_TOPOLOGY, qpuBackends } from '../src/topology';

const T = Date.parse('2026-11-18T14:00:00Z');
const JOBS = 20_000;

/*
 * A healthy QPU's job success is a property of its failure profile, not of how much traffic the orchestrator
 * sends it: Azure IonQ gets a few hundred jobs a week (README "Spend"), too few for a day of traffic to
 * measure a 97-99.5 % band, so each backend runs the same number of jobs here.
 */
describe('job success on a healthy QPU', () => {
  const faults = new FaultEngine([]);
  const providers = new ProviderState(DEFAULT_TOPOLOGY, faults, new Rng(1));
  providers.advance(T, 60);

  it.each(qpuBackends(DEFAULT_TOPOLOGY).map((b) => [b.backend, b] as const))(
    '%s completes 97-99.5 % of its jobs, as providers publish',
    (_name, backend) => {
      const rng = new Rng(11);
      let success = 0;
      let error = 0;
      for (let i = 0; i < JOBS; i++) {
        const job = simulateJob(
          {
            backend,
            shots: Math.min(1000, backend.maxShots),
            width: 10,
            depth: 60,
            onCorruptCalibration: false,
            queue: providers.queue(backend),
            rateLimit: providers.rateLimit(backend.provider),
            outage: 0,
            region: backend.region,
          },
          T,
          0,
          faults,
          rng
        );
        success += job.execute?.outcome === 'success' ? 1 : 0;
        error += job.execute?.outcome === 'error' || !job.execute ? 1 : 0;
      }
      const rate = success / (success + error);
      expect(rate).toBeGreaterThan(0.97);
      expect(rate).toBeLessThan(0.995);
    }
  );
});
