import { METRIC, SPAN } from '@hybridlens/conventions';
import { createTelemetry, type HybridTelemetry, InMemorySpanExporter } from '../src';
import { parseExposition } from './helpers/exposition';
import { runFullRequest } from './helpers/fullRequest';

const STAGE_SPANS = Object.values(SPAN).length;

/** A seeded generator (mulberry32) so sampling decisions are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setup(
  sampling: { ratio: number; slowRequestSeconds?: number; routeRatios?: Record<string, number> },
  random = seeded(7)
) {
  const exporter = new InMemorySpanExporter();
  const telemetry = createTelemetry({
    serviceName: 'hybrid-api',
    traceExporter: exporter,
    sampling,
    random,
    logSink: () => undefined,
  });
  return { exporter, telemetry };
}

function tracesOf(exporter: InMemorySpanExporter): Map<string, string[]> {
  const traces = new Map<string, string[]>();
  for (const span of exporter.getFinishedSpans()) {
    const id = span.spanContext().traceId;
    traces.set(id, [...(traces.get(id) ?? []), span.name]);
  }
  return traces;
}

async function requestCount(telemetry: HybridTelemetry): Promise<number> {
  return parseExposition(await telemetry.registry.metrics())
    .filter((s) => s.series === METRIC.requests.name)
    .reduce((sum, s) => sum + s.value, 0);
}

describe('tail sampling at request end', () => {
  it('with ratio 0 drops ordinary requests but keeps every failed, degraded and slow one, whole', async () => {
    const { exporter, telemetry } = setup({ ratio: 0, slowRequestSeconds: 2 });
    const kept = [
      runFullRequest(telemetry, { outcome: 'error' }).traceId,
      runFullRequest(telemetry, { outcome: 'degraded' }).traceId,
      runFullRequest(telemetry, { outcome: 'ok', durationMs: 2500 }).traceId,
    ];
    for (let i = 0; i < 50; i++) {
      runFullRequest(telemetry, { outcome: 'ok', durationMs: 800 });
    }
    await telemetry.flush();
    const traces = tracesOf(exporter);
    expect([...traces.keys()].sort()).toEqual([...kept].sort());
    for (const names of traces.values()) {
      expect(names).toHaveLength(STAGE_SPANS);
    }
    // Sampled-out requests still count in metrics, and sampling out is not a drop.
    expect(await requestCount(telemetry)).toBe(53);
    expect(telemetry.droppedCounts().traces).toBe(0);
    await telemetry.shutdown();
  });

  it('keeps about `ratio` of ordinary requests, each trace complete', async () => {
    const { exporter, telemetry } = setup({ ratio: 0.25 });
    for (let i = 0; i < 400; i++) {
      runFullRequest(telemetry, { outcome: 'ok' });
    }
    await telemetry.flush();
    const traces = tracesOf(exporter);
    // Binomial(400, 0.25): mean 100, sd 8.7; ±5 sd.
    expect(traces.size).toBeGreaterThan(56);
    expect(traces.size).toBeLessThan(144);
    expect([...traces.values()].every((names) => names.length === STAGE_SPANS)).toBe(true);
    expect(await requestCount(telemetry)).toBe(400);
    await telemetry.shutdown();
  });

  it('applies per-route ratios for high-volume routes', async () => {
    const { exporter, telemetry } = setup({ ratio: 1, routeRatios: { '/v1/bulk': 0 } });
    for (let i = 0; i < 20; i++) {
      runFullRequest(telemetry, { route: '/v1/bulk' });
    }
    const interactive = runFullRequest(telemetry, { route: '/v1/optimize' }).traceId;
    const bulkFailure = runFullRequest(telemetry, { route: '/v1/bulk', outcome: 'error' }).traceId;
    await telemetry.flush();
    expect([...tracesOf(exporter).keys()].sort()).toEqual([interactive, bulkFailure].sort());
    await telemetry.shutdown();
  });

  it('exports a span that ends after its request only if the request was kept', async () => {
    const { exporter, telemetry } = setup({ ratio: 0 });
    const failing = telemetry.startRequest({ route: '/v1/optimize', model: 'm', region: 'r', startTime: 1000 });
    const lateKept = failing.llm({ model: 'm', provider: 'openai', prompt: 'p', startTime: 1001 });
    failing.end({ outcome: 'error', endTime: 1500 });
    lateKept.end({ output: 'o', inputTokens: 1, outputTokens: 1, endTime: 1600 });
    const ordinary = telemetry.startRequest({ route: '/v1/optimize', model: 'm', region: 'r', startTime: 1000 });
    const lateDropped = ordinary.llm({ model: 'm', provider: 'openai', prompt: 'p', startTime: 1001 });
    ordinary.end({ outcome: 'ok', endTime: 1100 });
    lateDropped.end({ output: 'o', inputTokens: 1, outputTokens: 1, endTime: 1200 });
    await telemetry.flush();
    expect(tracesOf(exporter)).toEqual(new Map([[failing.traceId, [SPAN.ingress, SPAN.llm]]]));
    await telemetry.shutdown();
  });

  it('bounds spans of requests that never end, counting the ones it gives up', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = createTelemetry({
      serviceName: 'hybrid-api',
      traceExporter: exporter,
      maxQueueSize: 64,
      logSink: () => undefined,
    });
    for (let i = 0; i < 200; i++) {
      const request = telemetry.startRequest({ route: '/v1/optimize', model: 'm', region: 'r' });
      request.orchestratorDecision({ path: 'classical', reason: 'flag_force_classical', inputs: {} });
    }
    // 200 open requests, one finished span each; at most 64 are held.
    expect(telemetry.droppedCounts().traces).toBe(200 - 64);
    await telemetry.shutdown();
    expect(telemetry.droppedCounts().traces).toBe(200);
  });

  it('is reproducible from a seed: same ids, same decisions', async () => {
    const run = async () => {
      const { exporter, telemetry } = setup({ ratio: 0.5 }, seeded(42));
      const ids = Array.from({ length: 20 }, () => runFullRequest(telemetry).traceId);
      await telemetry.flush();
      const kept = [...tracesOf(exporter).keys()].sort();
      await telemetry.shutdown();
      return { ids, kept };
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a.ids).size).toBe(20);
  });
});
