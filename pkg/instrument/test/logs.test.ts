import { LOG_EVENT, LOG_FIELD, SPAN } from '@hybridlens/conventions';
import { createTelemetry, InMemorySpanExporter } from '../src';
import { runFullRequest } from './helpers/fullRequest';

const CONTRACT_FIELDS = new Set<string>(Object.values(LOG_FIELD));

function capture(logLevel: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const exporter = new InMemorySpanExporter();
  const telemetry = createTelemetry({
    serviceName: 'hybrid-api',
    traceExporter: exporter,
    logLevel,
    logSink: (line) => void lines.push(line),
  });
  return { lines, exporter, telemetry, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('structured JSON logs', () => {
  it('writes one JSON object per line with contract field names only', async () => {
    const { lines, telemetry, parsed } = capture();
    runFullRequest(telemetry, { outcome: 'degraded' });
    await telemetry.shutdown();
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      expect(line).not.toContain('\n');
    }
    const outside = parsed().flatMap((entry) => Object.keys(entry).filter((k) => !CONTRACT_FIELDS.has(k)));
    expect(outside).toEqual([]);
  });

  it('carries the trace_id and span_id of the span each line is about, at the virtual time', async () => {
    const { exporter, telemetry, parsed } = capture();
    const request = runFullRequest(telemetry, { outcome: 'error', start: Date.UTC(2026, 0, 2, 3, 4, 5) });
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    const spanId = (name: string) => spans.find((s) => s.name === name)!.spanContext().spanId;
    const entries = parsed();
    for (const entry of entries) {
      expect(entry[LOG_FIELD.traceId]).toBe(request.traceId);
      expect(entry[LOG_FIELD.spanId]).toMatch(/^[0-9a-f]{16}$/);
      expect(entry[LOG_FIELD.service]).toBe('hybrid-api');
    }
    const byEvent = (event: string) => entries.find((e) => e[LOG_FIELD.event] === event)!;
    expect(byEvent(LOG_EVENT.llmCallFinished)[LOG_FIELD.spanId]).toBe(spanId(SPAN.llm));
    const failed = byEvent(LOG_EVENT.quantumJobFailed);
    expect(failed[LOG_FIELD.spanId]).toBe(spanId(SPAN.quantumExecute));
    expect(failed).toMatchObject({
      level: 'error',
      stage: 'quantum',
      provider: 'ibm',
      backend: 'ibm_torino',
      provider_job_id: 'd1abc2def3',
      error_type: 'hardware_failure',
    });
    const finished = byEvent(LOG_EVENT.requestFinished);
    expect(finished[LOG_FIELD.spanId]).toBe(spanId(SPAN.ingress));
    expect(finished[LOG_FIELD.timestamp]).toBe('2026-01-02T03:04:05.900Z');
    await telemetry.shutdown();
  });

  it('filters by level', async () => {
    const { telemetry, parsed } = capture('info');
    runFullRequest(telemetry);
    await telemetry.shutdown();
    expect(parsed().filter((e) => e[LOG_FIELD.level] === 'debug')).toEqual([]);
    expect(parsed().map((e) => e[LOG_FIELD.event])).toContain(LOG_EVENT.requestFinished);
  });

  it('writes audit lines from log(): contract fields kept, others and overrides dropped', async () => {
    const { telemetry, parsed } = capture();
    telemetry.log({
      level: 'info',
      event: 'mitigation_applied',
      message: 'forced simulator fallback',
      action: 'force_simulator',
      actor: 'alertmanager:QuantumHardwareFailures',
      provider: 'ibm',
      secretToken: 'abc',
      service: 'spoofed',
      time: Date.UTC(2026, 0, 1),
    });
    const [entry] = parsed();
    expect(entry).toEqual({
      timestamp: '2026-01-01T00:00:00.000Z',
      level: 'info',
      message: 'forced simulator fallback',
      service: 'hybrid-api',
      event: 'mitigation_applied',
      action: 'force_simulator',
      actor: 'alertmanager:QuantumHardwareFailures',
      provider: 'ibm',
    });
    await telemetry.shutdown();
  });

  it('survives a sink that throws or refuses lines, counting them as dropped logs', async () => {
    let calls = 0;
    const telemetry = createTelemetry({
      serviceName: 'hybrid-api',
      logSink: () => {
        calls++;
        if (calls % 2 === 0) {
          throw new Error('disk full');
        }
        return false;
      },
    });
    expect(() => runFullRequest(telemetry)).not.toThrow();
    expect(calls).toBeGreaterThan(0);
    expect(telemetry.droppedCounts().logs).toBe(calls);
    expect(await telemetry.registry.metrics()).toContain(`hybridlens_telemetry_dropped_total{signal="logs"} ${calls}`);
    await telemetry.shutdown();
  });
});
