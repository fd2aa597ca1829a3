import { type Attributes, ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import * as conventions from '@hybridlens/conventions';
import type { MetricDef, MetricKey } from '@hybridlens/conventions';
import { Counter, Histogram, Registry } from 'prom-client';

/*
 * The baseline: the spans and metric updates of one instrumented request (see requestPipeline.ts),
 * written with the bare OpenTelemetry SDK and prom-client as a service would without Hybrid Lens.
 * Same span names, kinds, attributes and events; the same prom-client updates with the same label
 * sets. What it leaves out is what the SDK adds on top: argument validation, prompt/output/result
 * hashing, log lines and tail sampling. Names are read from the contract once, at load.
 */
const {
  GEN_AI_ATTR,
  GEN_AI_EVALUATION_EVENT,
  LABEL,
  LLM_ATTR,
  METRIC,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  QUANTUM_PHASE,
  REQUEST_ATTR,
  SPAN,
  STAGE,
} = conventions;

const STAGE_KEY = REQUEST_ATTR.stage.key;
/** Stand-ins for the hash prefixes the SDK computes: same length, no hashing. */
const PROMPT_HASH = '0123456789abcdef';
const OUTPUT_HASH = 'fedcba9876543210';
const RESULT_HASH = '00112233445566aa';

function histogram(def: MetricDef, registry: Registry): Histogram<string> {
  return new Histogram({
    name: def.name,
    help: def.help,
    labelNames: [...def.labels],
    buckets: [...(def.buckets ?? [])],
    registers: [registry],
  });
}

function counter(def: MetricDef, registry: Registry): Counter<string> {
  return new Counter({ name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] });
}

export interface BareTelemetry {
  tracer: Tracer;
  processor: SpanProcessor;
  registry: Registry;
  h: Record<MetricKey, Histogram<string>>;
  c: Record<MetricKey, Counter<string>>;
}

/** The bare SDK with the SDK's own batch processor in front of `exporter`. */
export function bareTelemetry(
  exporter: SpanExporter,
  queue: { maxQueueSize: number; scheduledDelayMillis: number }
): BareTelemetry {
  const processor = new BatchSpanProcessor(exporter, { ...queue, maxExportBatchSize: 512 });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  const registry = new Registry();
  const h = {} as Record<MetricKey, Histogram<string>>;
  const c = {} as Record<MetricKey, Counter<string>>;
  for (const key of Object.keys(METRIC) as MetricKey[]) {
    const def = METRIC[key];
    if (def.type === 'histogram') {
      h[key] = histogram(def, registry);
    } else if (def.type === 'counter') {
      c[key] = counter(def, registry);
    }
  }
  return { tracer: provider.getTracer('bare'), processor, registry, h, c };
}

