import {
  ATTRIBUTE_NAMESPACE,
  GEN_AI_ATTR,
  GEN_AI_EVALUATION_EVENT,
  LLM_ATTR,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  QUANTUM_ERROR_TYPE,
  QUANTUM_JOB_STATES,
  QUANTUM_PROVIDER,
  REQUEST_ATTR,
  REQUEST_PATH,
  RESOURCE_ATTR,
  SPAN,
  SPAN_STAGE,
  type SpanName,
} from '@hybridlens/conventions';
import { Rng } from './rng';
import { nanos, otlpAttributes, type AttributeInput, type OtlpDocument, type OtlpSpan } from './otlpJson';

export interface SyntheticTraceOptions {
  /** Spans in the trace (at least the lifecycle's own; the rest are nested HTTP, database and internal spans). */
  spans: number;
  seed?: number;
  /** Quantum jobs, one after the other (default 2). */
  quantumJobs?: number;
  /** How many of the jobs fail (the first ones; default 1). Each failure is followed by a fallback decision. */
  failedJobs?: number;
  /** Queue wait of the first job, ms (default one hour: the case idle-gap compression exists for). */
  queueWaitMs?: number;
  /** Epoch ms of the trace start (default 2026-11-26T00:00:00Z). */
  startMs?: number;
  /** Deepest nesting of the filler spans (default 12). */
  maxDepth?: number;
  /** Adds a chain of this many spans, each the child of the previous (stack-depth tests; default 0). */
  deepChain?: number;
}

export interface SyntheticTrace {
  document: OtlpDocument;
  traceId: string;
  rootSpanId: string;
  spanCount: number;
  /** Provider job ids in the order the jobs ran. */
  quantumJobIds: string[];
  /** The provider of each job, in the same order. */
  quantumProviders: string[];
}

const DEFAULT_START = Date.UTC(2026, 10, 26);
const SERVICES = ['hybrid-solver', 'result-store', 'feature-cache'];
const QPU_PROVIDERS = [QUANTUM_PROVIDER.ibm, QUANTUM_PROVIDER.braket, QUANTUM_PROVIDER.azure] as const;
const BACKEND: Readonly<Record<(typeof QPU_PROVIDERS)[number], string>> = {
  ibm: 'ibm_sherbrooke',
  braket: 'Garnet',
  azure: 'ionq.qpu.aria-1',
};
const KIND = { internal: 1, server: 2, client: 3 } as const;
const STATUS_ERROR = 2;

interface Node {
  span: OtlpSpan;
  service: number;
  startMs: number;
  endMs: number;
  depth: number;
}

