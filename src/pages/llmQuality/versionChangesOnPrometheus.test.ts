import '../../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, METRIC } from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { PromptRollouts } from '@hybridlens/simulator';
import { installNodeFetch } from '../../testing/nodeFetch';
import { prometheusFrames } from '../../testing/prometheusScenes';
import { modelInfoQuery, versionChangeAnnotations, versionChanges } from './versionChanges';

/**
 * The version-change annotations from the page's query, answered by the OS package's Prometheus holding
 * hybrid_llm_model_info as the SDK exposes it (a model's series replaced at each change, no staleness markers
 * in a backfill): each change is found at its time, titled old → new, and nothing else is. The prompt templates
 * follow the simulator's release schedule anchored at the history's end (as a backfill is), one model's version
 * changes for an hour as a drift fault would change it.
 */
installNodeFetch();

const STEP = 30;
const HOURS = 6;
const H = 3600;
const MINI = 'gpt-4.1-mini';
const LLAMA = 'llama-3.1-70b-instruct';
const MINI_VERSIONS = ['mini-2025-04-14', 'mini-2026-09-30'];
/** Seconds after the start of the history in which the drift fault moves MINI to its next version. */
const DRIFT = { from: 2 * H, to: 3 * H };

interface InfoSample {
  model: string;
  modelVersion: string;
  prompt: string;
}

function history(start: number, end: number, at: (s: number) => InfoSample[]): string {
  const lines: string[] = [];
  for (let s = 0; start + s < end; s += STEP) {
    for (const p of at(s)) {
      lines.push(
        `${METRIC.llmModelInfo.name}{${LABEL.model}="${p.model}",${LABEL.modelVersion}="${p.modelVersion}",${LABEL.promptTemplateVersion}="${p.prompt}"} 1 ${start + s}`
      );
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'version changes against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const start = Math.floor(Date.now() / 1000 / 3600) * 3600 - HOURS * 3600;
  const end = start + HOURS * 3600;
  const rollouts = new PromptRollouts(end * 1000);
  const samplesAt = (s: number): InfoSample[] => {
    const prompt = rollouts.versionAt((start + s) * 1000);
    const drifting = s >= DRIFT.from && s < DRIFT.to;
    return [
      { model: MINI, modelVersion: MINI_VERSIONS[drifting ? 1 : 0]!, prompt },
      { model: LLAMA, modelVersion: 'llama-v1:0', prompt },
    ];
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-llm-versions-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(start, end, samplesAt));
    createBlocksFromOpenMetrics(file, join(work, 'data'));
    prom = await startPrometheus({ dataDir: join(work, 'data') });
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    if (work) {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('finds each change at its time, titled old → new, from the page query', async () => {
    const errors: string[] = [];
    const expr = modelInfoQuery().replace(/\$\{?\w+\}?/g, '.*');
    const frames = await prometheusFrames(
      prom,
      errors,
      STEP
    )(
      { datasourceUid: 'prom', refId: 'versions', expr, instant: false },
      { from: (start + 60) * 1000, to: (end - 60) * 1000, intervalMs: 60_000 }
    );
    expect(errors).toEqual([]);
    const changes = versionChanges(frames, 60_000);
    // Range points are 60 s apart from start + 60: each change shows at the first point at or after it.
    const at = (s: number) => (start + 60 + Math.ceil((s - 60) / 60) * 60) * 1000;
    const releases = rollouts.releasesBetween((start + 60) * 1000, (end - 60) * 1000);
    // The schedule releases a prompt template in the last hours of a history.
    expect(releases).toHaveLength(1);
    const words = { model: 'model', prompt: 'prompt template' };
    const expected = [
      { s: DRIFT.from, model: MINI, title: `${MINI}: model ${MINI_VERSIONS[0]} → ${MINI_VERSIONS[1]}` },
      { s: DRIFT.to, model: MINI, title: `${MINI}: model ${MINI_VERSIONS[1]} → ${MINI_VERSIONS[0]}` },
      ...releases.flatMap((r) =>
        [LLAMA, MINI].map((model) => ({
          s: r / 1000 - start,
          model,
          title: `${model}: prompt template ${rollouts.versionAt(r - 1)} → ${rollouts.versionAt(r)}`,
        }))
      ),
    ].sort((a, b) => a.s - b.s || a.model.localeCompare(b.model));
    expect(changes.map((c) => ({ time: c.time, model: c.model }))).toEqual(
      expected.map((e) => ({ time: at(e.s), model: e.model }))
    );
    const frame = versionChangeAnnotations(changes, words);
    expect(frame.fields.find((f) => f.name === 'title')!.values).toEqual(expected.map((e) => e.title));
  });
});
