import { cpuUsage } from 'node:process';
import { createTelemetry, type HybridTelemetry, type RequestScope } from '@hybridlens/instrument';
import type { BenchRow } from '../../../scripts/bench/types';
import { HybridSimulator } from '../src';

/*
 * Where a backfill's per-request CPU goes: the simulation alone (its plans emitted into a telemetry that
 * does nothing) against the same requests emitted through @hybridlens/instrument without a trace exporter
 * (what a backfill does for every request whose trace it does not keep) and with one (the kept traces).
 * Variants take turns, one simulated hour each, so load from other processes falls on all of them alike.
 */

const ROUNDS = Number(process.env.HL_SIM_REQUEST_BENCH_ROUNDS ?? 7);
const START = Date.parse('2026-11-18T12:00:00Z');
const HOUR = 3_600_000;
const STEP = 120_000;
/** Enough requests per round for stable per-request figures. */
const LOAD = 20;

/** A telemetry that records nothing: the cost of simulating and walking a request, without the SDK. */
function nullTelemetry(real: HybridTelemetry): HybridTelemetry {
  const scope: RequestScope = {
    traceId: '0'.repeat(32),
    spanId: '0'.repeat(16),
    llm: () => ({
      spanId: '0'.repeat(16),
      evaluation: () => undefined,
      consistency: () => undefined,
      end: () => undefined,
    }),
    orchestratorDecision: () => undefined,
    quantumJob: () => ({ enqueue: () => undefined, compile: () => undefined, execute: () => undefined }),
    fallback: () => undefined,
    postprocess: () => undefined,
    log: () => undefined,
    end: () => undefined,
  };
  return { ...real, startRequest: () => scope };
}

const discard = {
  export: (_spans: unknown[], done: (r: { code: number }) => void) => done({ code: 0 }),
  shutdown: async () => undefined,
  forceFlush: async () => undefined,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function requestCostBench(): Promise<BenchRow[]> {
  const plain = createTelemetry({ serviceName: 'bench', logSink: () => true, logLevel: 'error' });
  const traced = createTelemetry({
    serviceName: 'bench',
    traceExporter: discard as never,
    logSink: () => true,
    logLevel: 'warn',
    scheduledDelayMillis: 3_600_000,
    maxQueueSize: 100_000,
    maxExportBatchSize: 100_000,
  });
  const variants: Array<{ name: string; telemetry: HybridTelemetry; sim?: HybridSimulator; samples: number[] }> = [
    { name: 'simulation only (telemetry that records nothing)', telemetry: nullTelemetry(plain), samples: [] },
    { name: 'through @hybridlens/instrument, no span export (untraced requests)', telemetry: plain, samples: [] },
    { name: 'through @hybridlens/instrument, every trace kept', telemetry: traced, samples: [] },
  ];
  for (const v of variants) {
    v.sim = new HybridSimulator({ telemetry: v.telemetry, seed: 3, faults: [], loadFactor: LOAD });
  }
  let requests = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const from = START + round * HOUR;
    for (const v of variants) {
      const before = cpuUsage();
      let n = 0;
      for (let t = from; t < from + HOUR; t += STEP) {
        n += v.sim!.step(t, t + STEP);
      }
      if (v.telemetry === traced) {
        await traced.flush();
      }
      const used = cpuUsage(before);
      v.samples.push(((used.user + used.system) / n) as number);
      requests = n;
    }
  }
  await plain.shutdown();
  await traced.shutdown();
  const area = 'simulator request cost';
  const [bare, untraced, kept] = variants.map((v) => median(v.samples));
  return [
    ...variants.map((v) => ({
      area,
      metric: v.name,
      value: Math.round(median(v.samples)),
      unit: 'µs CPU/request',
      note: `${ROUNDS} rounds of ${requests} requests, median`,
    })),
    {
      area,
      metric: 'share of an untraced request spent in the SDK',
      value: Number(((untraced! - bare!) / untraced!).toFixed(2)),
      unit: 'ratio',
      note: `kept traces cost ${Math.round(kept! - untraced!)} µs more each`,
    },
  ];
}
