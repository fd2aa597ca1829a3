import { LOG_EVENT, LOG_FIELD, RESOURCE_ATTR, SPAN } from '@hybridlens/conventions';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { createTelemetry, hashPrefix, InMemoryLogRecordExporter, type LogRecordExporter } from '../src';
import {
  attributeMap,
  type DecodedLogRecord,
  type DecodedResourceLogs,
  type DecodedSpan,
  decodeLogsRequest,
  decodeTraceRequest,
} from './helpers/decodeOtlp';
import { runFullRequest, SECRET_OUTPUT, SECRET_PROMPT, SECRET_RESULT, SECRET_TENANT } from './helpers/fullRequest';
import { type OtlpReceiver, startOtlpReceiver } from './helpers/otlpReceiver';
import { runExportScenario } from './helpers/runScenario';

/** Contract log fields that travel in the OTLP record's own fields or on the resource, never as attributes. */
const OWN_FIELDS = new Set<string>([
  LOG_FIELD.timestamp,
  LOG_FIELD.level,
  LOG_FIELD.message,
  LOG_FIELD.traceId,
  LOG_FIELD.spanId,
  LOG_FIELD.service,
]);
const ATTRIBUTE_FIELDS = new Set<string>(Object.values(LOG_FIELD).filter((f) => !OWN_FIELDS.has(f)));
const LOGS_PATH = '/otlp/v1/logs';
/** Start of the first request in child/exportScenario.ts. */
const T0 = Date.UTC(2026, 9, 1);

describe('log records over OTLP/HTTP through the real exporter (a Loki-style /otlp/v1/logs endpoint)', () => {
  let receiver: OtlpReceiver;
  let logs: DecodedResourceLogs[];
  let records: DecodedLogRecord[];
  let spans: DecodedSpan[];
  let logLines: number;
  const traceIds: Partial<Record<'ok' | 'degraded' | 'error', string>> = {};

  const attr = (r: DecodedLogRecord, key: string) => attributeMap(r.attributes).get(key)?.stringValue;
  const recordOf = (traceId: string | undefined, event: string) =>
    records.find((r) => r.traceId === traceId && attr(r, LOG_FIELD.event) === event)!;
  const spanOf = (traceId: string | undefined, name: string) =>
    spans.find((s) => s.traceId === traceId && s.name === name)!;

  beforeAll(async () => {
    receiver = await startOtlpReceiver('accept');
    const result = await runExportScenario({
      otlpTracesUrl: `${receiver.url}/v1/traces`,
      otlpLogsUrl: `${receiver.url}${LOGS_PATH}`,
      warmupRequests: 0,
      requests: 3,
      chunk: 1,
      maxQueueSize: 2048,
      exportTimeoutMillis: 10_000,
      scheduledDelayMillis: 50,
      probeMillis: 10,
    });
    expect(result.callerErrors).toEqual([]);
    expect(result.droppedLogs).toBe(0);
    logLines = result.logLines;
    [traceIds.ok, traceIds.degraded, traceIds.error] = result.traceIds;
    const at = (path: string) => receiver.received.filter((r) => r.path === path);
    logs = at(LOGS_PATH).flatMap((r) => decodeLogsRequest(r.body));
    records = logs.flatMap((rl) => rl.logRecords);
    spans = at('/v1/traces').flatMap((r) => decodeTraceRequest(r.body).flatMap((rs) => rs.spans));
  }, 60_000);

  afterAll(() => receiver.close());

  it('posts protobuf to the logs endpoint: one record per JSON line written', () => {
    const posts = receiver.received.filter((r) => r.path === LOGS_PATH);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.contentType).toBe('application/x-protobuf');
    }
    expect(logLines).toBeGreaterThan(0);
    expect(records).toHaveLength(logLines);
  });

  it('carries the trace id and span id of the span each record is about, in the record’s own fields', () => {
    const spanIds = new Set(spans.map((s) => `${s.traceId}/${s.spanId}`));
    for (const r of records) {
      expect(spanIds.has(`${r.traceId}/${r.spanId}`)).toBe(true);
    }
    expect(recordOf(traceIds.error, LOG_EVENT.requestFinished).spanId).toBe(
      spanOf(traceIds.error, SPAN.ingress).spanId
    );
    expect(recordOf(traceIds.error, LOG_EVENT.quantumJobFailed).spanId).toBe(
      spanOf(traceIds.error, SPAN.quantumExecute).spanId
    );
    expect(recordOf(traceIds.ok, LOG_EVENT.llmCallFinished).spanId).toBe(spanOf(traceIds.ok, SPAN.llm).spanId);
  });

  it('has the level as severity, the message as body and the (virtual) time of the line', () => {
    const failed = recordOf(traceIds.error, LOG_EVENT.quantumJobFailed);
    expect(failed.severityNumber).toBe('SEVERITY_NUMBER_ERROR');
    expect(failed.severityText).toBe('error');
    expect(failed.body?.stringValue).toBe('quantum execute failed on ibm_torino (hardware_failure)');
    const finished = recordOf(traceIds.ok, LOG_EVENT.requestFinished);
    expect(finished.severityNumber).toBe('SEVERITY_NUMBER_INFO');
    expect(finished.body?.stringValue).toBe('/v1/optimize finished ok in 0.900 s');
    expect(BigInt(finished.timeUnixNano)).toBe(BigInt(T0 + 900) * BigInt(1_000_000));
  });

  it('has only contract log fields as attributes, and the service on the resource', () => {
    const outside = records.flatMap((r) => r.attributes.map((a) => a.key).filter((k) => !ATTRIBUTE_FIELDS.has(k)));
    expect(outside).toEqual([]);
    expect(
      attributeMap(recordOf(traceIds.error, LOG_EVENT.quantumJobFailed).attributes).get('provider_job_id')
    ).toEqual({ stringValue: 'd1abc2def3' });
    for (const rl of logs) {
      const keys = rl.resourceAttributes.map((a) => a.key);
      expect(keys.filter((k) => !(Object.values(RESOURCE_ATTR) as string[]).includes(k))).toEqual([]);
      expect(attributeMap(rl.resourceAttributes).get(RESOURCE_ATTR.serviceName)?.stringValue).toBe('hybrid-api');
    }
  });

  it('sends hashes, never the prompt, output, result or tenant', () => {
    const wire = Buffer.concat(receiver.received.filter((r) => r.path === LOGS_PATH).map((r) => r.body)).toString(
      'latin1'
    );
    for (const secret of [SECRET_PROMPT, 'ZEBRA-QUOKKA', SECRET_OUTPUT, 'PLATYPUS', SECRET_RESULT, SECRET_TENANT]) {
      expect(wire).not.toContain(secret);
    }
    expect(attr(recordOf(traceIds.ok, LOG_EVENT.llmCallFinished), LOG_FIELD.promptHash)).toBe(
      hashPrefix(SECRET_PROMPT)
    );
  });
});

