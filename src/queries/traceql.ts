import {
  GEN_AI_ATTR,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  REQUEST_ATTR,
  SPAN,
  VARIABLE,
  type VariableName,
  regexOf,
} from '@hybridlens/conventions';

/**
 * Every TraceQL query the app sends to Tempo is built here from the contract's span names and attributes.
 * Values are TraceQL string literals (escaped); several values of a filter become one anchored regex.
 */

/**
 * A TraceQL double-quoted string: backslash and quote escaped. Tempo's grammar has no escapes for control
 * characters, and no id the app looks up contains one: such a value is refused (the pages say the id is malformed).
 */
export function traceqlString(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new Error(
      `TraceQL: a value with control characters cannot be a trace query literal: ${JSON.stringify(value)}`
    );
  }
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `span.<key>`: contract keys are dotted identifiers, which TraceQL reads as one attribute name. */
function spanAttr(key: string): string {
  if (!/^[a-zA-Z_][a-zA-Z0-9_.]*$/.test(key)) {
    throw new Error(`TraceQL: "${key}" is not an attribute name the app writes unquoted`);
  }
  return `span.${key}`;
}

/** The request attributes the Lifecycle page's filters match on the ingress span. */
export const TRACE_FILTER_ATTRIBUTE: Readonly<Partial<Record<VariableName, string>>> = {
  [VARIABLE.route]: REQUEST_ATTR.httpRoute.key,
  [VARIABLE.region]: REQUEST_ATTR.region.key,
  [VARIABLE.path]: REQUEST_ATTR.path.key,
};

/**
 * Filters matched on another span of the same trace: the model is an attribute of the LLM call's span
 * (`gen_ai.request.model`), not of the ingress span, so it is a second spanset the trace must also hold.
 */
export const TRACE_FILTER_OTHER_SPAN: Readonly<Partial<Record<VariableName, { span: string; key: string }>>> = {
  [VARIABLE.model]: { span: SPAN.llm, key: GEN_AI_ATTR.requestModel.key },
};

export type TraceFilters = Partial<Record<VariableName, readonly string[]>>;

function valueCondition(key: string, values: readonly string[]): string {
  return values.length === 1
    ? `${spanAttr(key)} = ${traceqlString(values[0]!)}`
    : `${spanAttr(key)} =~ ${traceqlString(`^(${regexOf(values)})$`)}`;
}

function filterConditions(filters: TraceFilters): string[] {
  const out: string[] = [];
  for (const [variable, key] of Object.entries(TRACE_FILTER_ATTRIBUTE) as Array<[VariableName, string]>) {
    const values = filters[variable];
    if (values && values.length > 0) {
      out.push(valueCondition(key, values));
    }
  }
  return out;
}

/** `&& { name = "<span>" && <attribute condition> }` for each active filter that lives on another span. */
function otherSpanSets(filters: TraceFilters): string {
  let out = '';
  for (const [variable, target] of Object.entries(TRACE_FILTER_OTHER_SPAN) as Array<
    [VariableName, { span: string; key: string }]
  >) {
    const values = filters[variable];
    if (values && values.length > 0) {
      out += ` && { name = ${traceqlString(target.span)} && ${valueCondition(target.key, values)} }`;
    }
  }
  return out;
}

/** TraceQL duration literal in whole milliseconds (Tempo accepts ms, s, m, h). */
export function traceqlDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`TraceQL: duration must be a finite number of seconds >= 0, got ${seconds}`);
  }
  return `${Math.round(seconds * 1000)}ms`;
}

/**
 * Requests (their ingress span) slower than the threshold, with the page's filters; with a model filter the trace
 * must also hold an LLM call to that model (`{ ingress } && { llm }`: Tempo answers the spans of both sets).
 */
export function slowRequestsQuery(thresholdSeconds: number, filters: TraceFilters = {}): string {
  const conditions = [
    `name = ${traceqlString(SPAN.ingress)}`,
    ...filterConditions(filters),
    `duration > ${traceqlDuration(thresholdSeconds)}`,
  ];
  return `{ ${conditions.join(' && ')} }${otherSpanSets(filters)}`;
}

/** Requests that ended in error: the ingress span's status, with the page's filters. */
export function failedRequestsQuery(filters: TraceFilters = {}): string {
  const conditions = [`name = ${traceqlString(SPAN.ingress)}`, ...filterConditions(filters), 'status = error'];
  return `{ ${conditions.join(' && ')} }${otherSpanSets(filters)}`;
}

/** The trace holding a provider job id (any of its quantum spans carries it). */
export function traceOfJobQuery(jobId: string): string {
  return `{ ${spanAttr(QUANTUM_ATTR.jobId.key)} = ${traceqlString(jobId)} }`;
}

/**
 * The explainability attributes of an orchestrator decision that the Lifecycle page shows beside each example:
 * what the orchestrator saw (queue, backlog, rate-limit budget, calibration age, predicted fidelity, provider
 * availability, flags), what it chose (provider, backend) and whether it was a fallback.
 */
export const DECISION_INPUT_ATTRIBUTES: readonly string[] = [
  ORCHESTRATOR_ATTR.provider.key,
  ORCHESTRATOR_ATTR.backend.key,
  ORCHESTRATOR_ATTR.inputQueueLength.key,
  ORCHESTRATOR_ATTR.inputBacklogSeconds.key,
  ORCHESTRATOR_ATTR.inputRateLimitRemaining.key,
  ORCHESTRATOR_ATTR.inputCalibrationAgeSeconds.key,
  ORCHESTRATOR_ATTR.inputPredictedFidelity.key,
  ORCHESTRATOR_ATTR.inputProviderAvailable.key,
  ORCHESTRATOR_ATTR.inputFlags.key,
  ORCHESTRATOR_ATTR.fallback.key,
];

/**
 * Orchestrator decisions that chose `path` for `reason`, with their inputs selected (`select(...)` makes Tempo's
 * search answer carry those attributes on each matched span).
 */
export function decisionExamplesQuery(path: string, reason: string): string {
  const conditions = [
    `name = ${traceqlString(SPAN.orchestrator)}`,
    `${spanAttr(ORCHESTRATOR_ATTR.path.key)} = ${traceqlString(path)}`,
    `${spanAttr(ORCHESTRATOR_ATTR.reason.key)} = ${traceqlString(reason)}`,
  ];
  return `{ ${conditions.join(' && ')} } | select(${DECISION_INPUT_ATTRIBUTES.map(spanAttr).join(', ')})`;
}
