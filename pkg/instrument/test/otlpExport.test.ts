import {
  type AttributeType,
  ALL_ATTRIBUTES,
  GEN_AI_EVALUATION_EVENT,
  isContractAttribute,
  isContractEventName,
  isContractSpanName,
  RESOURCE_ATTR,
  SPAN,
  SPAN_ATTRIBUTES,
} from '@hybridlens/conventions';
import { attributeMap, type DecodedResourceSpans, type DecodedValue, decodeTraceRequest } from './helpers/decodeOtlp';
import { SECRET_OUTPUT, SECRET_PROMPT, SECRET_RESULT } from './helpers/fullRequest';
import { runExportScenario } from './helpers/runScenario';
import { type OtlpReceiver, startOtlpReceiver } from './helpers/otlpReceiver';

const ATTRIBUTE_TYPE = new Map<string, AttributeType>(ALL_ATTRIBUTES.map((a) => [a.key, a.type]));
/** Start of the first request in child/exportScenario.ts. */
const T0 = Date.UTC(2026, 9, 1);

function valueMatchesType(value: DecodedValue, type: AttributeType): boolean {
  const array = value.arrayValue?.values ?? [];
  switch (type) {
    case 'string':
      return typeof value.stringValue === 'string';
    case 'boolean':
      return typeof value.boolValue === 'boolean';
    case 'int':
      return value.intValue !== undefined;
    case 'double':
      // OTLP encoders send whole numbers as intValue; both are numeric.
      return value.doubleValue !== undefined || value.intValue !== undefined;
    case 'string[]':
      return value.arrayValue !== undefined && array.every((v) => typeof v.stringValue === 'string');
    case 'int[]':
      return value.arrayValue !== undefined && array.every((v) => v.intValue !== undefined);
  }
}

