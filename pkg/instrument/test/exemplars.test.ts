import { METRIC, selector } from '@hybridlens/conventions';
import { describeWithBinary, type RunningPrometheus, startPrometheus } from '@hybridlens/testkit';
import { Registry } from 'prom-client';
import { createTelemetry, type HybridTelemetry, InMemorySpanExporter, InstrumentInputError } from '../src';
import { runFullRequest } from './helpers/fullRequest';
import { type MetricsServer, serveMetrics } from './helpers/metricsServer';

/** The histograms that carry exemplars. */
const EXEMPLAR_HISTOGRAMS = [
  METRIC.requestDuration.name,
  METRIC.requestSpanStartOffset.name,
  METRIC.requestSpanDuration.name,
  METRIC.quantumJobDuration.name,
];

interface Traffic {
  telemetry: HybridTelemetry;
  exporter: InMemorySpanExporter;
  /** route → trace id of the one request on that route. */
  kept: Map<string, string>;
  dropped: Map<string, string>;
}

/**
 * Tail sampling ratio 0: failed, degraded and slow requests keep their trace, ordinary ones do not.
 * One request per route, so every request has series (and exemplar buckets) of its own and a wrong
 * exemplar cannot hide behind a later one.
 */
function traffic(): Traffic {
  const exporter = new InMemorySpanExporter();
  const telemetry = createTelemetry({
    serviceName: 'hybrid-api',
    openMetrics: true,
    traceExporter: exporter,
    sampling: { ratio: 0, slowRequestSeconds: 2 },
    logSink: () => undefined,
  });
  const run = (route: string, outcome: 'ok' | 'degraded' | 'error', durationMs: number) =>
    runFullRequest(telemetry, { route, outcome, durationMs, start: Date.now() - 10_000 }).traceId;
  const kept = new Map([
    ['/v1/kept-error', run('/v1/kept-error', 'error', 900)],
    ['/v1/kept-degraded', run('/v1/kept-degraded', 'degraded', 1200)],
    ['/v1/kept-slow', run('/v1/kept-slow', 'ok', 2500)],
  ]);
  const dropped = new Map([
    ['/v1/dropped-fast', run('/v1/dropped-fast', 'ok', 700)],
    ['/v1/dropped-faster', run('/v1/dropped-faster', 'ok', 600)],
  ]);
  return { telemetry, exporter, kept, dropped };
}

