import type { BenchRow } from '../../../scripts/bench/types';
import { createTelemetry, type HybridTelemetry, type ReadableSpan, type SpanExporter } from '../src';
import { type BareTelemetry, bareTelemetry, handleRequestBare } from './bareRequest';
import { handleRequest } from './requestPipeline';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 2000;
const WARMUP_REQUESTS = 3000;
/** The issue's target: Hybrid Lens overhead at most this multiple of the bare libraries'. */
const TARGET_RATIO = 1.3;
const QUEUE = { maxQueueSize: REQUESTS_PER_ROUND * 8, scheduledDelayMillis: 60_000 };

/** Accepts every span at once: the cost measured is the SDK's, not an exporter's. */
class NoopExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function telemetryWith(ratio: number, openMetrics = false): HybridTelemetry {
  return createTelemetry({
    serviceName: 'bench',
    traceExporter: new NoopExporter(),
    logSink: () => undefined,
    sampling: { ratio },
    openMetrics,
    // A large queue and a long delay: the bench flushes between rounds itself.
    ...QUEUE,
  });
}

interface RoundResult {
  /** Process CPU time (user + system) per request: the figure that holds on a shared, busy machine. */
  cpuNs: number;
  wallNs: number;
}

type Variant = { name: string; run: (i: number, t0: number) => string; flush?: () => Promise<void> };

/** One round of one variant. */
function round(variant: Variant, offset: number): RoundResult {
  let sink = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
    sink += variant.run(offset + i, 1_700_000_000_000 + (offset + i) * 1000).length;
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

/**
 * Per-request cost of full instrumentation (7 spans, 32 metric updates, 4 log lines) versus none,
 * and versus the same spans and metric updates made with the bare OpenTelemetry SDK and prom-client.
 */
export default async function overheadBench(): Promise<BenchRow[]> {
  const keepAll = telemetryWith(1);
  const keepNone = telemetryWith(0);
  const exemplars = telemetryWith(1, true);
  const bare: BareTelemetry = bareTelemetry(new NoopExporter(), QUEUE);
  const variants: Variant[] = [
    { name: 'plain', run: (i, t0) => handleRequest(i, t0) },
    { name: 'bare', run: (i, t0) => handleRequestBare(i, t0, bare), flush: () => bare.processor.forceFlush() },
    { name: 'kept', run: (i, t0) => handleRequest(i, t0, keepAll), flush: () => keepAll.flush() },
    { name: 'sampledOut', run: (i, t0) => handleRequest(i, t0, keepNone), flush: () => keepNone.flush() },
    { name: 'exemplars', run: (i, t0) => handleRequest(i, t0, exemplars), flush: () => exemplars.flush() },
  ];
  for (const v of variants) {
    round(v, 0);
  }
  for (let i = 0; i < WARMUP_REQUESTS; i += REQUESTS_PER_ROUND) {
    for (const v of variants) {
      round(v, i);
    }
  }
  const results = new Map<string, RoundResult[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    // Side by side in every round, in rotating order, so drift and GC hit all variants alike.
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + r) % variants.length]!;
      results.get(v.name)!.push(round(v, r * REQUESTS_PER_ROUND));
    }
    for (const v of variants) {
      await v.flush?.();
    }
  }
  await Promise.all([keepAll.shutdown(), keepNone.shutdown(), exemplars.shutdown(), bare.processor.shutdown()]);

  const us = (ns: number) => ns / 1000;
  const cpu = (name: string) => median(results.get(name)!.map((x) => x.cpuNs));
  const wall = (name: string) => median(results.get(name)!.map((x) => x.wallNs));
  const [p, b, a, n, e] = ['plain', 'bare', 'kept', 'sampledOut', 'exemplars'].map(cpu) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const area = 'instrument overhead';
  const note = `CPU time, median of ${ROUNDS} rounds × ${REQUESTS_PER_ROUND} requests`;
  // Per round, all variants ran back to back: the ratio of each round, then their median, drifts
  // least with the load of other processes on the machine.
  const perRound = (name: string) => results.get(name)!.map((x) => x.cpuNs);
  const [plainR, bareR, keptR] = [perRound('plain'), perRound('bare'), perRound('kept')];
  const ratio = median(keptR.map((kept, r) => (kept - plainR[r]!) / (bareR[r]! - plainR[r]!)));
  return [
    { area, metric: 'request uninstrumented', value: us(p), unit: 'µs/request', note },
    {
      area,
      metric: 'request with bare OpenTelemetry SDK + prom-client',
      value: us(b),
      unit: 'µs/request',
      note: 'same 7 spans (BatchSpanProcessor, no-op exporter) and 32 prom-client updates; no validation, hashing, logs or tail sampling',
    },
    {
      area,
      metric: 'request fully instrumented (trace kept)',
      value: us(a),
      unit: 'µs/request',
      note: 'all stages: 7 spans to a no-op exporter, 32 metric updates, 4 JSON log lines (info) to a no-op sink',
    },
    { area, metric: 'overhead per request, bare libraries', value: us(b - p), unit: 'µs/request', note },
    { area, metric: 'overhead per request (trace kept)', value: us(a - p), unit: 'µs/request', note },
    {
      area,
      metric: 'overhead ratio Hybrid Lens / bare libraries (trace kept)',
      value: ratio,
      unit: 'x',
      target: `<= ${TARGET_RATIO}`,
      ok: ratio <= TARGET_RATIO,
      note: '(instrumented − uninstrumented) / (bare − uninstrumented) per round, median over the rounds of the same run',
    },
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
      metric: 'overhead per request (trace kept, OpenMetrics exemplars)',
      value: us(e - p),
      unit: 'µs/request',
      note: 'openMetrics: true: trace-id exemplars on 16 histogram observations per request',
    },
    {
      area,
      metric: 'overhead per request (trace kept), wall clock',
      value: us(wall('kept') - wall('plain')),
      unit: 'µs/request',
      note: 'inflated when other processes share the cores',
    },
  ];
}
