import { LLM_ATTR, METRIC, NO_PROVIDER, REQUEST_SPAN_BUCKETS, SPAN, type SpanName } from '@hybridlens/conventions';
import { createTelemetry, type HybridTelemetry, InMemorySpanExporter, InstrumentInputError } from '../src';
import { parseExposition, type Sample, valueOf } from './helpers/exposition';
import { runFullRequest } from './helpers/fullRequest';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const OFFSET = METRIC.requestSpanStartOffset.name;
const DURATION = METRIC.requestSpanDuration.name;

function telemetry(): HybridTelemetry {
  return createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
}

async function samplesOf(t: HybridTelemetry): Promise<Sample[]> {
  return parseExposition(await t.registry.metrics());
}

/** Sum and count of one span's observations in a span histogram. */
function observed(samples: Sample[], histogram: string, span: SpanName, labels: Record<string, string> = {}) {
  return {
    sum: valueOf(samples, `${histogram}_sum`, { ...labels, span }),
    count: valueOf(samples, `${histogram}_count`, { ...labels, span }),
  };
}

describe('per-span histograms at request end', () => {
  it('observes every lifecycle span once: offset from the request start and duration, in seconds', async () => {
    const t = telemetry();
    runFullRequest(t, { start: T0, durationMs: 900 });
    const samples = await samplesOf(t);
    // Times of helpers/fullRequest.ts (ms after the request start): [start, end].
    const expected: Record<SpanName, [number, number]> = {
      [SPAN.ingress]: [0, 900],
      [SPAN.llm]: [5, 310],
      [SPAN.orchestrator]: [311, 312],
      [SPAN.quantumEnqueue]: [313, 400],
      [SPAN.quantumCompile]: [400, 450],
      [SPAN.quantumExecute]: [450, 800],
      [SPAN.postprocess]: [820, 895],
    };
    for (const [span, [start, end]] of Object.entries(expected) as Array<[SpanName, [number, number]]>) {
      const labels = { route: '/v1/optimize', path: 'qpu' };
      const offset = observed(samples, OFFSET, span, labels);
      const duration = observed(samples, DURATION, span, labels);
      expect({ span, offsetCount: offset.count, durationCount: duration.count }).toEqual({
        span,
        offsetCount: 1,
        durationCount: 1,
      });
      expect(offset.sum).toBeCloseTo(start / 1000, 9);
      expect(duration.sum).toBeCloseTo((end - start) / 1000, 9);
    }
    // The contract's buckets, and nothing but contract span names as `span` values.
    const buckets = samples.filter((s) => s.series === `${DURATION}_bucket` && s.labels.span === SPAN.llm);
    expect(buckets.map((s) => s.labels.le)).toEqual([...REQUEST_SPAN_BUCKETS.map(String), '+Inf']);
    const spanValues = new Set(samples.filter((s) => s.series.startsWith(OFFSET)).map((s) => s.labels.span));
    expect([...spanValues].sort()).toEqual(Object.values(SPAN).sort());
    await t.shutdown();
  });

  it("labels every span with the request's final path: a fallback relabels the spans before it", async () => {
    const t = telemetry();
    runFullRequest(t, { outcome: 'degraded' });
    const samples = await samplesOf(t);
    expect(observed(samples, DURATION, SPAN.orchestrator, { path: 'simulator' }).count).toBe(1);
    expect(observed(samples, DURATION, SPAN.orchestrator, { path: 'qpu' }).count).toBe(0);
    expect(valueOf(samples, `${DURATION}_count`, { path: 'simulator' })).toBe(7);
    await t.shutdown();
  });

  it("labels every span with the request's model and region and the provider of the served quantum path", async () => {
    const t = telemetry();
    runFullRequest(t, { start: T0 });
    const samples = await samplesOf(t);
    const labels = { route: '/v1/optimize', model: 'gpt-4o-mini', region: 'eu-west-1', path: 'qpu', provider: 'ibm' };
    expect(valueOf(samples, `${DURATION}_count`, labels)).toBe(7);
    expect(valueOf(samples, `${OFFSET}_count`, labels)).toBe(7);
    // Exactly the contract's label names on every sample.
    const names = new Set(samples.filter((s) => s.series.startsWith(DURATION)).flatMap((s) => Object.keys(s.labels)));
    expect([...names].sort()).toEqual([...METRIC.requestSpanDuration.labels, 'le'].sort());
    await t.shutdown();
  });

  it('takes the provider of the job that served the path: a fallback to the simulator job names its provider', async () => {
    const t = telemetry();
    const request = t.startRequest({ route: '/v1/fb', model: 'm', region: 'r', startTime: T0 });
    request.orchestratorDecision({ path: 'qpu', reason: 'qpu_healthy', provider: 'ibm', inputs: {}, startTime: T0 });
    request.fallback({ from: 'qpu', to: 'simulator', reason: 'queue_saturated', outcome: 'success', time: T0 + 2 });
    const job = request.quantumJob({ provider: 'local', backend: 'aer', simulator: true, shots: 100 });
    job.execute({ startTime: T0 + 3, endTime: T0 + 8, providerJobId: 'j', providerStatus: 'DONE', outcome: 'success' });
    request.end({ outcome: 'degraded', endTime: T0 + 10 });
    const samples = await samplesOf(t);
    expect(valueOf(samples, `${DURATION}_count`, { route: '/v1/fb', path: 'simulator', provider: 'local' })).toBe(3);
    expect(valueOf(samples, `${DURATION}_count`, { route: '/v1/fb', provider: 'ibm' })).toBe(0);
    await t.shutdown();
  });

  it.each([
    ['a classical request', 'classical', undefined],
    ['a quantum path that names no provider and ran no job', 'simulator', undefined],
  ])('labels %s with NO_PROVIDER', async (_what, path, provider) => {
    const t = telemetry();
    const request = t.startRequest({ route: '/v1/np', model: 'm', region: 'r', startTime: T0 });
    request.orchestratorDecision({
      path: path as 'classical' | 'simulator',
      reason: 'budget',
      ...(provider ? { provider } : {}),
      inputs: {},
      startTime: T0,
    });
    request.end({ outcome: 'ok', endTime: T0 + 10 });
    const samples = await samplesOf(t);
    expect(valueOf(samples, `${DURATION}_count`, { route: '/v1/np', path, provider: NO_PROVIDER })).toBe(2);
    await t.shutdown();
  });

  it('observes a request that ended before routing under path none, with only the spans it had', async () => {
    const t = telemetry();
    const request = t.startRequest({ route: '/v1/chat', model: 'm', region: 'r', startTime: T0 });
    request
      .llm({ model: 'm', provider: 'openai', prompt: 'p', startTime: T0 + 10 })
      .end({ output: 'o', inputTokens: 1, outputTokens: 1, error: 'timeout', endTime: T0 + 4010 });
    request.end({ outcome: 'error', httpStatus: 504, endTime: T0 + 4020 });
    const samples = await samplesOf(t);
    expect(valueOf(samples, `${DURATION}_count`, { route: '/v1/chat' })).toBe(2);
    expect(observed(samples, DURATION, SPAN.llm, { path: 'none' })).toEqual({ sum: 4, count: 1 });
    expect(observed(samples, OFFSET, SPAN.ingress, { path: 'none' })).toEqual({ sum: 0, count: 1 });
    expect(observed(samples, DURATION, SPAN.ingress, { path: 'none' }).sum).toBeCloseTo(4.02, 9);
    await t.shutdown();
  });

  it('observes the quantum spans of each job of a request, and no span that ends after its request', async () => {
    const t = telemetry();
    const request = t.startRequest({ route: '/v1/batch', model: 'm', region: 'r', startTime: T0 });
    const late = request.llm({ model: 'm', provider: 'openai', prompt: 'p', startTime: T0 });
    request.orchestratorDecision({ path: 'simulator', reason: 'queue_saturated', inputs: {}, startTime: T0 + 1 });
    for (const offset of [10, 20]) {
      const job = request.quantumJob({ provider: 'local', backend: 'aer', simulator: true, shots: 100 });
      job.execute({
        startTime: T0 + offset,
        endTime: T0 + offset + 5,
        providerJobId: `j${offset}`,
        providerStatus: 'DONE',
        outcome: 'success',
      });
    }
    request.end({ outcome: 'ok', endTime: T0 + 100 });
    late.end({ output: 'o', inputTokens: 1, outputTokens: 1, endTime: T0 + 200 });
    const samples = await samplesOf(t);
    expect(observed(samples, OFFSET, SPAN.quantumExecute, { route: '/v1/batch' })).toEqual({
      sum: 0.03,
      count: 2,
    });
    expect(observed(samples, DURATION, SPAN.llm, { route: '/v1/batch' }).count).toBe(0);
    expect(valueOf(samples, `${DURATION}_count`, { route: '/v1/batch' })).toBe(4);
    await t.shutdown();
  });
});