/** Same work as handleRequest() in requestPipeline.ts, with bare-library telemetry. */
export function handleRequestBare(i: number, t0: number, bare: BareTelemetry): string {
  const { tracer, h, c } = bare;
  const prompt = `optimise portfolio #${i} with 5 assets`;
  const route = '/v1/optimize';
  const model = 'gpt-4o-mini';
  const ingress = tracer.startSpan(SPAN.ingress, {
    kind: SpanKind.SERVER,
    startTime: t0,
    attributes: {
      [REQUEST_ATTR.httpRoute.key]: route,
      [REQUEST_ATTR.httpMethod.key]: 'POST',
      [REQUEST_ATTR.region.key]: 'eu-west-1',
      [REQUEST_ATTR.tenant.key]: 't1',
      [STAGE_KEY]: STAGE.ingress,
    },
  });
  const parent = trace.setSpan(ROOT_CONTEXT, ingress);
  const spanTimes: Array<[string, number, number]> = [];

  const llmStart = t0 + 1;
  const llm = tracer.startSpan(
    SPAN.llm,
    {
      kind: SpanKind.CLIENT,
      startTime: llmStart,
      attributes: {
        [GEN_AI_ATTR.operationName.key]: 'chat',
        [GEN_AI_ATTR.providerName.key]: 'openai',
        [GEN_AI_ATTR.requestModel.key]: model,
        [GEN_AI_ATTR.requestTemperature.key]: 0.2,
        [LLM_ATTR.promptHash.key]: prompt.length > 0 ? PROMPT_HASH : '',
        [STAGE_KEY]: STAGE.llm,
      },
    },
    parent
  );
  const circuit = `h q[0]; cx q[0],q[${i % 5}];`;
  const schemaOk = circuit.startsWith('h');
  const validation = (validator: string, pass: boolean, time: number, score?: number) => {
    const event: Attributes = {
      [GEN_AI_ATTR.evaluationName.key]: validator,
      [GEN_AI_ATTR.evaluationScoreLabel.key]: pass ? 'pass' : 'fail',
    };
    if (score !== undefined) {
      event[GEN_AI_ATTR.evaluationScoreValue.key] = score;
    }
    llm.addEvent(GEN_AI_EVALUATION_EVENT, event, time);
    c.llmValidations.inc({
      [LABEL.model]: model,
      [LABEL.validator]: validator,
      [LABEL.result]: pass ? 'pass' : 'fail',
    });
  };
  validation('schema', schemaOk, t0 + 300);
  validation('hallucination', true, t0 + 301, 0.1);
  const coldStart = i % 50 === 0;
  llm.setAttributes({
    [GEN_AI_ATTR.inputTokens.key]: 400,
    [GEN_AI_ATTR.outputTokens.key]: 120,
    [GEN_AI_ATTR.responseFinishReasons.key]: ['stop'],
    [LLM_ATTR.outputHash.key]: circuit.length > 0 ? OUTPUT_HASH : '',
    [LLM_ATTR.coldStart.key]: coldStart,
    [LLM_ATTR.timeToFirstToken.key]: 0.12,
  });
  llm.end(t0 + 310);
  spanTimes.push([SPAN.llm, llmStart, t0 + 310]);
  const llmLabels = { [LABEL.model]: model, [LABEL.genAiProvider]: 'openai' };
  h.llmInferenceDuration.observe(llmLabels, 0.309);
  h.llmTimeToFirstToken.observe(llmLabels, 0.12);
  if (coldStart) {
    c.llmColdStarts.inc(llmLabels);
  }
  h.llmTokensPerRequest.observe({ [LABEL.model]: model, [LABEL.tokenType]: 'input' }, 400);
  h.llmTokensPerRequest.observe({ [LABEL.model]: model, [LABEL.tokenType]: 'output' }, 120);

  const queueLength = i % 7;
  const path = queueLength > 5 ? 'simulator' : 'qpu';
  const reason = path === 'qpu' ? 'qpu_healthy' : 'queue_saturated';
  const decision = tracer.startSpan(
    SPAN.orchestrator,
    {
      startTime: t0 + 311,
      attributes: {
        [ORCHESTRATOR_ATTR.path.key]: path,
        [ORCHESTRATOR_ATTR.reason.key]: reason,
        [ORCHESTRATOR_ATTR.provider.key]: 'ibm',
        [ORCHESTRATOR_ATTR.backend.key]: 'ibm_torino',
        [ORCHESTRATOR_ATTR.inputQueueLength.key]: queueLength,
        [ORCHESTRATOR_ATTR.inputPredictedFidelity.key]: 0.9,
        [ORCHESTRATOR_ATTR.fallback.key]: false,
        [STAGE_KEY]: STAGE.orchestrator,
      },
    },
    parent
  );
  decision.end(t0 + 312);
  spanTimes.push([SPAN.orchestrator, t0 + 311, t0 + 312]);
  c.orchestratorDecisions.inc({ [LABEL.path]: path, [LABEL.reason]: reason });

  const job: Attributes = {
    [QUANTUM_ATTR.provider.key]: 'ibm',
    [QUANTUM_ATTR.backend.key]: 'ibm_torino',
    [QUANTUM_ATTR.simulator.key]: path === 'simulator',
    [QUANTUM_ATTR.shots.key]: 1000,
    [QUANTUM_ATTR.circuitDepth.key]: 12,
    [QUANTUM_ATTR.circuitWidth.key]: 5,
    [QUANTUM_ATTR.optimizationLevel.key]: 2,
    [STAGE_KEY]: STAGE.quantum,
  };
  const jobLabels = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_torino' };
  const phase = (name: string, phaseName: string, start: number, end: number, extra: Attributes, kind: SpanKind) => {
    const span = tracer.startSpan(name, { kind, startTime: start, attributes: job }, parent);
    span.setAttributes(extra);
    span.end(end);
    spanTimes.push([name, start, end]);
    h.quantumJobDuration.observe({ ...jobLabels, [LABEL.phase]: phaseName }, (end - start) / 1000);
  };
  phase(
    SPAN.quantumEnqueue,
    QUANTUM_PHASE.enqueue,
    t0 + 313,
    t0 + 400,
    { [QUANTUM_ATTR.queuePosition.key]: queueLength, [QUANTUM_ATTR.jobId.key]: `job-${i}` },
    SpanKind.CLIENT
  );
  phase(SPAN.quantumCompile, QUANTUM_PHASE.compile, t0 + 400, t0 + 450, {}, SpanKind.INTERNAL);
  const counts = { '00': 500 + (i % 13), '11': 500 - (i % 13) };
  phase(
    SPAN.quantumExecute,
    QUANTUM_PHASE.execute,
    t0 + 450,
    t0 + 800,
    {
      [QUANTUM_ATTR.jobId.key]: `job-${i}`,
      [QUANTUM_ATTR.jobStatus.key]: 'DONE',
      [QUANTUM_ATTR.fidelity.key]: 0.92,
      [QUANTUM_ATTR.estimatedSpendUsd.key]: 1.6,
    },
    SpanKind.INTERNAL
  );
  h.quantumJobDuration.observe({ ...jobLabels, [LABEL.phase]: QUANTUM_PHASE.total }, 0.487);
  c.quantumJobs.inc({ ...jobLabels, [LABEL.outcome]: 'success' });
  h.quantumJobShots.observe(jobLabels, 1000);
  h.quantumJobFidelity.observe(jobLabels, 0.92);
  c.quantumSpend.inc(jobLabels, 1.6);

  const result = JSON.stringify(counts);
  const post = tracer.startSpan(
    SPAN.postprocess,
    {
      startTime: t0 + 801,
      attributes: {
        [REQUEST_ATTR.degraded.key]: false,
        [REQUEST_ATTR.resultHash.key]: result.length > 0 ? RESULT_HASH : '',
        [STAGE_KEY]: STAGE.postprocess,
      },
    },
    parent
  );
  post.end(t0 + 850);
  spanTimes.push([SPAN.postprocess, t0 + 801, t0 + 850]);

  ingress.setAttributes({
    [REQUEST_ATTR.httpStatus.key]: 200,
    [REQUEST_ATTR.degraded.key]: false,
    [REQUEST_ATTR.path.key]: path,
  });
  ingress.end(t0 + 900);
  spanTimes.push([SPAN.ingress, t0, t0 + 900]);
  const requestLabels = {
    [LABEL.route]: route,
    [LABEL.model]: model,
    [LABEL.region]: 'eu-west-1',
    [LABEL.path]: path,
  };
  c.requests.inc({ ...requestLabels, [LABEL.outcome]: 'ok' });
  h.requestDuration.observe(requestLabels, 0.9);
  for (const [span, start, end] of spanTimes) {
    const labels = { ...requestLabels, [LABEL.provider]: 'ibm', [LABEL.span]: span };
    h.requestSpanStartOffset.observe(labels, (start - t0) / 1000);
    h.requestSpanDuration.observe(labels, (end - start) / 1000);
  }
  return result;
}
