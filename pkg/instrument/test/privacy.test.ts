import { HASH_PREFIX_LENGTH } from '@hybridlens/conventions';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { createTelemetry, hashPrefix, InMemorySpanExporter } from '../src';
import { runFullRequest, SECRET_OUTPUT, SECRET_PROMPT, SECRET_RESULT, SECRET_TENANT } from './helpers/fullRequest';

/** The whole secret and a distinctive fragment of it (in case something truncates or splits). */
const NEEDLES = [SECRET_PROMPT, 'ZEBRA-QUOKKA', SECRET_OUTPUT, 'PLATYPUS', SECRET_RESULT, 'NARWHAL'];

describe('raw prompts, outputs and results never leave the process', () => {
  let otlpJson: string;
  let otlpProtobuf: string;
  let exposition: string;
  let logs: string;

  beforeAll(async () => {
    const exporter = new InMemorySpanExporter();
    const lines: string[] = [];
    const telemetry = createTelemetry({
      serviceName: 'hybrid-api',
      traceExporter: exporter,
      logLevel: 'debug',
      logSink: (line) => void lines.push(line),
    });
    for (const outcome of ['ok', 'degraded', 'error'] as const) {
      runFullRequest(telemetry, { outcome });
    }
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBe(21);
    // The same serializers the OTLP exporters use for the wire.
    otlpJson = Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString('utf8');
    otlpProtobuf = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!).toString('latin1');
    exposition = await telemetry.registry.metrics();
    logs = lines.join('\n');
    await telemetry.shutdown();
  });

  it.each(NEEDLES)('%s is in no exported span, metric or log line', (needle) => {
    expect(otlpJson).not.toContain(needle);
    expect(otlpProtobuf).not.toContain(needle);
    expect(exposition).not.toContain(needle);
    expect(logs).not.toContain(needle);
  });

  it('sends hash prefixes of HASH_PREFIX_LENGTH hex digits instead (so the search above looked in the right place)', () => {
    for (const secret of [SECRET_PROMPT, SECRET_OUTPUT, SECRET_RESULT]) {
      const hash = hashPrefix(secret);
      expect(hash).toMatch(new RegExp(`^[0-9a-f]{${HASH_PREFIX_LENGTH}}$`));
      expect(otlpJson).toContain(hash);
      expect(otlpProtobuf).toContain(hash);
      expect(logs).toContain(hash);
    }
  });

  it('keeps the tenant on the ingress span only, never in metrics or logs', () => {
    expect(otlpJson).toContain(SECRET_TENANT);
    expect(exposition).not.toContain(SECRET_TENANT);
    expect(logs).not.toContain(SECRET_TENANT);
  });
});
