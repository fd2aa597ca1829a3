import '../../testing/jsdomPolyfills';
import { ORCHESTRATOR_ATTR, SPAN } from '@hybridlens/conventions';
import type { Attributes, TraceSpan } from '@hybridlens/traces';
import { documentOf } from '@hybridlens/traces/testing';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { proxyGet } from '../../queries/datasourceProxy';
import { DECISION_INPUT_ATTRIBUTES, decisionExamplesQuery } from '../../queries/traceql';
import { type RunningStandIn, startTempoLokiStandIn } from '../../../playwright/ct/standins/tempoLokiServer';
import { FieldType, createDataFrame } from '@grafana/data';
import {
  type TempoDecisionAnswer,
  EXAMPLES_PER_DECISION,
  decisionAnswerOfFrames,
  decisionExamples,
} from './decisionExamples';

/**
 * The Lifecycle page's decision examples: its TraceQL (with `select` of the inputs) through Grafana's datasource
 * proxy to the Tempo stand-in, which answers in Tempo's search shape; the inputs read back must be the spans' own.
 */
installNodeFetch();

const TEMPO = 'tempo-decisions';
const T0 = Date.UTC(2026, 10, 30, 12);
const RESOURCE: Attributes = { 'service.name': 'hybrid-api' };

function span(traceId: string, spanId: string, name: string, startMs: number, attributes: Attributes, parent?: string) {
  return {
    traceId,
    spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name,
    kind: 'internal',
    startMs,
    endMs: startMs + 5,
    status: 'unset',
    serviceName: 'hybrid-api',
    attributes,
    resource: RESOURCE,
    events: [],
    links: [],
  } as unknown as TraceSpan;
}

/** A request whose orchestrator chose `path` for `reason` with these inputs. */
function request(n: number, path: string, reason: string, inputs: Attributes): TraceSpan[] {
  const traceId = n.toString(16).padStart(32, '0');
  const root = `${n.toString(16).padStart(14, '0')}01`;
  const at = T0 + n * 60_000;
  return [
    span(traceId, root, SPAN.ingress, at, {}),
    span(
      traceId,
      `${n.toString(16).padStart(14, '0')}02`,
      SPAN.orchestrator,
      at + 1,
      { [ORCHESTRATOR_ATTR.path.key]: path, [ORCHESTRATOR_ATTR.reason.key]: reason, ...inputs },
      root
    ),
  ];
}

const SATURATED: Attributes[] = [1, 2, 3, 4].map((i) => ({
  [ORCHESTRATOR_ATTR.provider.key]: 'ibm',
  [ORCHESTRATOR_ATTR.backend.key]: 'ibm_torino',
  [ORCHESTRATOR_ATTR.inputQueueLength.key]: 40 + i,
  [ORCHESTRATOR_ATTR.inputBacklogSeconds.key]: 61.5 + i,
  [ORCHESTRATOR_ATTR.inputRateLimitRemaining.key]: 100 - i,
  [ORCHESTRATOR_ATTR.inputCalibrationAgeSeconds.key]: 3600.25,
  [ORCHESTRATOR_ATTR.inputPredictedFidelity.key]: 0.9 + i / 100,
  [ORCHESTRATOR_ATTR.inputProviderAvailable.key]: i !== 2,
  [ORCHESTRATOR_ATTR.inputFlags.key]: i === 3 ? ['force_simulator', 'reduce_shots'] : [],
  [ORCHESTRATOR_ATTR.fallback.key]: true,
}));

