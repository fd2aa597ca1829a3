import '../../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SceneQueryRunner, syncStateFromSearchParams } from '@grafana/scenes';
import { LABEL, METRIC, TOKEN_TYPE, VARIABLE, buildAppUrl } from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { samplesOf } from '../../app/frames';
import { resolveSettings } from '../../settings/settings';
import { installNodeFetch } from '../../testing/nodeFetch';
import { loadScene, prometheusFrames } from '../../testing/prometheusScenes';
import { findAll, installSceneTestEnv } from '../../testing/sceneTestEnv';
import { buildLlmQualityScene } from './llmQualityPage';
import { LLM_SUMMARY, LLM_TRENDS } from './llmQualityQueries';

/**
 * The LLM quality page's queries, interpolated by Scenes, answered by the OS package's Prometheus holding
 * a known history of the contract's LLM series: the PromQL is valid and the numbers per model are right.
 */
installNodeFetch();
const env = installSceneTestEnv();

const STEP = 30;
const HOURS = 7;
// Model names with regex metacharacters, as real ones have.
const MINI = 'gpt-4.1-mini';
const LLAMA = 'llama-3.1-70b-instruct';

/** Per-second rates of each model; the expected numbers follow from them. */
const RATES = {
  [MINI]: { halluFail: 0.1, halluPass: 0.9, schemaPass: 0.98, schemaFail: 0.02, consistency: 0.9, cold: 0.1 },
  [LLAMA]: { halluFail: 0.3, halluPass: 0.7, schemaPass: 1, schemaFail: 0, consistency: 0.5, cold: 0 },
};

