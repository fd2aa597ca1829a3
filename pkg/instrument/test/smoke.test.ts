import { SPAN } from '@hybridlens/conventions';
import { createTelemetry, InMemorySpanExporter } from '../src';
import { runFullRequest } from './helpers/fullRequest';

describe('a full request', () => {
  it('exports one span per stage under one trace, with explicit times', async () => {
    const exporter = new InMemorySpanExporter();
    const lines: string[] = [];
    const telemetry = createTelemetry({
      serviceName: 'svc',
      traceExporter: exporter,
      logSink: (l) => void lines.push(l),
      logLevel: 'debug',
    });
    const request = runFullRequest(telemetry);
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name).sort()).toEqual(Object.values(SPAN).sort());
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([request.traceId]));
    const ingress = spans.find((s) => s.name === SPAN.ingress)!;
    expect(ingress.startTime).toEqual([Date.UTC(2026, 10, 1, 12, 0, 0) / 1000, 0]);
    await telemetry.shutdown();
  });
});
