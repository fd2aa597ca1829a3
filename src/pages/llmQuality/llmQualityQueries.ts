import { SceneQueryRunner } from '@grafana/scenes';
import { LABEL, TOKEN_TYPE } from '@hybridlens/conventions';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import * as llm from '../../queries/llm';
import { VERSION_CHANGES_REF_ID, modelInfoQuery } from './versionChanges';

/** refIds of the LLM quality page's two runners; tiles pick their slice by refId. */
export const LLM_SUMMARY = {
  hallucination: 'hallucination',
  schema: 'schema',
  consistency: 'consistency',
  latency: 'latency',
  ttft: 'ttft',
  coldStarts: 'coldStarts',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
} as const;

export const LLM_TRENDS = {
  hallucination: 'hallucinationTrend',
  schema: 'schemaTrend',
  consistency: 'consistencyTrend',
  latency: 'latencyTrend',
  ttft: 'ttftTrend',
  coldStarts: 'coldStartsTrend',
  tokens: 'tokensTrend',
} as const;

const byModel = `{{${LABEL.model}}}`;

/** One request for every per-model number over the picked range. */
export function buildLlmSummaryRunner(): SceneQueryRunner {
  const instant = { instant: true, range: false, legendFormat: byModel };
  const w = llm.RANGE;
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: LLM_SUMMARY.hallucination, expr: llm.hallucinationRate(w), ...instant },
      { refId: LLM_SUMMARY.schema, expr: llm.schemaCompliance(w), ...instant },
      { refId: LLM_SUMMARY.consistency, expr: llm.responseConsistency(w), ...instant },
      { refId: LLM_SUMMARY.latency, expr: llm.llmLatencyP95(w), ...instant },
      { refId: LLM_SUMMARY.ttft, expr: llm.timeToFirstTokenP95(w), ...instant },
      { refId: LLM_SUMMARY.coldStarts, expr: llm.coldStartShare(w), ...instant },
      { refId: LLM_SUMMARY.inputTokens, expr: llm.tokensPerRequestOf(TOKEN_TYPE.input, w), ...instant },
      { refId: LLM_SUMMARY.outputTokens, expr: llm.tokensPerRequestOf(TOKEN_TYPE.output, w), ...instant },
    ],
  });
}

/** One request for every per-model trend line, and the model-info series the version-change markers come from. */
export function buildLlmTrendsRunner(): SceneQueryRunner {
  const w = llm.RATE_INTERVAL;
  return new SceneQueryRunner({
    datasource: PROMETHEUS_DS_REF,
    queries: [
      { refId: LLM_TRENDS.hallucination, expr: llm.hallucinationRate(w), legendFormat: byModel },
      { refId: LLM_TRENDS.schema, expr: llm.schemaCompliance(w), legendFormat: byModel },
      { refId: LLM_TRENDS.consistency, expr: llm.responseConsistency(w), legendFormat: byModel },
      { refId: LLM_TRENDS.latency, expr: llm.llmLatencyP95(w), legendFormat: byModel },
      { refId: LLM_TRENDS.ttft, expr: llm.timeToFirstTokenP95(w), legendFormat: byModel },
      { refId: LLM_TRENDS.coldStarts, expr: llm.coldStartShare(w), legendFormat: byModel },
      {
        refId: LLM_TRENDS.tokens,
        expr: llm.tokensPerRequest(w),
        legendFormat: `${byModel} {{${LABEL.tokenType}}}`,
      },
      { refId: VERSION_CHANGES_REF_ID, expr: modelInfoQuery(), range: true, instant: false },
    ],
  });
}
