import { JOB_OUTCOME } from '@hybridlens/conventions';
import { createTelemetry, type HybridTelemetry, type RequestScope } from '@hybridlens/instrument';
import { HybridSimulator } from '../src';
import type { Topology } from '../src/topology';

const DAY = 86_400_000;
const STEP = 120_000;

export interface ProviderSpend {
  jobs: number;
  success: number;
  error: number;
  usd: number;
}

/** A telemetry that keeps only what each quantum job's execute phase reports: outcome and spend per provider. */
function spendRecorder(real: HybridTelemetry, spend: Map<string, ProviderSpend>): HybridTelemetry {
  const nothing = () => undefined;
  const scope: RequestScope = {
    traceId: '0'.repeat(32),
    spanId: '0'.repeat(16),
    llm: () => ({ spanId: '0'.repeat(16), evaluation: nothing, consistency: nothing, end: nothing }),
    orchestratorDecision: nothing,
    quantumJob: (init) => ({
      enqueue: nothing,
      compile: nothing,
      execute: (x) => {
        const p = spend.get(init.provider) ?? { jobs: 0, success: 0, error: 0, usd: 0 };
        p.jobs++;
        p.success += x.outcome === JOB_OUTCOME.success ? 1 : 0;
        p.error += x.outcome === JOB_OUTCOME.error ? 1 : 0;
        p.usd += x.spendUsd ?? 0;
        spend.set(init.provider, p);
      },
    }),
    fallback: nothing,
    postprocess: nothing,
    log: nothing,
    end: nothing,
  };
  return { ...real, startRequest: () => scope };
}

export interface SpendRun {
  requests: number;
  /** Per provider (`local` included, at $0). */
  providers: Map<string, ProviderSpend>;
}

/**
 * Quantum spend per provider over `days` of the simulator at its default load without faults, as the model
 * prices each job (the SDK is bypassed: only the plans' spend and outcomes are kept, so a week takes seconds).
 */
export async function measureSpend(options: {
  start: number;
  days: number;
  seed: number;
  topology?: Topology;
}): Promise<SpendRun> {
  const providers = new Map<string, ProviderSpend>();
  const telemetry = createTelemetry({ serviceName: 'spend', logSink: () => true, logLevel: 'error' });
  try {
    const sim = new HybridSimulator({
      telemetry: spendRecorder(telemetry, providers),
      seed: options.seed,
      faults: [],
      ...(options.topology ? { topology: options.topology } : {}),
    });
    let requests = 0;
    for (let t = options.start; t < options.start + options.days * DAY; t += STEP) {
      requests += sim.step(t, t + STEP);
    }
    return { requests, providers };
  } finally {
    await telemetry.shutdown();
  }
}
