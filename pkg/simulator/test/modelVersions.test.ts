import { LABEL, METRIC } from '@hybridlens/conventions';
import { createTelemetry } from '@hybridlens/instrument';
import {
  DEFAULT_TOPOLOGY,
  FAULT_KIND,
  HybridSimulator,
  PROMPT_LATEST_RELEASE_LEAD_MS,
  PROMPT_RELEASE_INTERVAL_MS,
  PROMPT_TEMPLATE_VERSION_AT_ANCHOR,
  PromptRollouts,
} from '../src';

const STEP = 60_000;
const START = Date.parse('2026-11-20T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface InfoSeries {
  model: string;
  modelVersion: string;
  promptTemplateVersion: string;
}

/** Steps the simulator minute by minute and records hybrid_llm_model_info after each step, keyed by step start. */
async function versionsByStep(
  faults: ConstructorParameters<typeof HybridSimulator>[0]['faults'],
  minutes: number,
  promptRolloutAnchor?: number
) {
  const telemetry = createTelemetry({ serviceName: 'versions', logSink: () => true });
  // A quiet world: only the info gauge matters here.
  const sim = new HybridSimulator({
    telemetry,
    seed: 5,
    faults,
    loadFactor: 0.01,
    ...(promptRolloutAnchor !== undefined ? { promptRolloutAnchor } : {}),
  });
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

  it('a run anchored at its end changes the prompt template at the scheduled release and at no other time', async () => {
    const minutes = 6 * 60;
    const end = START + minutes * STEP;
    const releases = new PromptRollouts(end).releasesBetween(START + STEP, end);
    // The latest release goes out a couple of hours before the anchor: inside any window of the run's last hours.
    expect(releases).toEqual([end - PROMPT_LATEST_RELEASE_LEAD_MS]);
    const steps = await versionsByStep([], minutes, end);
    expect(changes(steps, (s) => s.promptTemplateVersion)).toEqual(releases);
    expect(changes(steps, (s) => s.modelVersion)).toEqual([]);
    const last = steps.at(-1)!.series.map((s) => s.promptTemplateVersion);
    expect(new Set(last)).toEqual(new Set([`v${PROMPT_TEMPLATE_VERSION_AT_ANCHOR}`]));
  });

  it('releases twice a week, one version up each time, so a week of history holds at most three versions', () => {
    const anchor = START + 7 * DAY;
    const rollouts = new PromptRollouts(anchor);
    const releases = rollouts.releasesBetween(anchor - 7 * DAY, anchor + 7 * DAY);
    expect(releases.length).toBe(Math.floor((14 * DAY) / PROMPT_RELEASE_INTERVAL_MS));
    releases.slice(1).forEach((t, i) => expect(t - releases[i]!).toBe(PROMPT_RELEASE_INTERVAL_MS));
    expect(PROMPT_RELEASE_INTERVAL_MS).toBeGreaterThanOrEqual(3 * DAY);
    for (const t of releases) {
      const before = Number(rollouts.versionAt(t - 1).slice(1));
      expect(rollouts.versionAt(t)).toBe(`v${before + 1}`);
    }
    const week = new Set(Array.from({ length: 7 * 24 }, (_, h) => rollouts.versionAt(anchor - 7 * DAY + h * HOUR)));
    expect(week.size).toBeLessThanOrEqual(3);
  });

  it('a live run started after a backfill agrees with it on the version in force where they meet', () => {
    const backfillEnd = START;
    const history = new PromptRollouts(backfillEnd);
    for (const lateBy of [0, 5 * 60_000, 3 * HOUR]) {
      const liveStart = backfillEnd + lateBy;
      expect(new PromptRollouts(liveStart).versionAt(liveStart)).toBe(history.versionAt(backfillEnd - 1));
    }
  });

  it('a live run anchors at its first step when given no anchor', async () => {
    const steps = await versionsByStep([], 3);
    const first = steps[0]!.series.map((s) => s.promptTemplateVersion);
    expect(new Set(first)).toEqual(new Set([new PromptRollouts(START).versionAt(START)]));
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