function providerJobId(provider: string, rng: Rng): string {
  const uuid = () =>
    `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
  switch (provider) {
    case QUANTUM_PROVIDER.ibm:
      return rng.hex(20);
    case QUANTUM_PROVIDER.braket:
      return `arn:aws:braket:eu-north-1:000000000000:quantum-task/${uuid()}`;
    default:
      return uuid();
  }
}

/**
 * A large, realistic trace of one hybrid request as OTLP JSON: ingress → LLM (streamed, with time to first
 * token) → orchestrator → quantum jobs (enqueue with a long queue wait, compile, execute; some failing, each
 * failure followed by a fallback decision) → post-processing, with HTTP, database and internal spans nested
 * under the LLM call and the post-processing. Deterministic for a seed, browser-safe: shared by the bench,
 * the tests and the trace page's browser tests.
 */
export function generateSyntheticTrace(options: SyntheticTraceOptions): SyntheticTrace {
  const rng = new Rng(options.seed ?? 1);
  const jobs = Math.max(0, options.quantumJobs ?? 2);
  const failed = Math.min(jobs, Math.max(0, options.failedJobs ?? 1));
  const t0 = options.startMs ?? DEFAULT_START;
  const maxDepth = Math.max(2, options.maxDepth ?? 12);
  const traceId = rng.hex(32);
  const nodes: Node[] = [];
  const add = (
    name: string,
    parent: Node | undefined,
    startMs: number,
    endMs: number,
    kind: number,
    attributes: Record<string, AttributeInput>,
    service = 0
  ): Node => {
    const span: OtlpSpan = {
      traceId,
      spanId: rng.hex(16),
      name,
      kind,
      startTimeUnixNano: nanos(t0, startMs),
      endTimeUnixNano: nanos(t0, endMs),
      attributes: otlpAttributes(attributes),
    };
    if (parent) {
      span.parentSpanId = parent.span.spanId;
    }
    const node = { span, service, startMs, endMs, depth: parent ? parent.depth + 1 : 0 };
    nodes.push(node);
    return node;
  };
  const stage = (name: SpanName) => ({ [REQUEST_ATTR.stage.key]: SPAN_STAGE[name] });

  // The lifecycle, laid out first so the filler spans can nest inside it.
  const root = add(SPAN.ingress, undefined, 0, 0, KIND.server, {
    [REQUEST_ATTR.httpRoute.key]: '/v1/optimize',
    [REQUEST_ATTR.httpMethod.key]: 'POST',
    [REQUEST_ATTR.region.key]: 'eu-west-1',
    [REQUEST_ATTR.stage.key]: SPAN_STAGE[SPAN.ingress],
  });
  const llmEnd = 5 + 1500;
  const llm = add(SPAN.llm, root, 5, llmEnd, KIND.client, {
    [GEN_AI_ATTR.operationName.key]: 'chat',
    [GEN_AI_ATTR.providerName.key]: 'openai',
    [GEN_AI_ATTR.requestModel.key]: 'gpt-4.1-mini',
    [GEN_AI_ATTR.responseModel.key]: 'gpt-4.1-mini-2025-04-14',
    [GEN_AI_ATTR.inputTokens.key]: 1200,
    [GEN_AI_ATTR.outputTokens.key]: 340,
    [GEN_AI_ATTR.responseFinishReasons.key]: ['stop'],
    [LLM_ATTR.promptHash.key]: rng.hex(16),
    [LLM_ATTR.outputHash.key]: rng.hex(16),
    [LLM_ATTR.timeToFirstToken.key]: 0.35,
    [LLM_ATTR.coldStart.key]: false,
    ...stage(SPAN.llm),
  });
  llm.span.events = [
    {
      name: GEN_AI_EVALUATION_EVENT,
      timeUnixNano: nanos(t0, llmEnd),
      attributes: otlpAttributes({
        [GEN_AI_ATTR.evaluationName.key]: 'schema',
        [GEN_AI_ATTR.evaluationScoreLabel.key]: 'pass',
        [GEN_AI_ATTR.evaluationScoreValue.key]: 1,
      }),
    },
  ];
  let t = llmEnd + 3;
  const decide = (path: string, reason: string, provider: string, backend: string, fallback: boolean) => {
    add(SPAN.orchestrator, root, t, t + 12, KIND.internal, {
      [ORCHESTRATOR_ATTR.path.key]: path,
      [ORCHESTRATOR_ATTR.reason.key]: reason,
      [ORCHESTRATOR_ATTR.provider.key]: provider,
      [ORCHESTRATOR_ATTR.backend.key]: backend,
      [ORCHESTRATOR_ATTR.fallback.key]: fallback,
      ...stage(SPAN.orchestrator),
    });
    t += 14;
  };
  decide(REQUEST_PATH.qpu, 'qpu_healthy', QUANTUM_PROVIDER.ibm, BACKEND.ibm, false);
  const quantumJobIds: string[] = [];
  const quantumProviders: string[] = [];
  for (let j = 0; j < jobs; j++) {
    const provider = QPU_PROVIDERS[j % QPU_PROVIDERS.length]!;
    const backend = BACKEND[provider];
    const jobId = providerJobId(provider, rng);
    const fails = j < failed;
    const common = {
      [QUANTUM_ATTR.provider.key]: provider,
      [QUANTUM_ATTR.backend.key]: backend,
      [QUANTUM_ATTR.simulator.key]: false,
      [QUANTUM_ATTR.shots.key]: 2000 + 100 * j,
      [QUANTUM_ATTR.circuitDepth.key]: 60,
      [QUANTUM_ATTR.circuitWidth.key]: 12,
      [QUANTUM_ATTR.qubitsUsed.key]: [0, 1, 2, 3, 4, 5],
      ...stage(SPAN.quantumEnqueue),
    };
    const wait = j === 0 ? (options.queueWaitMs ?? 3_600_000) : rng.int(2_000, 20_000);
    add(SPAN.quantumEnqueue, root, t, t + wait, KIND.client, {
      ...common,
      [QUANTUM_ATTR.jobId.key]: jobId,
      [QUANTUM_ATTR.queuePosition.key]: rng.int(1, 40),
    });
    t += wait;
    const compile = rng.int(300, 1500);
    add(SPAN.quantumCompile, root, t, t + compile, KIND.internal, common);
    t += compile;
    const run = rng.int(3_000, 40_000);
    const states = QUANTUM_JOB_STATES[provider];
    const execute = add(SPAN.quantumExecute, root, t, t + run, KIND.internal, {
      ...common,
      [QUANTUM_ATTR.jobId.key]: jobId,
      [QUANTUM_ATTR.jobStatus.key]: fails ? states.final.error : states.final.success,
      [QUANTUM_ATTR.errorType.key]: fails ? QUANTUM_ERROR_TYPE.hardwareFailure : undefined,
      [QUANTUM_ATTR.estimatedSpendUsd.key]: Math.round(rng.next() * 5000) / 100,
      [QUANTUM_ATTR.fidelity.key]: fails ? undefined : 0.9,
    });
    if (fails) {
      execute.span.status = { code: STATUS_ERROR, message: QUANTUM_ERROR_TYPE.hardwareFailure };
    }
    t += run;
    quantumJobIds.push(jobId);
    quantumProviders.push(provider);
    if (fails && j + 1 < jobs) {
      const next = QPU_PROVIDERS[(j + 1) % QPU_PROVIDERS.length]!;
      decide(REQUEST_PATH.qpu, QUANTUM_ERROR_TYPE.hardwareFailure, next, BACKEND[next], true);
    }
  }
  const post = add(SPAN.postprocess, root, t + 2, t + 302, KIND.internal, {
    [REQUEST_ATTR.resultHash.key]: rng.hex(16),
    [REQUEST_ATTR.degraded.key]: failed > 0,
    ...stage(SPAN.postprocess),
  });
  const end = t + 305;
  root.endMs = end;
  root.span.endTimeUnixNano = nanos(t0, end);
  root.span.attributes.push(
    ...otlpAttributes({
      [REQUEST_ATTR.httpStatus.key]: 200,
      [REQUEST_ATTR.path.key]: REQUEST_PATH.qpu,
      [REQUEST_ATTR.degraded.key]: failed > 0,
    })
  );

  // A chain of nested spans, each inside the previous one.
  let chainParent = post;
  for (let c = 0; c < (options.deepChain ?? 0) && nodes.length < options.spans; c++) {
    // Each step starts and ends a nanosecond inside the previous one.
    chainParent = add('chain.step', chainParent, chainParent.startMs + 1e-6, chainParent.endMs - 1e-6, KIND.internal, {
      [`${ATTRIBUTE_NAMESPACE.db}operation.name`]: 'SELECT',
    });
  }

  // Filler: HTTP, database and internal spans nested inside the LLM call and the post-processing.
  const containers = [llm, post];
  const candidates: Node[][] = containers.map((c) => [c]);
  while (nodes.length < options.spans) {
    const which = rng.next() < 0.5 ? 0 : 1;
    const pool = candidates[which]!;
    const parent =
      rng.chance(0.6) && pool.length > 1
        ? pool[pool.length - 1 - rng.int(0, Math.min(7, pool.length - 1))]!
        : rng.pick(pool);
    // Whole microseconds (what Jaeger keeps), never shorter than one.
    const parentLength = parent.endMs - parent.startMs;
    const length = Math.max(0.001, Math.round(parentLength * (0.05 + 0.55 * rng.next()) * 1000) / 1000);
    const start = parent.startMs + Math.floor((parentLength - length) * rng.next() * 1000) / 1000;
    const kind = rng.next();
    const service = rng.int(0, SERVICES.length - 1);
    const node =
      kind < 0.35
        ? add(
            'SELECT results',
            parent,
            start,
            start + length,
            KIND.client,
            {
              [`${ATTRIBUTE_NAMESPACE.db}system.name`]: 'postgresql',
              [`${ATTRIBUTE_NAMESPACE.db}operation.name`]: 'SELECT',
              [`${ATTRIBUTE_NAMESPACE.db}collection.name`]: 'results',
            },
            service
          )
        : kind < 0.7
          ? add(
              'GET',
              parent,
              start,
              start + length,
              KIND.client,
              {
                [REQUEST_ATTR.httpMethod.key]: 'GET',
                [REQUEST_ATTR.httpStatus.key]: 200,
              },
              service
            )
          : add('compute', parent, start, start + length, KIND.internal, {}, service);
    if (rng.chance(0.01)) {
      node.span.status = { code: STATUS_ERROR, message: 'synthetic failure' };
    }
    // Nothing nests inside a span too short to hold a child of its own.
    if (node.depth < maxDepth && length >= 0.1) {
      pool.push(node);
    }
  }

  // Exporters send spans as they end: children before parents, grouped by service.
  const byService = SERVICES.map(() => [] as OtlpSpan[]);
  for (const node of [...nodes].sort((a, b) => a.endMs - b.endMs)) {
    byService[node.service]!.push(node.span);
  }
  const document: OtlpDocument = {
    resourceSpans: SERVICES.map((name, i) => ({
      resource: { attributes: otlpAttributes({ [RESOURCE_ATTR.serviceName]: name }) },
      scopeSpans: [{ scope: { name: '@hybridlens/instrument' }, spans: byService[i]! }],
    })).filter((rs) => rs.scopeSpans[0]!.spans.length > 0),
  };
  return {
    document,
    traceId,
    rootSpanId: root.span.spanId,
    spanCount: nodes.length,
    quantumJobIds,
    quantumProviders,
  };
}
