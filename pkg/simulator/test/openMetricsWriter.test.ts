import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelemetry } from '@hybridlens/instrument';
import { OpenMetricsWriter } from '../src';

const T = Date.parse('2026-11-20T10:00:00Z');

/**
 * Samples of a text exposition as `name{sorted labels} value` (comments and the trailing timestamp dropped):
 * label order does not matter to Prometheus.
 */
function samples(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)(?: \d{10})?$/.exec(l)!;
      const labels = (m[2] ?? '').match(/[a-z_]+="(?:[^"\\]|\\.)*"/g) ?? [];
      return `${m[1]}{${labels.sort().join(',')}} ${m[3]}`;
    })
    .sort();
}

describe('OpenMetrics writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-sim-om-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the samples of the registry’s own exposition, escaped the same way', async () => {
    const telemetry = createTelemetry({ serviceName: 't', logSink: () => true, now: () => T });
    for (const route of ['/v1/optimize', 'odd "route" \\ with\nnewline']) {
      const request = telemetry.startRequest({ route, model: 'm', region: 'r', startTime: T });
      request.orchestratorDecision({
        path: 'classical',
        reason: 'classical_sufficient',
        inputs: {},
        startTime: T,
        endTime: T + 5,
      });
      request.end({ outcome: 'ok', endTime: T + 1500 });
    }
    telemetry.setQueueState({ provider: 'ibm', backend: 'ibm_sherbrooke', queueLength: 12, backlogSeconds: 300 });
    const writer = new OpenMetricsWriter(join(dir, 'a'));
    await writer.writeRegistry(telemetry.registry, T + 60_000);
    // A second scrape reuses the cached series text: it must still follow the values.
    telemetry.setQueueState({ provider: 'ibm', backend: 'ibm_sherbrooke', queueLength: 13, backlogSeconds: 301 });
    await writer.writeRegistry(telemetry.registry, T + 120_000);
    writer.close();
    const text = readFileSync(writer.files[0]!, 'utf8');
    expect(text.trimEnd().endsWith('# EOF')).toBe(true);
    const second = text
      .split('\n')
      .filter((l) => l.endsWith(` ${(T + 120_000) / 1000}`))
      .join('\n');
    expect(samples(second)).toEqual(samples(await telemetry.registry.metrics()));
    expect(text).toContain('route="odd \\"route\\" \\\\ with\\nnewline"');
    expect(writer.series).toBe(samples(second).length);
    await telemetry.shutdown();
  });

  it('starts a new file at each 2-hour block boundary', async () => {
    const telemetry = createTelemetry({ serviceName: 't', logSink: () => true });
    const writer = new OpenMetricsWriter(join(dir, 'b'));
    for (const t of [T, T + 3_600_000, T + 2 * 3_600_000, T + 5 * 3_600_000]) {
      await writer.writeRegistry(telemetry.registry, t);
    }
    writer.close();
    expect(writer.files.map((f) => f.split('/').pop())).toEqual(['20261120T10.om', '20261120T12.om', '20261120T14.om']);
    for (const f of writer.files) {
      expect(readFileSync(f, 'utf8').trimEnd().endsWith('# EOF')).toBe(true);
    }
    await telemetry.shutdown();
  });
});
