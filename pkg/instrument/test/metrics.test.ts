import { HIGH_CARDINALITY_LABELS, METRIC, metricForSeries } from '@hybridlens/conventions';
import { describeWithBinary, promtool } from '@hybridlens/testkit';
import { createTelemetry, type HybridTelemetry } from '../src';
import { parseExposition, type Sample, valueOf } from './helpers/exposition';
import { runFullRequest, SECRET_TENANT } from './helpers/fullRequest';

async function exerciseEverything(): Promise<{ telemetry: HybridTelemetry; text: string; samples: Sample[] }> {
  const telemetry = createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
  runFullRequest(telemetry, { outcome: 'ok' });
  runFullRequest(telemetry, { outcome: 'degraded' });
  runFullRequest(telemetry, { outcome: 'error', durationMs: 2500 });
  const request = telemetry.startRequest({ route: '/v1/optimize', model: 'gpt-4o-mini', region: 'eu-west-1' });
  request
    .quantumJob({ provider: 'braket', backend: 'Garnet', simulator: false, shots: 500 })
    .enqueue({ rateLimited: true });
  request.end({ outcome: 'error', httpStatus: 503 });
  telemetry.setQueueState({ provider: 'ibm', backend: 'ibm_torino', queueLength: 12, backlogSeconds: 340 });
  telemetry.setRateLimitRemaining({ provider: 'ibm', remaining: 42 });
  telemetry.setProviderAvailable({ provider: 'ibm', backend: 'ibm_torino', available: false });
  telemetry.recordRateLimited({ provider: 'braket' });
  telemetry.setMitigationsInForce([{ action: 'reduce_shots', since: Date.UTC(2026, 11, 1) }]);
  telemetry.setLlmModelInfo({
    model: 'gpt-4o-mini',
    modelVersion: 'gpt-4o-mini-2024-07-18',
    promptTemplateVersion: 'v7',
  });
  const text = await telemetry.registry.metrics();
  await telemetry.shutdown();
  return { telemetry, text, samples: parseExposition(text) };
}

describe('metric exposition after full requests', () => {
  let text: string;
  let samples: Sample[];

  beforeAll(async () => {
    ({ text, samples } = await exerciseEverything());
  });

  it('exposes only contract series, each with exactly its contract label set', () => {
    const problems: string[] = [];
    for (const sample of samples) {
      const metric = metricForSeries(sample.series);
      if (!metric) {
        problems.push(`not in the contract: ${sample.series}`);
        continue;
      }
      const expected = [...metric.labels, ...(sample.series.endsWith('_bucket') ? ['le'] : [])].sort();
      const got = Object.keys(sample.labels).sort();
      if (expected.join(',') !== got.join(',')) {
        problems.push(`${sample.series}: labels {${got.join(',')}} instead of {${expected.join(',')}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('records every service metric of the contract', () => {
    const exposed = new Set(samples.map((s) => metricForSeries(s.series)?.name));
    const missing = Object.values(METRIC)
      .map((m) => m.name)
      .filter((name) => !exposed.has(name));
    expect(missing).toEqual([]);
  });

  it('counts what happened', () => {
    const value = (series: string, labels: Record<string, string>) => valueOf(samples, series, labels);
    expect(value(METRIC.requests.name, {})).toBe(4);
    expect(value(METRIC.requests.name, { outcome: 'error' })).toBe(2);
    expect(value(METRIC.requests.name, { outcome: 'degraded' })).toBe(1);
    expect(value(`${METRIC.requestDuration.name}_bucket`, { le: '2' })).toBe(3);
    expect(value(METRIC.llmValidations.name, { validator: 'hallucination', result: 'fail' })).toBe(2);
    expect(value(METRIC.quantumJobs.name, { outcome: 'error' })).toBe(2);
    expect(value(METRIC.quantumJobErrors.name, { error_type: 'hardware_failure' })).toBe(2);
    expect(value(METRIC.fallbacks.name, { from_path: 'qpu', to_path: 'simulator', outcome: 'success' })).toBe(1);
    expect(value(METRIC.providerRateLimited.name, { provider: 'braket' })).toBe(2);
    expect(value(`${METRIC.quantumJobDuration.name}_count`, { phase: 'total' })).toBe(3);
    expect(value(METRIC.quantumSpend.name, {})).toBeCloseTo(4.8, 6);
    expect(value(METRIC.quantumQueueLength.name, { backend: 'ibm_torino' })).toBe(12);
    expect(value(METRIC.providerAvailable.name, { provider: 'ibm', backend: 'ibm_torino' })).toBe(0);
    expect(value(`${METRIC.llmTimeToFirstToken.name}_count`, {})).toBe(3);
    // 3 full requests × 7 spans, plus the rate-limited one: its enqueue and its ingress span.
    expect(value(`${METRIC.requestSpanDuration.name}_count`, {})).toBe(23);
    expect(value(`${METRIC.requestSpanStartOffset.name}_count`, {})).toBe(23);
    expect(value(METRIC.telemetryDropped.name, {})).toBe(0);
  });

  it('keeps tenant and prompt hashes off metric labels', () => {
    const labelNames = new Set(samples.flatMap((s) => Object.keys(s.labels)));
    expect(HIGH_CARDINALITY_LABELS.filter((l) => labelNames.has(l))).toEqual([]);
    expect(text).not.toContain(SECRET_TENANT);
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'promtool', () => {
    it('accepts the exposition (promtool check metrics)', () => {
      expect(() => promtool(['check', 'metrics'], text)).not.toThrow();
    });
  });
});

describe('a shared registry', () => {
  it('gets the contract metrics once and counts both instances', async () => {
    const first = createTelemetry({ serviceName: 'a', logSink: () => undefined });
    const second = createTelemetry({ serviceName: 'b', registry: first.registry, logSink: () => undefined });
    runFullRequest(first);
    runFullRequest(second);
    const requests = parseExposition(await first.registry.metrics()).filter((s) => s.series === METRIC.requests.name);
    expect(requests.map((s) => s.value)).toEqual([2]);
    await Promise.all([first.shutdown(), second.shutdown()]);
  });
});
