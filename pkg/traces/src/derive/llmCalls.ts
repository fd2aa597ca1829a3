import { GEN_AI_ATTR, GEN_AI_EVALUATION_EVENT, LLM_ATTR, SPAN, STAGE } from '@hybridlens/conventions';
import { bool, int, num, str, strList, withoutUndefined } from './attributes';
import type { StageOf } from './stage';
import type { SpanTree } from './tree';

export interface LlmEvaluation {
  name?: string;
  label?: string;
  score?: number;
}

/** A sub-phase bar of an LLM call: waiting for the first token, then generating the rest. */
export interface LlmPhase {
  phase: 'time_to_first_token' | 'generation';
  startMs: number;
  endMs: number;
}

/** One LLM call: the GenAI attributes a detail pane shows (prompt and output only as hashes). */
export interface LlmCall {
  spanIndex: number;
  spanId: string;
  operation?: string;
  provider?: string;
  requestModel?: string;
  responseModel?: string;
  inputTokens?: number;
  outputTokens?: number;
  finishReasons?: string[];
  temperature?: number;
  coldStart?: boolean;
  timeToFirstTokenMs?: number;
  promptHash?: string;
  outputHash?: string;
  promptTemplateVersion?: string;
  evaluations: LlmEvaluation[];
  error: boolean;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Present when the call streamed (time to first token known): two bars that cover the call. */
  phases: LlmPhase[];
}

// Read once: imported bindings compile to getters in CommonJS; these are checked for every span.
const LLM_SPAN = SPAN.llm;
const LLM_STAGE = STAGE.llm;
const MODEL_KEY = GEN_AI_ATTR.requestModel.key;
const OPERATION_KEY = GEN_AI_ATTR.operationName.key;

function isLlmCall(tree: SpanTree, i: number, stage: StageOf): boolean {
  const span = tree.spans[i]!;
  if (span.name === LLM_SPAN) {
    return true;
  }
  if (stage.stage !== LLM_STAGE || stage.source === 'inherited') {
    return false;
  }
  const a = span.attributes;
  return a[MODEL_KEY] !== undefined || a[OPERATION_KEY] !== undefined;
}

export function llmCalls(tree: SpanTree, stages: readonly StageOf[]): LlmCall[] {
  const calls: LlmCall[] = [];
  for (let i = 0; i < tree.spans.length; i++) {
    if (!isLlmCall(tree, i, stages[i]!)) {
      continue;
    }
    const span = tree.spans[i]!;
    const a = span.attributes;
    const durationMs = span.endMs - span.startMs;
    const ttftSeconds = num(a, LLM_ATTR.timeToFirstToken.key);
    const ttftMs = ttftSeconds !== undefined && ttftSeconds >= 0 ? Math.min(ttftSeconds * 1000, durationMs) : undefined;
    const evaluations = span.events
      .filter((e) => e.name === GEN_AI_EVALUATION_EVENT)
      .map((e) =>
        withoutUndefined({
          name: str(e.attributes, GEN_AI_ATTR.evaluationName.key),
          label: str(e.attributes, GEN_AI_ATTR.evaluationScoreLabel.key),
          score: num(e.attributes, GEN_AI_ATTR.evaluationScoreValue.key),
        })
      );
    calls.push(
      withoutUndefined({
        spanIndex: i,
        spanId: span.spanId,
        operation: str(a, GEN_AI_ATTR.operationName.key),
        provider: str(a, GEN_AI_ATTR.providerName.key),
        requestModel: str(a, GEN_AI_ATTR.requestModel.key),
        responseModel: str(a, GEN_AI_ATTR.responseModel.key),
        inputTokens: int(a, GEN_AI_ATTR.inputTokens.key),
        outputTokens: int(a, GEN_AI_ATTR.outputTokens.key),
        finishReasons: strList(a, GEN_AI_ATTR.responseFinishReasons.key),
        temperature: num(a, GEN_AI_ATTR.requestTemperature.key),
        coldStart: bool(a, LLM_ATTR.coldStart.key),
        timeToFirstTokenMs: ttftMs,
        promptHash: str(a, LLM_ATTR.promptHash.key),
        outputHash: str(a, LLM_ATTR.outputHash.key),
        promptTemplateVersion: str(a, LLM_ATTR.promptTemplateVersion.key),
        evaluations,
        error: span.status === 'error',
        startMs: span.startMs,
        endMs: span.endMs,
        durationMs,
        phases:
          ttftMs === undefined
            ? []
            : [
                { phase: 'time_to_first_token' as const, startMs: span.startMs, endMs: span.startMs + ttftMs },
                { phase: 'generation' as const, startMs: span.startMs + ttftMs, endMs: span.endMs },
              ],
      })
    );
  }
  return calls;
}
