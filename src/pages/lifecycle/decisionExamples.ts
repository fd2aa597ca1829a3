import { DECISION_INPUT_ATTRIBUTES } from '../../queries/traceql';

/** How many example decisions each path × reason row shows. */
export const EXAMPLES_PER_DECISION = 3;

/** An attribute value in Tempo's search answer (OTLP AnyValue as JSON: int64 is a decimal string). */
interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number | string;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
}

export interface TempoDecisionAnswer {
  traces?: Array<{
    traceID?: string;
    spanSets?: Array<{
      spans?: Array<{
        spanID?: string;
        startTimeUnixNano?: string;
        attributes?: Array<{ key?: string; value?: AnyValue }>;
      }>;
    }>;
  }>;
}

export type DecisionInputValue = string | number | boolean | string[];

/** One orchestrator decision Tempo holds: where to open it, and the inputs it recorded. */
export interface DecisionExample {
  traceId: string;
  spanId: string;
  timeMs: number;
  /** The decision's explainability attributes present on the span, keyed by contract attribute key. */
  inputs: Partial<Record<string, DecisionInputValue>>;
}

function decode(value: AnyValue | undefined): DecisionInputValue | undefined {
  if (!value) {
    return undefined;
  }
  if (value.stringValue !== undefined) {
    return value.stringValue;
  }
  if (value.boolValue !== undefined) {
    return value.boolValue;
  }
  if (value.intValue !== undefined || value.doubleValue !== undefined) {
    const n = Number(value.intValue ?? value.doubleValue);
    return Number.isFinite(n) ? n : undefined;
  }
  if (value.arrayValue) {
    return (value.arrayValue.values ?? [])
      .map(decode)
      .filter((v) => v !== undefined)
      .map(String);
  }
  return undefined;
}

/**
 * The decision spans of a Tempo search answer (`spanSets[].spans[]` with the selected attributes), newest first,
 * at most {@link EXAMPLES_PER_DECISION}; attributes outside the contract's decision inputs are ignored.
 */
export function decisionExamples(answer: TempoDecisionAnswer): DecisionExample[] {
  const out: DecisionExample[] = [];
  for (const trace of answer.traces ?? []) {
    if (!trace.traceID) {
      continue;
    }
    for (const set of trace.spanSets ?? []) {
      for (const span of set.spans ?? []) {
        const inputs: DecisionExample['inputs'] = {};
        for (const { key, value } of span.attributes ?? []) {
          const decoded = key && DECISION_INPUT_ATTRIBUTES.includes(key) ? decode(value) : undefined;
          if (key && decoded !== undefined) {
            inputs[key] = decoded;
          }
        }
        out.push({
          traceId: trace.traceID,
          spanId: span.spanID ?? '',
          timeMs: Number(span.startTimeUnixNano ?? 0) / 1e6,
          inputs,
        });
      }
    }
  }
  return out.sort((a, b) => b.timeMs - a.timeMs).slice(0, EXAMPLES_PER_DECISION);
}
