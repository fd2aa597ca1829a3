import * as otel from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import * as conventions from '@hybridlens/conventions';
import type { LlmEnd, LlmInit, LlmScope } from './api';
import * as core from './core';
import type { RequestParent, SpanHandle, TelemetryCore } from './core';
import * as errors from './errors';
import * as hash from './hash';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const {
  GEN_AI_ATTR,
  LABEL,
  GEN_AI_EVALUATION_EVENT,
  LLM_ATTR,
  LOG_EVENT,
  LOG_FIELD,
  SPAN,
  STAGE,
  TOKEN_TYPE,
  VALIDATION_RESULT,
  VALIDATOR,
} = conventions;
const { SpanKind, SpanStatusCode } = otel;
const { logFor, seconds, startChildSpan } = core;
const { optionalNumber, requireNumber, requireOneOf, requireString, timeOr } = errors;
const { hashPrefix } = hash;

const DEFAULT_OPERATION = 'chat';
/** Name of the evaluation event that carries a consistency score. */
const CONSISTENCY_EVALUATION = 'consistency';

export class LlmScopeImpl implements LlmScope {
  readonly spanId: string;
  private readonly handle: SpanHandle;
  private readonly model: string;
  private readonly provider: string;
  private readonly startTime: number;
  private readonly promptHash: string;
  private ended = false;

  constructor(
    private readonly core: TelemetryCore,
    private readonly parent: RequestParent,
    init: LlmInit
  ) {
    const call = 'llm()';
    this.model = requireString(call, 'model', init.model);
    this.provider = requireString(call, 'provider', init.provider);
    if (typeof init.prompt !== 'string') {
      requireString(call, 'prompt', init.prompt);
    }
    optionalNumber(call, 'temperature', init.temperature, 0);
    this.startTime = timeOr(call, 'startTime', init.startTime, core.now);
    this.promptHash = hashPrefix(init.prompt);
    this.handle = startChildSpan(
      core,
      parent.context,
      SPAN.llm,
      STAGE.llm,
      this.startTime,
      {
        [GEN_AI_ATTR.operationName.key]: init.operation ?? DEFAULT_OPERATION,
        [GEN_AI_ATTR.providerName.key]: this.provider,
        [GEN_AI_ATTR.requestModel.key]: this.model,
        [GEN_AI_ATTR.requestTemperature.key]: init.temperature,
        [LLM_ATTR.promptHash.key]: this.promptHash,
        [LLM_ATTR.promptTemplateVersion.key]: init.promptTemplateVersion,
      },
      SpanKind.CLIENT
    );
    this.spanId = this.handle.spanId;
  }

  evaluation(e: {
    validator: 'schema' | 'hallucination';
    pass: boolean;
    score?: number;
    explanation?: string;
    time?: number;
  }): void {
    const call = 'llm.evaluation()';
    const validator = requireOneOf(call, 'validator', e.validator, VALIDATOR);
    const score = optionalNumber(call, 'score', e.score);
    const time = timeOr(call, 'time', e.time, this.core.now);
    const result = e.pass ? VALIDATION_RESULT.pass : VALIDATION_RESULT.fail;
    // Events are not sanitized like span attributes: only defined values go in.
    const event: Attributes = {
      [GEN_AI_ATTR.evaluationName.key]: validator,
      [GEN_AI_ATTR.evaluationScoreLabel.key]: result,
    };
    if (score !== undefined) {
      event[GEN_AI_ATTR.evaluationScoreValue.key] = score;
    }
    if (e.explanation !== undefined) {
      event[GEN_AI_ATTR.evaluationExplanation.key] = e.explanation;
    }
    this.handle.span.addEvent(GEN_AI_EVALUATION_EVENT, event, time);
    this.core.metrics.inc('llmValidations', {
      [LABEL.model]: this.model,
      [LABEL.validator]: validator,
      [LABEL.result]: result,
    });
    if (!e.pass) {
      logFor(this.core, this.handle, {
        level: 'warn',
        event: LOG_EVENT.llmValidationFailed,
        message: `LLM response failed the ${validator} validator`,
        time,
        stage: STAGE.llm,
        fields: { [LOG_FIELD.promptHash]: this.promptHash },
      });
    }
  }

  consistency(score: number, time?: number): void {
    const call = 'llm.consistency()';
    requireNumber(call, 'score', score, 0, 1);
    const at = timeOr(call, 'time', time, this.core.now);
    this.handle.span.addEvent(
      GEN_AI_EVALUATION_EVENT,
      { [GEN_AI_ATTR.evaluationName.key]: CONSISTENCY_EVALUATION, [GEN_AI_ATTR.evaluationScoreValue.key]: score },
      at
    );
    this.core.metrics.observe('llmConsistencyScore', { [LABEL.model]: this.model }, score);
  }

  end(e: LlmEnd): void {
    if (this.ended) {
      return;
    }
    const call = 'llm.end()';
    if (typeof e.output !== 'string') {
      requireString(call, 'output', e.output);
    }
    const inputTokens = requireNumber(call, 'inputTokens', e.inputTokens, 0);
    const outputTokens = requireNumber(call, 'outputTokens', e.outputTokens, 0);
    const endTime = timeOr(call, 'endTime', e.endTime, this.core.now);
    const firstTokenTime = optionalNumber(call, 'firstTokenTime', e.firstTokenTime, this.startTime, endTime);
    this.ended = true;
    const outputHash = hashPrefix(e.output);
    const { span } = this.handle;
    span.setAttributes({
      [GEN_AI_ATTR.responseModel.key]: e.responseModel,
      [GEN_AI_ATTR.inputTokens.key]: Math.round(inputTokens),
      [GEN_AI_ATTR.outputTokens.key]: Math.round(outputTokens),
      [GEN_AI_ATTR.responseFinishReasons.key]: e.finishReasons,
      [LLM_ATTR.outputHash.key]: outputHash,
      [LLM_ATTR.coldStart.key]: e.coldStart ?? false,
    });
    const ttft = firstTokenTime === undefined ? undefined : seconds(this.startTime, firstTokenTime);
    if (ttft !== undefined) {
      span.setAttribute(LLM_ATTR.timeToFirstToken.key, ttft);
    }
    if (e.error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: e.error });
    }
    span.end(endTime);
    this.parent.timeline.add(SPAN.llm, this.startTime, endTime);

    const labels = { [LABEL.model]: this.model, [LABEL.genAiProvider]: this.provider };
    this.core.metrics.observe('llmInferenceDuration', labels, seconds(this.startTime, endTime));
    if (ttft !== undefined) {
      this.core.metrics.observe('llmTimeToFirstToken', labels, ttft);
    }
    if (e.coldStart) {
      this.core.metrics.inc('llmColdStarts', labels);
    }
    this.core.metrics.observe(
      'llmTokensPerRequest',
      { [LABEL.model]: this.model, [LABEL.tokenType]: TOKEN_TYPE.input },
      inputTokens
    );
    this.core.metrics.observe(
      'llmTokensPerRequest',
      { [LABEL.model]: this.model, [LABEL.tokenType]: TOKEN_TYPE.output },
      outputTokens
    );
    logFor(this.core, this.handle, {
      level: e.error ? 'error' : 'info',
      event: e.error ? LOG_EVENT.llmCallFailed : LOG_EVENT.llmCallFinished,
      message: e.error ? `LLM call to ${this.model} failed: ${e.error}` : `LLM call to ${this.model} finished`,
      time: endTime,
      stage: STAGE.llm,
      fields: { [LOG_FIELD.promptHash]: this.promptHash, [LOG_FIELD.outputHash]: outputHash },
    });
  }
}
