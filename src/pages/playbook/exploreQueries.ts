import {
  GEN_AI_ATTR,
  LOG_FIELD,
  LOG_LEVEL,
  LOKI_OTLP_METADATA,
  QUANTUM_ATTR,
  SPAN,
  STAGE,
  eq,
  oneOf,
  promString,
} from '@hybridlens/conventions';
import type { ScopeValues } from './playbookTypes';
import { ANY_SERVICE } from '../../queries/logql';

/** TraceQL and LogQL of the playbook steps' links, narrowed to the provider / backend / model in scope. */

function and(parts: readonly string[]): string {
  return `{ ${parts.join(' && ')} }`;
}

function quantumScope(scope: ScopeValues): string[] {
  return [
    ...(scope.provider ? [`span.${QUANTUM_ATTR.provider.key} = ${promString(scope.provider)}`] : []),
    ...(scope.backend ? [`span.${QUANTUM_ATTR.backend.key} = ${promString(scope.backend)}`] : []),
  ];
}

/** Enqueue spans slower than `seconds`: the requests the queue held up. */
export function slowEnqueueTraces(seconds: number) {
  return (scope: ScopeValues) =>
    and([`name = ${promString(SPAN.quantumEnqueue)}`, `duration > ${seconds}s`, ...quantumScope(scope)]);
}

/** Quantum jobs that failed (the error type attribute is set only then). */
export function failedJobTraces() {
  return (scope: ScopeValues) =>
    and([
      `name = ${promString(SPAN.quantumExecute)}`,
      `span.${QUANTUM_ATTR.errorType.key} != nil`,
      ...quantumScope(scope),
    ]);
}

/** The LLM spans of the model in scope (all models when none is). */
export function llmTraces() {
  return (scope: ScopeValues) =>
    and([
      `name = ${promString(SPAN.llm)}`,
      ...(scope.model ? [`span.${GEN_AI_ATTR.requestModel.key} = ${promString(scope.model)}`] : []),
    ]);
}

/** Slow requests end to end. */
export function slowRequestTraces(seconds: number) {
  return () => and([`name = ${promString(SPAN.ingress)}`, `duration > ${seconds}s`]);
}

/**
 * Log lines of one stage at warn or error, narrowed to the provider / backend in scope. Loki indexes only
 * service_name (OTLP ingestion): stage, level and the scope are each line's structured metadata, so they are
 * label filters after the stream selector, not stream labels.
 */
export function stageLogs(stage: (typeof STAGE)[keyof typeof STAGE]) {
  return (scope: ScopeValues) =>
    [
      ANY_SERVICE,
      eq(LOG_FIELD.stage, stage),
      oneOf(LOKI_OTLP_METADATA.detectedLevel, [LOG_LEVEL.warn, LOG_LEVEL.error]),
      ...(scope.provider ? [eq(LOG_FIELD.provider, scope.provider)] : []),
      ...(scope.backend ? [eq(LOG_FIELD.backend, scope.backend)] : []),
    ].join(' | ');
}

/** The audit trail of mitigations (who did what, when): the lines that carry an action. */
export function mitigationLogs() {
  return () => `${ANY_SERVICE} | ${LOG_FIELD.action} != ""`;
}
