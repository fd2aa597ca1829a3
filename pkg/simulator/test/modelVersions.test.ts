import { LABEL, METRIC } from '@hybridlens/conventions';
import { createTelemetry } from '@hybridlens/instrument';
import { DEFAULT_TOPOLOGY, FAULT_KIND, HybridSimulator, PROMPT_ROLLOUT_PERIOD_MS, promptRolloutsBetween } from '../src';

const STEP = 60_000;
/** 00:00 UTC: the first prompt rollout of the day is at 01:00. */
const START = Date.parse('2026-11-20T00:00:00Z');

interface InfoSeries {
  model: string;
  modelVersion: string;
  promptTemplateVersion: string;
}

/** Steps the simulator minute by minute and records hybrid_llm_model_info after each step, keyed by step start. */
async function versionsByStep(faults: ConstructorParameters<typeof HybridSimulator>[0]['faults'], minutes: number) {
  const telemetry = createTelemetry({ serviceName: 'versions', logSink: () => true });
  // A quiet world: only the info gauge matters here.
  const sim = new HybridSimulator({ telemetry, seed: 5, faults, loadFactor: 0.01 });
  const out: Array<{ from: number; series: InfoSeries[] }> = [];
  for (let i = 0; i < minutes; i++) {
    const from = START + i * STEP;
    sim.step(from, from + STEP);
    const info = (await telemetry.registry.getMetricsAsJSON()).find((m) => m.name === METRIC.llmModelInfo.name);
    const series = (info?.values ?? []).map((v) => ({
      model: String(v.labels[LABEL.model]),
      modelVersion: String(v.labels[LABEL.modelVersion]),
      promptTemplateVersion: String(v.labels[LABEL.promptTemplateVersion]),
    }));
    out.push({ from, series });
  }
  await telemetry.shutdown();
  return out;
}

/** The step starts at which some model's series changed from the step before. */
function changes(steps: Array<{ from: number; series: InfoSeries[] }>, pick: (s: InfoSeries) => string): number[] {
  const key = (series: InfoSeries[]) =>
    series
      .map((s) => `${s.model}=${pick(s)}`)
      .sort()
      .join(',');
  return steps.filter((s, i) => i > 0 && key(s.series) !== key(steps[i - 1]!.series)).map((s) => s.from);
}

describe('model and prompt-template versions (hybrid_llm_model_info)', () => {
  it('has one series per model of the topology, valued 1', async () => {
    const [first] = await versionsByStep([], 1);
    expect(first!.series.map((s) => s.model).sort()).toEqual(DEFAULT_TOPOLOGY.models.map((m) => m.model).sort());
  });

  it('changes the prompt template version at its scheduled rollout and at no other time', async () => {
    const minutes = 6 * 60;
    const scheduled = promptRolloutsBetween(START + STEP, START + minutes * STEP);
    expect(scheduled.length).toBeGreaterThanOrEqual(Math.floor((minutes * STEP) / PROMPT_ROLLOUT_PERIOD_MS));
    const steps = await versionsByStep([], minutes);
    expect(changes(steps, (s) => s.promptTemplateVersion)).toEqual(scheduled);
    expect(changes(steps, (s) => s.modelVersion)).toEqual([]);
  });

  it('switches a model to its next release while a drift fault is on it, and back after', async () => {
    const model = DEFAULT_TOPOLOGY.models.find((m) => m.responseModels.length > 1)!;
    const faultStart = START + 30 * STEP;
    const faultEnd = faultStart + 20 * STEP;
    const steps = await versionsByStep(
      [
        {
          kind: FAULT_KIND.llmHallucination,
          model: model.model,
          start: faultStart,
          end: faultEnd,
          intensity: 0.3,
          origin: 'test',
        },
      ],
      60
    );
    expect(changes(steps, (s) => s.modelVersion)).toEqual([faultStart, faultEnd]);
    const during = steps.find((s) => s.from === faultStart)!.series.find((s) => s.model === model.model)!;
    expect(during.modelVersion).toBe(model.responseModels[1]);
  });
});