describe('trace-id exemplars', () => {
  it('point only at kept traces, on the request, span and quantum job histograms', async () => {
    const { telemetry, exporter, kept, dropped } = traffic();
    const exemplars = await telemetry.exemplars();
    await telemetry.flush();
    const exported = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));

    expect(new Set(exemplars.map((e) => e.traceId))).toEqual(new Set(kept.values()));
    for (const traceId of dropped.values()) {
      expect(exported.has(traceId)).toBe(false);
    }
    for (const traceId of kept.values()) {
      expect(exported.has(traceId)).toBe(true);
    }
    for (const e of exemplars) {
      expect(EXEMPLAR_HISTOGRAMS.map((name) => `${name}_bucket`)).toContain(e.series);
    }
    expect(new Set(exemplars.map((e) => e.series))).toEqual(new Set(EXEMPLAR_HISTOGRAMS.map((n) => `${n}_bucket`)));
    // Each request-labelled exemplar sits on its own request's series, in the bucket of its value.
    for (const e of exemplars.filter((x) => x.labels.route !== undefined)) {
      expect(e.traceId).toBe(kept.get(e.labels.route!));
      expect(e.value).toBeLessThanOrEqual(e.labels.le === '+Inf' ? Infinity : Number(e.labels.le));
    }
    const slow = exemplars.find(
      (e) => e.series === `${METRIC.requestDuration.name}_bucket` && e.traceId === kept.get('/v1/kept-slow')
    );
    expect(slow).toMatchObject({ value: 2.5, labels: { le: '3', path: 'qpu' } });
    await telemetry.shutdown();
  });

  it('on quantum job phases wait for the tail decision; a phase after its request gets the decision at once', async () => {
    const telemetry = createTelemetry({
      serviceName: 's',
      openMetrics: true,
      traceExporter: new InMemorySpanExporter(),
      sampling: { ratio: 0 },
      logSink: () => undefined,
    });
    const jobCount = async () =>
      (await telemetry.registry.metrics()).match(/^hybrid_quantum_job_duration_seconds_count\{.*\} (\d+)$/m)?.[1];
    const request = telemetry.startRequest({ route: '/v1/r', model: 'm', region: 'x', startTime: 1000 });
    const job = request.quantumJob({ provider: 'ibm', backend: 'ibm_torino', simulator: false, shots: 10 });
    job.enqueue({ startTime: 1000, endTime: 1100 });
    expect(await jobCount()).toBeUndefined();
    request.end({ outcome: 'error', endTime: 1200 });
    expect(await jobCount()).toBe('1');
    job.execute({ startTime: 1100, endTime: 5100, providerJobId: 'j', providerStatus: 'ERROR', outcome: 'error' });
    const phases = (await telemetry.exemplars())
      .filter((e) => e.series === `${METRIC.quantumJobDuration.name}_bucket`)
      .map((e) => `${e.labels.phase}:${e.traceId === request.traceId}`);
    expect(phases.sort()).toEqual(['enqueue:true', 'execute:true', 'total:true']);
    await telemetry.shutdown();
  });

  it('are not recorded when no trace is exported at all (no exporter)', async () => {
    const telemetry = createTelemetry({ serviceName: 's', openMetrics: true, logSink: () => undefined });
    runFullRequest(telemetry, { outcome: 'error' });
    expect(await telemetry.exemplars()).toEqual([]);
    await telemetry.shutdown();
  });

  it('need an OpenMetrics registry: the default Prometheus text exposition stays as it was', async () => {
    const telemetry = createTelemetry({
      serviceName: 's',
      traceExporter: new InMemorySpanExporter(),
      logSink: () => undefined,
    });
    runFullRequest(telemetry, { outcome: 'error' });
    expect(await telemetry.exemplars()).toEqual([]);
    expect(telemetry.registry.contentType).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    expect(await telemetry.registry.metrics()).not.toMatch(/^[^#].* # \{/m);
    await telemetry.shutdown();
  });

  it('refuses openMetrics: true with a Prometheus-text registry passed in', () => {
    const call = () => createTelemetry({ serviceName: 's', openMetrics: true, registry: new Registry() });
    expect(call).toThrow(InstrumentInputError);
    expect(call).toThrow(/createTelemetry\(\): openMetrics needs the registry passed in to be created with/);
  });

  it('are exposed in the OpenMetrics text with the trace_id label', async () => {
    const { telemetry, kept } = traffic();
    const text = await telemetry.registry.metrics();
    expect(telemetry.registry.contentType).toBe(Registry.OPENMETRICS_CONTENT_TYPE);
    expect(text.endsWith('# EOF\n')).toBe(true);
    const exemplarIds = [...text.matchAll(/ # \{trace_id="([0-9a-f]{32})"\} /g)].map((m) => m[1]);
    expect(exemplarIds.length).toBeGreaterThan(0);
    expect(new Set(exemplarIds)).toEqual(new Set(kept.values()));
    await telemetry.shutdown();
  });
});

interface ExemplarQueryResult {
  seriesLabels: Record<string, string>;
  exemplars: Array<{ labels: Record<string, string>; value: string; timestamp: number }>;
}

async function queryExemplars(prometheus: RunningPrometheus, query: string): Promise<ExemplarQueryResult[]> {
  const now = Date.now() / 1000;
  const body = new URLSearchParams({ query, start: String(now - 600), end: String(now + 60) });
  const res = await fetch(`${prometheus.url}/api/v1/query_exemplars`, { method: 'POST', body });
  const json = (await res.json()) as { status: string; data: ExemplarQueryResult[]; error?: string };
  if (json.status !== 'success') {
    throw new Error(`query_exemplars ${query}: ${json.error}`);
  }
  return json.data;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'exemplars scraped by a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let server: MetricsServer;
  let run: Traffic;

  beforeAll(async () => {
    run = traffic();
    server = await serveMetrics(run.telemetry);
    prometheus = await startPrometheus({
      config: [
        'global:',
        '  scrape_interval: 1s',
        'scrape_configs:',
        '  - job_name: hybrid',
        '    static_configs:',
        `      - targets: ['${server.target}']`,
      ].join('\n'),
      extraArgs: ['--enable-feature=exemplar-storage'],
    });
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await server?.close();
    await run?.telemetry.shutdown();
  });

  it('returns the trace ids of kept requests and none of dropped ones from /api/v1/query_exemplars', async () => {
    // Samples and exemplars arrive in the same scrape: wait for the samples, then read exemplars.
    await until('a scrape with the request counter', async () => {
      const result = await prometheus.query(selector(METRIC.requests.name));
      return result.result.length === run.kept.size + run.dropped.size ? true : undefined;
    });
    expect(server.scrapes()).toBeGreaterThan(0);
    const found = new Map<string, Set<string>>();
    for (const name of EXEMPLAR_HISTOGRAMS) {
      const series = await queryExemplars(prometheus, selector(`${name}_bucket`));
      found.set(name, new Set(series.flatMap((s) => s.exemplars.map((e) => e.labels.trace_id!))));
      // Each exemplar on a request-labelled series belongs to that series' request.
      for (const s of series.filter((x) => x.seriesLabels.route !== undefined)) {
        for (const e of s.exemplars) {
          expect(e.labels.trace_id).toBe(run.kept.get(s.seriesLabels.route!));
        }
      }
    }
    const keptIds = new Set(run.kept.values());
    for (const name of EXEMPLAR_HISTOGRAMS) {
      expect({ name, traceIds: found.get(name) }).toEqual({ name, traceIds: keptIds });
      expect([...run.dropped.values()].filter((id) => found.get(name)!.has(id))).toEqual([]);
    }
  }, 60_000);
});
