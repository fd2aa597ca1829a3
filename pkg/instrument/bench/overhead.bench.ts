import type { BenchRow } from '../../../scripts/bench/types';
import { createTelemetry, type HybridTelemetry, type ReadableSpan, type SpanExporter } from '../src';
import { handleRequest } from './requestPipeline';

const ROUNDS = 9;
const REQUESTS_PER_ROUND = 3000;
const WARMUP_REQUESTS = 3000;

/** Accepts every span at once: the cost measured is the SDK's, not an exporter's. */
class NoopExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function telemetryWith(ratio: number): HybridTelemetry {
  return createTelemetry({
    serviceName: 'bench',
    traceExporter: new NoopExporter(),
    logSink: () => undefined,
    sampling: { ratio },
    // A large queue and a long delay: the bench flushes between rounds itself.
    maxQueueSize: REQUESTS_PER_ROUND * 8,
    scheduledDelayMillis: 60_000,
  });
}

interface RoundResult {
  /** Process CPU time (user + system) per request: the figure that holds on a shared, busy machine. */
  cpuNs: number;
  wallNs: number;
}

/** One round of `handleRequest` with the given telemetry (or none). */
function round(telemetry: HybridTelemetry | undefined, offset: number): RoundResult {
  let sink = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
    sink += handleRequest(offset + i, 1_700_000_000_000 + (offset + i) * 1000, telemetry).length;
  }
  const wallNs = Number(process.hrtime.bigint() - start) / REQUESTS_PER_ROUND;
  const cpu = process.cpuUsage(cpuStart);
  if (sink === 0) {
    throw new Error('unreachable: keeps the work from being optimised away');
  }
  return { cpuNs: ((cpu.user + cpu.system) * 1000) / REQUESTS_PER_ROUND, wallNs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-request overhead of full instrumentation (7 spans, 16 metric updates, 4 log lines) versus none. */
export default async function overheadBench(): Promise<BenchRow[]> {
  const keepAll = telemetryWith(1);
  const keepNone = telemetryWith(0);
  for (const t of [undefined, keepAll, keepNone]) {
    round(t, 0);
  }
  for (let i = 0; i < WARMUP_REQUESTS; i += REQUESTS_PER_ROUND) {
    round(keepAll, i);
  }
  const plain: RoundResult[] = [];
  const all: RoundResult[] = [];
  const none: RoundResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Side by side in every round, in rotating order, so drift and GC hit all three alike.
    const order = [0, 1, 2].map((k) => (k + r) % 3);
    for (const which of order) {
      const offset = r * REQUESTS_PER_ROUND;
      if (which === 0) {
        plain.push(round(undefined, offset));
      } else if (which === 1) {
        all.push(round(keepAll, offset));
      } else {
        none.push(round(keepNone, offset));
      }
    }
    await keepAll.flush();
    await keepNone.flush();
  }
  await keepAll.shutdown();
  await keepNone.shutdown();
  const us = (ns: number) => ns / 1000;
  const cpu = (rs: RoundResult[]) => median(rs.map((x) => x.cpuNs));
  const wall = (rs: RoundResult[]) => median(rs.map((x) => x.wallNs));
  const [p, a, n] = [cpu(plain), cpu(all), cpu(none)];
  const area = 'instrument overhead';
  const note = `CPU time, median of ${ROUNDS} rounds × ${REQUESTS_PER_ROUND} requests`;
  return [
    { area, metric: 'request uninstrumented', value: us(p), unit: 'µs/request', note },
    {
      area,
      metric: 'request fully instrumented (trace kept)',
      value: us(a),
      unit: 'µs/request',
      note: 'all stages: 7 spans to a no-op exporter, 16 metric updates, 4 JSON log lines (info) to a no-op sink',
    },
    { area, metric: 'overhead per request (trace kept)', value: us(a - p), unit: 'µs/request', note },
    { area, metric: 'ratio instrumented / uninstrumented (trace kept)', value: a / p, unit: 'x' },
    {
      area,
      metric: 'request fully instrumented (sampled out)',
      value: us(n),
      unit: 'µs/request',
      note: 'tail sampling ratio 0: spans recorded, then dropped at request end',
    },
    { area, metric: 'overhead per request (sampled out)', value: us(n - p), unit: 'µs/request', note },
    {
      area,
      metric: 'overhead per request (trace kept), wall clock',
      value: us(wall(all) - wall(plain)),
      unit: 'µs/request',
      note: 'inflated when other processes share the cores',
    },
  ];
}
