import type { BenchRow } from '../../../scripts/bench/types';
import { createTelemetry, type HybridTelemetry, type ReadableSpan, type SpanExporter } from '../src';
import { type BareTelemetry, bareTelemetry, handleRequestBare } from './bareRequest';
import { handleRequest } from './requestPipeline';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 2000;
/** Requests per turn of a variant inside a round (about 10–30 ms of CPU). */
const BLOCK = 100;
const WARMUP_REQUESTS = 4000;
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

/**
 * One round: every variant runs REQUESTS_PER_ROUND requests, in blocks of BLOCK taking turns, so a
 * burst of load from other processes (or a GC) lands on all variants alike instead of on one.
 */
function round(variants: Variant[], offset: number): RoundResult[] {
  const cpuUs = variants.map(() => 0);
  const wallNs = variants.map(() => 0);
  let sink = 0;
  for (let block = 0; block < REQUESTS_PER_ROUND / BLOCK; block++) {
    for (let k = 0; k < variants.length; k++) {
      const which = (k + block) % variants.length;
      const run = variants[which]!.run;
      const first = offset + block * BLOCK;
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = first; i < first + BLOCK; i++) {
        sink += run(i, 1_700_000_000_000 + i * 1000).length;
      }
      wallNs[which]! += Number(process.hrtime.bigint() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuUs[which]! += cpu.user + cpu.system;
    }
  }
  if (sink === 0) {
    throw new Error('unreachable: keeps the work from being optimised away');
  }
  return variants.map((_, k) => ({
    cpuNs: (cpuUs[k]! * 1000) / REQUESTS_PER_ROUND,
    wallNs: wallNs[k]! / REQUESTS_PER_ROUND,
  }));
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
  for (let i = 0; i < WARMUP_REQUESTS; i += REQUESTS_PER_ROUND) {
    round(variants, i);
  }
  const results = new Map<string, RoundResult[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    round(variants, r * REQUESTS_PER_ROUND).forEach((result, k) => results.get(variants[k]!.name)!.push(result));
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
  // Within a round the variants took turns: the ratio of each round, then their median, drifts
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