describe('orchestrator decision examples from Tempo', () => {
  let standIn: RunningStandIn;
  const traces = [
    ...SATURATED.map((inputs, i) => request(i + 1, 'simulator', 'queue_saturated', inputs)),
    request(9, 'qpu', 'qpu_healthy', { [ORCHESTRATOR_ATTR.inputQueueLength.key]: 2 }),
  ];

  beforeAll(async () => {
    standIn = await startTempoLokiStandIn({ otlp: traces.map(documentOf) });
    installDatasourceProxy({ [TEMPO]: standIn.url });
  });
  afterAll(async () => standIn?.stop());

  const search = (path: string, reason: string, limit = EXAMPLES_PER_DECISION) =>
    proxyGet<TempoDecisionAnswer>(TEMPO, 'api/search', {
      q: decisionExamplesQuery(path, reason),
      start: String(T0 / 1000 - 60),
      end: String(T0 / 1000 + 3600),
      limit: String(limit),
      spss: '1',
    });

  it('reads each decision’s inputs as the span recorded them: ints, doubles, booleans and flag lists', async () => {
    const examples = decisionExamples(await search('simulator', 'queue_saturated', 10));
    // Newest first, at most the shown number, of the four decisions on this path for this reason.
    expect(examples.map((e) => e.traceId)).toEqual(
      traces
        .slice(0, 4)
        .reverse()
        .slice(0, EXAMPLES_PER_DECISION)
        .map((t) => t[0]!.traceId)
    );
    for (const e of examples) {
      const recorded = traces.flat().find((s) => s.spanId === e.spanId)!;
      const expected = Object.fromEntries(
        DECISION_INPUT_ATTRIBUTES.filter((k) => k in recorded.attributes).map((k) => [k, recorded.attributes[k]])
      );
      expect(e.inputs).toEqual(expected);
    }
  });

  it('finds only the decisions on that path for that reason', async () => {
    const healthy = decisionExamples(await search('qpu', 'qpu_healthy'));
    expect(healthy.map((e) => e.inputs)).toEqual([{ [ORCHESTRATOR_ATTR.inputQueueLength.key]: 2 }]);
    expect(decisionExamples(await search('qpu', 'queue_saturated'))).toEqual([]);
  });

  it('answers in Tempo’s shape: the selected attributes as OTLP values, int64 as a string', async () => {
    const answer = (await search('simulator', 'queue_saturated', 1)) as {
      traces: Array<{ spanSets: Array<{ spans: Array<{ attributes: Array<{ key: string; value: object }> }> }> }>;
    };
    const attributes = answer.traces[0]!.spanSets[0]!.spans[0]!.attributes;
    const value = (key: string) => attributes.find((a) => a.key === key)?.value;
    expect(value(ORCHESTRATOR_ATTR.inputQueueLength.key)).toEqual({ intValue: '44' });
    expect(value(ORCHESTRATOR_ATTR.inputBacklogSeconds.key)).toEqual({ doubleValue: 65.5 });
    expect(value(ORCHESTRATOR_ATTR.fallback.key)).toEqual({ boolValue: true });
    // The conditions' attributes come back too, as Tempo does.
    expect(value(ORCHESTRATOR_ATTR.reason.key)).toEqual({ stringValue: 'queue_saturated' });
  });

  it('reads the raw table Grafana’s Tempo datasource answers with: Tempo’s traces as JSON text', async () => {
    const answer = await search('simulator', 'queue_saturated', 10);
    // What the datasource returns for `tableType: 'raw'`: one frame, Tempo's traces pretty-printed in `response`.
    const raw = createDataFrame({
      name: 'Raw response',
      refId: 'raw',
      fields: [{ name: 'response', type: FieldType.string, values: [JSON.stringify(answer.traces, null, 2)] }],
    });
    const examples = decisionExamples(decisionAnswerOfFrames([raw]));
    expect(examples).toEqual(decisionExamples(answer));
    expect(examples.length).toBe(EXAMPLES_PER_DECISION);
    expect(decisionAnswerOfFrames([])).toEqual({});
    const broken = createDataFrame({
      fields: [{ name: 'response', type: FieldType.string, values: ['{"traces": ['] }],
    });
    expect(() => decisionAnswerOfFrames([broken])).toThrow(/response/);
  });

  it('ignores what is not a decision input and survives a malformed answer', () => {
    expect(decisionExamples({})).toEqual([]);
    expect(
      decisionExamples({
        traces: [
          { spanSets: [{ spans: [{ spanID: 'x' }] }] },
          {
            traceID: 'abc',
            spanSets: [{ spans: [{ spanID: 's', attributes: [{ key: 'other', value: { stringValue: 'x' } }, {}] }] }],
          },
        ],
      })
    ).toEqual([{ traceId: 'abc', spanId: 's', timeMs: 0, inputs: {} }]);
  });
});
