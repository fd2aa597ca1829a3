import { ORCHESTRATOR_ATTR, REQUEST_ATTR, SPAN } from '@hybridlens/conventions';
import { bool, int, num, str, strList, withoutUndefined } from './attributes';
import type { SpanTree } from './tree';

/** What the request was, from its ingress span (or the first root when there is none). */
export interface RequestSummary {
  spanId: string;
  name: string;
  serviceName: string;
  route?: string;
  method?: string;
  statusCode?: number;
  region?: string;
  /** The path that served the request (qpu, simulator, classical, none). */
  path?: string;
  degraded?: boolean;
  error: boolean;
}

/** One routing decision of the orchestrator, with the inputs that explain it. */
export interface OrchestratorDecision {
  spanIndex: number;
  spanId: string;
  startMs: number;
  path?: string;
  reason?: string;
  provider?: string;
  backend?: string;
  fallback?: boolean;
  inputs: {
    queueLength?: number;
    backlogSeconds?: number;
    rateLimitRemaining?: number;
    calibrationAgeSeconds?: number;
    predictedFidelity?: number;
    providerAvailable?: boolean;
    flags?: string[];
  };
}

export function requestSummary(tree: SpanTree): RequestSummary | undefined {
  let index = tree.spans.findIndex((s) => s.name === SPAN.ingress);
  if (index < 0) {
    index = tree.roots[0] ?? -1;
  }
  if (index < 0) {
    return undefined;
  }
  const span = tree.spans[index]!;
  const a = span.attributes;
  return withoutUndefined({
    spanId: span.spanId,
    name: span.name,
    serviceName: span.serviceName,
    route: str(a, REQUEST_ATTR.httpRoute.key),
    method: str(a, REQUEST_ATTR.httpMethod.key),
    statusCode: int(a, REQUEST_ATTR.httpStatus.key),
    region: str(a, REQUEST_ATTR.region.key),
    path: str(a, REQUEST_ATTR.path.key),
    degraded: bool(a, REQUEST_ATTR.degraded.key),
    error: span.status === 'error',
  });
}

// Read once: checked for every span (imported bindings compile to getters in CommonJS).
const ORCHESTRATOR_SPAN = SPAN.orchestrator;
const PATH_KEY = ORCHESTRATOR_ATTR.path.key;

export function orchestratorDecisions(tree: SpanTree): OrchestratorDecision[] {
  const decisions: OrchestratorDecision[] = [];
  for (let i = 0; i < tree.spans.length; i++) {
    const span = tree.spans[i]!;
    const a = span.attributes;
    if (span.name !== ORCHESTRATOR_SPAN && a[PATH_KEY] === undefined) {
      continue;
    }
    decisions.push(
      withoutUndefined({
        spanIndex: i,
        spanId: span.spanId,
        startMs: span.startMs,
        path: str(a, ORCHESTRATOR_ATTR.path.key),
        reason: str(a, ORCHESTRATOR_ATTR.reason.key),
        provider: str(a, ORCHESTRATOR_ATTR.provider.key),
        backend: str(a, ORCHESTRATOR_ATTR.backend.key),
        fallback: bool(a, ORCHESTRATOR_ATTR.fallback.key),
        inputs: withoutUndefined({
          queueLength: int(a, ORCHESTRATOR_ATTR.inputQueueLength.key),
          backlogSeconds: num(a, ORCHESTRATOR_ATTR.inputBacklogSeconds.key),
          rateLimitRemaining: int(a, ORCHESTRATOR_ATTR.inputRateLimitRemaining.key),
          calibrationAgeSeconds: num(a, ORCHESTRATOR_ATTR.inputCalibrationAgeSeconds.key),
          predictedFidelity: num(a, ORCHESTRATOR_ATTR.inputPredictedFidelity.key),
          providerAvailable: bool(a, ORCHESTRATOR_ATTR.inputProviderAvailable.key),
          flags: strList(a, ORCHESTRATOR_ATTR.inputFlags.key),
        }),
      })
    );
  }
  return decisions;
}
