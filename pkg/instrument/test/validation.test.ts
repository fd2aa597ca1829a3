import { createTelemetry, InstrumentInputError } from '../src';

function telemetry() {
  return createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
}

describe('bad input gets a clear error naming the call and the field', () => {
  it.each([
    [
      'createTelemetry without serviceName',
      () => createTelemetry({ serviceName: '' }),
      /createTelemetry\(\): serviceName must be a non-empty string/,
    ],
    [
      'a sampling ratio above 1',
      () => createTelemetry({ serviceName: 's', sampling: { ratio: 1.5 } }),
      /sampling\.ratio must be a number in \[0, 1\]/,
    ],
    [
      'a route ratio that is not a number',
      () => createTelemetry({ serviceName: 's', sampling: { ratio: 1, routeRatios: { '/v1/bulk': Number.NaN } } }),
      /sampling\.routeRatios\["\/v1\/bulk"\]/,
    ],
    [
      'an OTLP logs URL that is not a URL',
      () => createTelemetry({ serviceName: 's', otlpLogsUrl: 'loki:3100/otlp/v1/logs' }),
      /createTelemetry\(\): otlpLogsUrl must be an http:\/\/ or https:\/\/ URL \(got "loki:3100\/otlp\/v1\/logs"\)/,
    ],
    [
      'an OTLP traces URL of another scheme',
      () => createTelemetry({ serviceName: 's', otlpTracesUrl: 'file:///tmp/spans' }),
      /createTelemetry\(\): otlpTracesUrl must be an http:\/\/ or https:\/\/ URL/,
    ],
    [
      'an unknown request outcome',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x' })
          .end({ outcome: 'fine' as never }),
      /request\.end\(\): outcome must be one of ok, degraded, error \(got "fine"\)/,
    ],
    [
      'an unknown decision path',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x' })
          .orchestratorDecision({ path: 'gpu' as never, reason: 'x', inputs: {} }),
      /orchestratorDecision\(\): path must be one of qpu, simulator, classical/,
    ],
    [
      'an unknown quantum error type',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x' })
          .quantumJob({ provider: 'ibm', backend: 'b', simulator: false, shots: 10 })
          .execute({ providerJobId: 'j', providerStatus: 'ERROR', outcome: 'error', errorType: 'gremlins' as never }),
      /quantumJob\.execute\(\): errorType must be one of hardware_failure/,
    ],
    [
      'negative shots',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x' })
          .quantumJob({ provider: 'ibm', backend: 'b', simulator: false, shots: -1 }),
      /quantumJob\(\): shots must be a number in \[0, Infinity\] \(got -1\)/,
    ],
    [
      'an end before the start',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x', startTime: 5000 })
          .end({ outcome: 'ok', endTime: 4000 }),
      /request\.end\(\): endTime must be a number in \[5000, Infinity\] \(got 4000\)/,
    ],
    [
      'a consistency score outside 0..1',
      () =>
        telemetry()
          .startRequest({ route: '/r', model: 'm', region: 'x' })
          .llm({ model: 'm', provider: 'p', prompt: 'q' })
          .consistency(2),
      /llm\.consistency\(\): score must be a number in \[0, 1\]/,
    ],
    [
      'an empty route',
      () => telemetry().startRequest({ route: '', model: 'm', region: 'x' }),
      /startRequest\(\): route must be a non-empty string/,
    ],
  ])('%s', (_what, act, message) => {
    expect(act).toThrow(InstrumentInputError);
    expect(act).toThrow(message);
  });

  it('never echoes a long string value (it could be a prompt)', () => {
    const prompt = 'please summarise the confidential merger memo for ACME-SECRET-123';
    expect(() =>
      telemetry()
        .startRequest({ route: prompt as never, model: 'm', region: 'x' })
        .end({ outcome: prompt as never })
    ).toThrow(/got a string of \d+ characters/);
  });

  it('leaves the rest working after a rejected call', async () => {
    const t = telemetry();
    const request = t.startRequest({ route: '/r', model: 'm', region: 'x' });
    expect(() => request.end({ outcome: 'bad' as never })).toThrow(InstrumentInputError);
    request.end({ outcome: 'ok' });
    expect(await t.registry.metrics()).toContain(
      'hybrid_requests_total{route="/r",model="m",region="x",path="none",outcome="ok"} 1'
    );
    await t.shutdown();
  });
});