describe('the OTLP log path in process', () => {
  function withExporter(exporter: LogRecordExporter, logLevel: 'info' | 'debug' = 'info') {
    const lines: string[] = [];
    const telemetry = createTelemetry({
      serviceName: 'hybrid-api',
      logExporter: exporter,
      logLevel,
      logSink: (line) => void lines.push(line),
    });
    return { telemetry, lines };
  }

  it('exports what the JSON lines hold: same level filter, same dropped non-contract fields', async () => {
    const exporter = new InMemoryLogRecordExporter();
    const { telemetry, lines } = withExporter(exporter);
    runFullRequest(telemetry);
    telemetry.log({
      level: 'info',
      event: 'mitigation_applied',
      message: 'forced simulator fallback',
      action: 'force_simulator',
      actor: 'alertmanager:QuantumHardwareFailures',
      secretToken: 'abc',
      service: 'spoofed',
    });
    await telemetry.flush();
    const exported = exporter.getFinishedLogRecords();
    expect(exported).toHaveLength(lines.length);
    expect(exported.filter((r) => r.severityNumber === SeverityNumber.DEBUG)).toEqual([]);
    const audit = exported.find((r) => r.attributes[LOG_FIELD.event] === 'mitigation_applied')!;
    expect(audit.attributes).toEqual({
      [LOG_FIELD.event]: 'mitigation_applied',
      [LOG_FIELD.action]: 'force_simulator',
      [LOG_FIELD.actor]: 'alertmanager:QuantumHardwareFailures',
    });
    expect(audit.spanContext).toBeUndefined();
    expect(audit.resource.attributes[RESOURCE_ATTR.serviceName]).toBe('hybrid-api');
    await telemetry.shutdown();
  });

  it('never throws into the caller when the exporter throws or fails; every lost record is counted', async () => {
    let calls = 0;
    const broken: LogRecordExporter = {
      export(_records, done) {
        calls++;
        if (calls % 2 === 0) {
          throw new Error('socket exploded');
        }
        done({ code: 1, error: new Error('503') });
      },
      shutdown: () => Promise.resolve(),
      forceFlush: () => Promise.resolve(),
    };
    const { telemetry, lines } = withExporter(broken, 'debug');
    for (let i = 0; i < 5; i++) {
      expect(() => runFullRequest(telemetry)).not.toThrow();
      await telemetry.flush();
    }
    expect(calls).toBeGreaterThan(1);
    expect(telemetry.droppedCounts().logs).toBe(lines.length);
    expect(await telemetry.registry.metrics()).toContain(
      `hybridlens_telemetry_dropped_total{signal="logs"} ${lines.length}`
    );
    await telemetry.shutdown();
  });
});