function history(now: number): string {
  const lines: string[] = [];
  const start = now - HOURS * 3600;
  for (let t = start; t <= now + 300; t += STEP) {
    const s = t - start;
    const series = (name: string, labels: Record<string, string>, value: number) =>
      lines.push(
        `${name}{${Object.entries(labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',')}} ${value} ${t}`
      );
    for (const [model, r] of Object.entries(RATES)) {
      const v = (validator: string, result: string, rate: number) =>
        series(METRIC.llmValidations.name, { model, validator, result }, rate * s);
      v('hallucination', 'fail', r.halluFail);
      v('hallucination', 'pass', r.halluPass);
      v('schema', 'pass', r.schemaPass);
      v('schema', 'fail', r.schemaFail);
      series(`${METRIC.llmConsistencyScore.name}_sum`, { model }, r.consistency * s);
      series(`${METRIC.llmConsistencyScore.name}_count`, { model }, s);
      // A model that never started cold has no cold-start series (counters appear on first increment).
      if (r.cold > 0) {
        series(METRIC.llmColdStarts.name, { model, gen_ai_provider: 'openai' }, r.cold * s);
      }
    }
    // gpt-4.1-mini: 2 calls/s, all between 0.25 s and 0.5 s; 200 input and 50 output tokens per call;
    // it streams, its first token between 0.1 s and 0.2 s.
    for (const [le, n] of [
      ['0.25', 0],
      ['0.5', 2],
      ['+Inf', 2],
    ] as const) {
      series(`${METRIC.llmInferenceDuration.name}_bucket`, { model: MINI, gen_ai_provider: 'openai', le }, n * s);
    }
    series(`${METRIC.llmInferenceDuration.name}_count`, { model: MINI, gen_ai_provider: 'openai' }, 2 * s);
    for (const [le, n] of [
      ['0.1', 0],
      ['0.2', 1],
      ['+Inf', 1],
    ] as const) {
      series(`${METRIC.llmTimeToFirstToken.name}_bucket`, { model: MINI, gen_ai_provider: 'openai', le }, n * s);
    }
    for (const [tokenType, perCall] of [
      [TOKEN_TYPE.input, 200],
      [TOKEN_TYPE.output, 50],
    ] as const) {
      series(`${METRIC.llmTokensPerRequest.name}_sum`, { model: MINI, token_type: tokenType }, perCall * 2 * s);
      series(`${METRIC.llmTokensPerRequest.name}_count`, { model: MINI, token_type: tokenType }, 2 * s);
    }
    // llama: 1 call/s between 1 s and 2 s, never streamed (no time to first token).
    for (const [le, n] of [
      ['1', 0],
      ['2', 1],
      ['+Inf', 1],
    ] as const) {
      series(`${METRIC.llmInferenceDuration.name}_bucket`, { model: LLAMA, gen_ai_provider: 'vllm', le }, n * s);
    }
    series(`${METRIC.llmInferenceDuration.name}_count`, { model: LLAMA, gen_ai_provider: 'vllm' }, s);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'LLM quality page against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const errors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-llm-prom-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(Math.floor(Date.now() / 1000)));
    createBlocksFromOpenMetrics(file, join(work, 'data'));
    prom = await startPrometheus({ dataDir: join(work, 'data') });
    env.setFrames(prometheusFrames(prom, errors, STEP));
    env.setLabelValues({ model: [MINI, LLAMA] });
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    env.issued.length = 0;
    errors.length = 0;
  });

  function runnerWith(scene: ReturnType<typeof buildLlmQualityScene>, refId: string): SceneQueryRunner {
    return findAll(scene, SceneQueryRunner).find((r) => r.state.queries.some((q) => q.refId === refId))!;
  }

  const byModel = (frames: Parameters<typeof samplesOf>[0], refId: string) =>
    Object.fromEntries(samplesOf(frames, refId).map((s) => [s.labels[LABEL.model], s.value]));

  it('every query is valid PromQL and each tile shows the known number per model', async () => {
    const scene = buildLlmQualityScene(resolveSettings(undefined));
    const undo = await loadScene(env, scene);
    expect(errors).toEqual([]);
    const summary = runnerWith(scene, LLM_SUMMARY.hallucination).state.data!.series;
    const hallucination = byModel(summary, LLM_SUMMARY.hallucination);
    expect(hallucination[MINI]).toBeCloseTo(0.1, 4);
    expect(hallucination[LLAMA]).toBeCloseTo(0.3, 4);
    const schema = byModel(summary, LLM_SUMMARY.schema);
    expect(schema[MINI]).toBeCloseTo(0.98, 4);
    expect(schema[LLAMA]).toBeCloseTo(1, 4);
    const consistency = byModel(summary, LLM_SUMMARY.consistency);
    expect(consistency[MINI]).toBeCloseTo(0.9, 4);
    expect(consistency[LLAMA]).toBeCloseTo(0.5, 4);
    // 0.1 cold starts per second of 2 calls per second.
    const cold = byModel(summary, LLM_SUMMARY.coldStarts);
    expect(cold[MINI]).toBeCloseTo(0.05, 4);
    expect(cold[LLAMA]).toBeCloseTo(0, 6);
    // Linear interpolation inside the bucket that holds the 95th percentile.
    const latency = byModel(summary, LLM_SUMMARY.latency);
    expect(latency[MINI]).toBeCloseTo(0.25 + 0.95 * 0.25, 3);
    expect(latency[LLAMA]).toBeCloseTo(1 + 0.95 * 1, 3);
    // Only the model that streams has a time to first token.
    expect(byModel(summary, LLM_SUMMARY.ttft)).toEqual({ [MINI]: expect.closeTo(0.1 + 0.95 * 0.1, 3) });
    expect(byModel(summary, LLM_SUMMARY.inputTokens)[MINI]).toBeCloseTo(200, 3);
    expect(byModel(summary, LLM_SUMMARY.outputTokens)[MINI]).toBeCloseTo(50, 3);

    const trends = runnerWith(scene, LLM_TRENDS.hallucination).state.data!.series;
    const tokenLines = trends
      .filter((f) => f.refId === LLM_TRENDS.tokens)
      .map((f) => [f.fields[1]!.labels![LABEL.tokenType], f.fields[1]!.values.at(-1)]);
    expect(tokenLines.sort()).toEqual([
      [TOKEN_TYPE.input, expect.closeTo(200, 3)],
      [TOKEN_TYPE.output, expect.closeTo(50, 3)],
    ]);
    const halluLines = trends.filter((f) => f.refId === LLM_TRENDS.hallucination);
    expect(halluLines).toHaveLength(2);
    undo();
  });

  it('the model filter from the URL reaches Prometheus escaped and narrows every tile to that model', async () => {
    const scene = buildLlmQualityScene(resolveSettings(undefined));
    const url = buildAppUrl({ page: 'llmQuality', variables: { [VARIABLE.model]: MINI } });
    syncStateFromSearchParams(scene, new URL(url, 'http://grafana.invalid').searchParams);
    const undo = await loadScene(env, scene);
    expect(errors).toEqual([]);
    for (const q of env.issued) {
      expect(q.expr).toContain('model=~"gpt-4\\\\.1-mini"');
    }
    const summary = runnerWith(scene, LLM_SUMMARY.hallucination).state.data!.series;
    expect(Object.keys(byModel(summary, LLM_SUMMARY.hallucination))).toEqual([MINI]);
    expect(Object.keys(byModel(summary, LLM_SUMMARY.latency))).toEqual([MINI]);
    undo();
  });
});
