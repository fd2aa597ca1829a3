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
import { installNodeFetch } from '../../testing/nodeFetch';
import { prometheusFrames } from '../../testing/prometheusScenes';
import { modelInfoQuery, versionChangeAnnotations, versionChanges } from './versionChanges';

/**
 * The version-change annotations from the page's query, answered by the OS package's Prometheus holding
 * hybrid_llm_model_info as the SDK exposes it (a model's series replaced at each change, no staleness markers
 * in a backfill): each change is found at its time, titled old → new, and nothing else is.
 */
installNodeFetch();

const STEP = 30;
const HOURS = 6;
const MINI = 'gpt-4.1-mini';
const LLAMA = 'llama-3.1-70b-instruct';

interface Period {
  model: string;
  modelVersion: string;
  prompt: string;
  /** Seconds after the start of the history. */
  from: number;
  to: number;
}

function history(start: number, periods: readonly Period[]): string {
  const lines: string[] = [];
  for (const p of periods) {
    for (let s = p.from; s < p.to; s += STEP) {
      lines.push(
        `${METRIC.llmModelInfo.name}{${LABEL.model}="${p.model}",${LABEL.modelVersion}="${p.modelVersion}",${LABEL.promptTemplateVersion}="${p.prompt}"} 1 ${start + s}`
      );
    }
  }
  lines.sort((a, b) => Number(a.split(' ').at(-1)) - Number(b.split(' ').at(-1)));
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'version changes against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const start = Math.floor(Date.now() / 1000 / 3600) * 3600 - HOURS * 3600;
  const end = start + HOURS * 3600;
  const H = 3600;
  const periods: Period[] = [
    { model: MINI, modelVersion: 'mini-2025-04-14', prompt: 'v7', from: 0, to: 2 * H },
    { model: MINI, modelVersion: 'mini-2025-04-14', prompt: 'v8', from: 2 * H, to: 4 * H },
    // A rollback: the first pair of versions again, the same series after a gap.
    { model: MINI, modelVersion: 'mini-2025-04-14', prompt: 'v7', from: 4 * H, to: HOURS * H },
    { model: LLAMA, modelVersion: 'llama-v1:0', prompt: 'v7', from: 0, to: 3 * H },
    { model: LLAMA, modelVersion: 'llama-v1:1', prompt: 'v7', from: 3 * H, to: HOURS * H },
  ];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-llm-versions-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(start, periods));
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
    expect(changes.map((c) => ({ time: c.time, model: c.model }))).toEqual([
      { time: at(2 * H), model: MINI },
      { time: at(3 * H), model: LLAMA },
      { time: at(4 * H), model: MINI },
    ]);
    const frame = versionChangeAnnotations(changes, { model: 'model', prompt: 'prompt template' });
    expect(frame.fields.find((f) => f.name === 'title')!.values).toEqual([
      `${MINI}: prompt template v7 → v8`,
      `${LLAMA}: model llama-v1:0 → llama-v1:1`,
      `${MINI}: prompt template v8 → v7`,
    ]);
  });
});