describe('OTLP/HTTP protobuf export through the real exporter', () => {
  let receiver: OtlpReceiver;
  let decoded: DecodedResourceSpans[];
  const traceIds: Partial<Record<'ok' | 'degraded' | 'error', string>> = {};

  beforeAll(async () => {
    receiver = await startOtlpReceiver('accept');
    const result = await runExportScenario({
      otlpTracesUrl: `${receiver.url}/v1/traces`,
      warmupRequests: 0,
      requests: 3,
      chunk: 1,
      maxQueueSize: 2048,
      exportTimeoutMillis: 10_000,
      scheduledDelayMillis: 50,
      probeMillis: 10,
    });
    expect(result.callerErrors).toEqual([]);
    expect(result.droppedTraces).toBe(0);
    [traceIds.ok, traceIds.degraded, traceIds.error] = result.traceIds;
    decoded = receiver.received.flatMap((r) => decodeTraceRequest(r.body));
  }, 60_000);

  afterAll(() => receiver.close());

  it('posts protobuf to /v1/traces', () => {
    expect(receiver.received.length).toBeGreaterThan(0);
    for (const r of receiver.received) {
      expect(r.path).toBe('/v1/traces');
      expect(r.contentType).toBe('application/x-protobuf');
    }
  });

  it('decodes to every stage span of each request, in one trace per request', () => {
    const spans = decoded.flatMap((rs) => rs.spans);
    expect(spans).toHaveLength(3 * Object.values(SPAN).length);
    for (const traceId of Object.values(traceIds)) {
      const trace = spans.filter((s) => s.traceId === traceId);
      expect(trace.map((s) => s.name).sort()).toEqual(Object.values(SPAN).sort());
      const ingress = trace.find((s) => s.name === SPAN.ingress)!;
      expect(ingress.parentSpanId).toBe('');
      for (const child of trace.filter((s) => s !== ingress)) {
        expect(child.parentSpanId).toBe(ingress.spanId);
      }
    }
  });

  it('carries the explicit (virtual) start and end times', () => {
    const ingress = decoded
      .flatMap((rs) => rs.spans)
      .find((s) => s.traceId === traceIds.ok && s.name === SPAN.ingress)!;
    expect(BigInt(ingress.startTimeUnixNano)).toBe(BigInt(T0) * BigInt(1_000_000));
    expect(BigInt(ingress.endTimeUnixNano)).toBe(BigInt(T0 + 900) * BigInt(1_000_000));
  });

  it('uses only contract resource attributes', () => {
    const allowed = new Set<string>(Object.values(RESOURCE_ATTR));
    for (const rs of decoded) {
      const keys = rs.resourceAttributes.map((a) => a.key);
      expect(keys.filter((k) => !allowed.has(k))).toEqual([]);
      const attrs = attributeMap(rs.resourceAttributes);
      expect(attrs.get(RESOURCE_ATTR.serviceName)?.stringValue).toBe('hybrid-api');
      expect(attrs.get(RESOURCE_ATTR.serviceVersion)?.stringValue).toBe('1.2.3');
      expect(attrs.get(RESOURCE_ATTR.deploymentEnvironment)?.stringValue).toBe('test');
    }
  });

  it('uses only contract span names, attributes (on their own span, with their contract type) and event names', () => {
    const problems: string[] = [];
    for (const span of decoded.flatMap((rs) => rs.spans)) {
      if (!isContractSpanName(span.name)) {
        problems.push(`span name ${span.name}`);
        continue;
      }
      const allowedHere = new Set(SPAN_ATTRIBUTES[span.name as keyof typeof SPAN_ATTRIBUTES].map((a) => a.key));
      for (const { key, value } of span.attributes) {
        if (!isContractAttribute(key) || !allowedHere.has(key)) {
          problems.push(`${span.name}: attribute ${key}`);
        } else if (!valueMatchesType(value, ATTRIBUTE_TYPE.get(key)!)) {
          problems.push(`${span.name}: ${key} is not a ${ATTRIBUTE_TYPE.get(key)} (${JSON.stringify(value)})`);
        }
      }
      for (const event of span.events) {
        if (!isContractEventName(event.name)) {
          problems.push(`${span.name}: event ${event.name}`);
        }
        for (const { key } of event.attributes) {
          if (!isContractAttribute(key)) {
            problems.push(`${span.name}: event attribute ${key}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('records validator verdicts as gen_ai.evaluation.result events on the LLM span', () => {
    const llm = decoded.flatMap((rs) => rs.spans).find((s) => s.traceId === traceIds.degraded && s.name === SPAN.llm)!;
    const verdicts = llm.events
      .filter((e) => e.name === GEN_AI_EVALUATION_EVENT)
      .map((e) => {
        const a = attributeMap(e.attributes);
        return `${a.get('gen_ai.evaluation.name')?.stringValue}:${a.get('gen_ai.evaluation.score.label')?.stringValue ?? a.get('gen_ai.evaluation.score.value')?.doubleValue}`;
      });
    expect(verdicts).toEqual(['schema:pass', 'hallucination:fail', 'consistency:0.93']);
  });

  it('puts no raw prompt, output or result on the wire', () => {
    const wire = Buffer.concat(receiver.received.map((r) => r.body)).toString('latin1');
    for (const secret of [SECRET_PROMPT, SECRET_OUTPUT, SECRET_RESULT]) {
      expect(wire).not.toContain(secret);
    }
  });

  it('marks the failed request and its failed job as errors', () => {
    const spans = decoded.flatMap((rs) => rs.spans).filter((s) => s.traceId === traceIds.error);
    expect(spans.find((s) => s.name === SPAN.ingress)!.status?.code).toBe('STATUS_CODE_ERROR');
    const execute = spans.find((s) => s.name === SPAN.quantumExecute)!;
    expect(execute.status?.code).toBe('STATUS_CODE_ERROR');
    expect(attributeMap(execute.attributes).get('quantum.error.type')?.stringValue).toBe('hardware_failure');
  });
});
