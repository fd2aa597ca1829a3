import type { DataFrame } from '@grafana/data';
import { anyValue } from '@hybridlens/traces';
import { DECISION_INPUT_ATTRIBUTES } from '../../queries/traceql';

/** How many example decisions each path × reason row shows. */
export const EXAMPLES_PER_DECISION = 3;

export interface TempoDecisionAnswer {
  traces?: Array<{
    traceID?: string;
    spanSets?: Array<{
      spans?: Array<{
        spanID?: string;
        startTimeUnixNano?: string;
        /** OTLP key/values, int64 as a decimal string: read with the trace model's own reader. */
        attributes?: Array<{ key?: string; value?: unknown }>;
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

/** An input as the page shows it: absent when Tempo's value is missing or not a plain value or list. */
function inputValue(value: unknown): DecisionInputValue | undefined {
  const v = anyValue(value);
  if (Array.isArray(v)) {
    return v.filter((item) => item !== null).map(String);
  }
  return v === null || typeof v === 'object' ? undefined : v;
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
          const decoded = key && DECISION_INPUT_ATTRIBUTES.includes(key) ? inputValue(value) : undefined;
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

/** The field of the raw table that holds Tempo's traces. */
const RAW_RESPONSE_FIELD = 'response';

/**
 * Tempo's search answer in the frames Grafana's Tempo datasource returns for a TraceQL query with
 * `tableType: 'raw'`: its traces, as Tempo sent them, as JSON text in a `response` field. The datasource's other
 * tables would not do: they drop `false`, zero and list values, and the decisions' inputs hold all three.
 */
export function decisionAnswerOfFrames(series: readonly DataFrame[]): TempoDecisionAnswer {
  const text = series.flatMap((frame) => frame.fields).find((field) => field.name === RAW_RESPONSE_FIELD)?.values[0];
  if (typeof text !== 'string') {
    return {};
  }
  let traces: unknown;
  try {
    traces = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `Tempo's search answer (field "${RAW_RESPONSE_FIELD}" of the raw table) is not JSON: ${(e as Error).message}`
    );
  }
  return Array.isArray(traces) ? { traces: traces as NonNullable<TempoDecisionAnswer['traces']> } : {};
}
