import {
  PLAYBOOK,
  QUANTUM_PROVIDER,
  SIMULATOR_PROVIDERS,
  SLI_PLAYBOOK,
  SLI_TYPE,
  WORKLOAD_PATHS,
} from '@hybridlens/conventions';
import { DEFAULT_TOPOLOGY } from '@hybridlens/simulator';
import {
  JOB_SUCCESS_PROVIDERS,
  assertValidSpecs,
  defaultSpecs,
  maxBurnRate,
  reachableTiers,
  sloPlaybook,
} from '../src';

describe('shipped SLOs (ops guide "Suggested SLIs and SLOs")', () => {
  const specs = defaultSpecs();
  const byName = Object.fromEntries(specs.map((s) => [s.name, s]));

  it('are valid and uniquely named', () => {
    expect(() => assertValidSpecs(specs)).not.toThrow();
  });

  it('hold low-latency requests to 99% under 2 s, from the bucket, on Prometheus 2 and 3 label formats', () => {
    const latency = byName['end-to-end-latency']!;
    expect(latency.sliType).toBe(SLI_TYPE.latency);
    expect(latency.objective).toBe(0.99);
    expect(WORKLOAD_PATHS.lowLatency).toEqual(['simulator', 'classical', 'none']);
    expect(latency.sli).toEqual({
      total: 'hybrid_request_duration_seconds_count{path=~"simulator|classical|none"}',
      good: 'hybrid_request_duration_seconds_bucket{path=~"simulator|classical|none",le=~"2(\\\\.0)?"}',
    });
    expect(latency.scope).toEqual({ path: ['simulator', 'classical', 'none'] });
    const le = new RegExp(`^${'2(\\.0)?'}$`);
    expect(['2', '2.0'].every((v) => le.test(v))).toBe(true);
    expect(['20', '2.5', '0.2'].some((v) => le.test(v))).toBe(false);
  });

  it('hold QPU-backed requests to 95% under 60 s, on their own path only', () => {
    const qpu = byName['qpu-request-latency']!;
    expect(qpu.sliType).toBe(SLI_TYPE.latency);
    expect(qpu.objective).toBe(0.95);
    expect(qpu.sli).toEqual({
      total: 'hybrid_request_duration_seconds_count{path="qpu"}',
      good: 'hybrid_request_duration_seconds_bucket{path="qpu",le=~"60(\\\\.0)?"}',
    });
    expect(qpu.scope).toEqual({ path: 'qpu' });
  });

  it('hold QPU providers to 95% and simulators to 98% job success, one SLO per provider jobs run on', () => {
    for (const provider of JOB_SUCCESS_PROVIDERS) {
      const spec = byName[`quantum-job-success-${provider}`]!;
      expect(spec.objective).toBe(SIMULATOR_PROVIDERS.includes(provider) ? 0.98 : 0.95);
      expect(spec.scope).toEqual({ provider });
      expect(spec.sli.total).toBe(`hybrid_quantum_jobs_total{provider="${provider}",outcome!="cancelled"}`);
    }
  });

  it('have a job-success SLO for exactly the providers the default topology sends jobs to (never one without events)', () => {
    const routed = new Set([
      ...DEFAULT_TOPOLOGY.backends.filter((b) => b.weight > 0).map((b) => b.provider),
      ...DEFAULT_TOPOLOGY.backends
        .filter((b) => b.backend === DEFAULT_TOPOLOGY.simulatorBackend)
        .map((b) => b.provider),
    ]);
    const withSlo = specs.filter((s) => s.sliType === SLI_TYPE.quantumJobSuccess).map((s) => s.scope?.provider);
    expect(new Set(withSlo)).toEqual(routed);
    expect(withSlo).not.toContain(QUANTUM_PROVIDER.google);
    expect(Object.values(QUANTUM_PROVIDER).filter((p) => !JOB_SUCCESS_PROVIDERS.includes(p))).toEqual([
      QUANTUM_PROVIDER.google,
    ]);
  });

  it('cover schema compliance (99%), queueing and fallback availability', () => {
    expect(byName['llm-schema-compliance']!.objective).toBe(0.99);
    expect(byName['quantum-enqueue-latency']!.sliType).toBe(SLI_TYPE.queueing);
    expect(byName['fallback-availability']!.sliType).toBe(SLI_TYPE.fallback);
  });

  it("take each playbook from the contract's SLI_PLAYBOOK, unless a spec names its own", () => {
    for (const spec of specs) {
      expect(spec.playbook).toBeUndefined();
      expect(sloPlaybook(spec)).toBe(SLI_PLAYBOOK[spec.sliType]);
    }
    expect(sloPlaybook(byName['fallback-availability']!)).toBe(PLAYBOOK.providerOutage);
    expect(sloPlaybook({ ...byName['end-to-end-latency']!, playbook: PLAYBOOK.queueSaturation })).toBe(
      PLAYBOOK.queueSaturation
    );
  });

  it('reach every burn-rate tier (the max burn rate 1 / (1 − objective) is above 14.4)', () => {
    for (const spec of specs) {
      expect(maxBurnRate(spec.objective)).toBeGreaterThan(14.4);
      expect(reachableTiers(spec.objective).unreachable).toEqual([]);
    }
    expect(reachableTiers(0.9).unreachable.map((t) => t.tier)).toEqual(['page-fast']);
    expect(reachableTiers(0.5).reachable.map((t) => t.tier)).toEqual(['ticket-slow']);
  });
});