describe('time to first token', () => {
  async function llmCall(firstTokenTime: number | undefined) {
    const exporter = new InMemorySpanExporter();
    const t = createTelemetry({ serviceName: 'hybrid-api', traceExporter: exporter, logSink: () => undefined });
    const request = t.startRequest({ route: '/v1/chat', model: 'gpt-4o-mini', region: 'r', startTime: T0 });
    request.llm({ model: 'gpt-4o-mini', provider: 'openai', prompt: 'p', startTime: T0 + 100 }).end({
      output: 'o',
      inputTokens: 10,
      outputTokens: 20,
      endTime: T0 + 2100,
      ...(firstTokenTime === undefined ? {} : { firstTokenTime }),
    });
    request.end({ outcome: 'ok', endTime: T0 + 2200 });
    await t.flush();
    const llmSpan = exporter.getFinishedSpans().find((s) => s.name === SPAN.llm)!;
    const samples = await samplesOf(t);
    await t.shutdown();
    return { attribute: llmSpan.attributes[LLM_ATTR.timeToFirstToken.key], samples };
  }

  it('observes the seconds from the call start to the first token and sets the span attribute', async () => {
    const { attribute, samples } = await llmCall(T0 + 450);
    expect(attribute).toBeCloseTo(0.35, 9);
    const labels = { model: 'gpt-4o-mini', gen_ai_provider: 'openai' };
    expect(valueOf(samples, `${METRIC.llmTimeToFirstToken.name}_count`, labels)).toBe(1);
    expect(valueOf(samples, `${METRIC.llmTimeToFirstToken.name}_sum`, labels)).toBeCloseTo(0.35, 9);
    expect(valueOf(samples, `${METRIC.llmTimeToFirstToken.name}_bucket`, { ...labels, le: '0.3' })).toBe(0);
    expect(valueOf(samples, `${METRIC.llmTimeToFirstToken.name}_bucket`, { ...labels, le: '0.5' })).toBe(1);
  });

  it('records nothing for a call that did not stream', async () => {
    const { attribute, samples } = await llmCall(undefined);
    expect(attribute).toBeUndefined();
    expect(samples.filter((s) => s.series.startsWith(METRIC.llmTimeToFirstToken.name))).toEqual([]);
  });

  it.each([
    ['before the call started', T0 + 99],
    ['after the call ended', T0 + 2101],
    ['not a number', Number.NaN],
  ])('refuses a first token %s, naming the field', async (_what, firstTokenTime) => {
    await expect(llmCall(firstTokenTime)).rejects.toThrow(InstrumentInputError);
    await expect(llmCall(firstTokenTime)).rejects.toThrow(/llm\.end\(\): firstTokenTime must be a number in \[/);
  });
});

describe('provider availability', () => {
  it('sets 1 for online and 0 for an outage, per provider and backend', async () => {
    const t = telemetry();
    t.setProviderAvailable({ provider: 'ibm', backend: 'ibm_torino', available: true });
    t.setProviderAvailable({ provider: 'braket', backend: 'Garnet', available: true });
    t.setProviderAvailable({ provider: 'braket', backend: 'Garnet', available: false, time: T0 });
    const samples = await samplesOf(t);
    const name = METRIC.providerAvailable.name;
    expect(valueOf(samples, name, { provider: 'ibm', backend: 'ibm_torino' })).toBe(1);
    expect(valueOf(samples, name, { provider: 'braket', backend: 'Garnet' })).toBe(0);
    await t.shutdown();
  });

  it.each([
    [
      'available that is not a boolean',
      { available: 'yes' },
      /setProviderAvailable\(\): available must be true or false/,
    ],
    ['an empty backend', { backend: '' }, /setProviderAvailable\(\): backend must be a non-empty string/],
    ['a time that is not a number', { time: 'now' }, /setProviderAvailable\(\): time must be a number/],
  ])('refuses %s', async (_what, patch, message) => {
    const t = telemetry();
    const call = () =>
      t.setProviderAvailable({ provider: 'ibm', backend: 'ibm_torino', available: true, ...patch } as never);
    expect(call).toThrow(InstrumentInputError);
    expect(call).toThrow(message);
    // Nothing half-applied: the gauge was never set.
    expect((await samplesOf(t)).filter((s) => s.series === METRIC.providerAvailable.name)).toEqual([]);
    await t.shutdown();
  });
});
