import '../../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SceneQueryRunner, syncStateFromSearchParams } from '@grafana/scenes';
import {
  ALERT,
  LABEL,
  METRIC,
  PLAYBOOK,
  PROMETHEUS_ALERTS,
  SLO_SERIES,
  VARIABLE,
  buildAppUrl,
} from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { resolveSettings } from '../../settings/settings';
import { installNodeFetch } from '../../testing/nodeFetch';
import { loadScene, prometheusFrames } from '../../testing/prometheusScenes';
import { findAll, installSceneTestEnv } from '../../testing/sceneTestEnv';
import { buildPlaybooksScene } from '../playbooks/playbooksPage';
import { checkResult } from './checkResults';
import { PLAYBOOK_ORDER, playbookCatalog } from './playbookCatalog';
import { buildPlaybookScene } from './playbookPage';
import { playbookChecks } from './playbookQueries';
import { firingFor } from './playbookRouting';
import { MITIGATIONS_REF } from './mitigationsInForce';

/**
 * Every playbook's live checks against the OS package's Prometheus with a known history: the PromQL is
 * valid, the checks hold where the history says so, and the provider / backend / model in the URL scope them.
 */
installNodeFetch();
const env = installSceneTestEnv();
const ctx = resolveSettings(undefined);
const catalog = playbookCatalog(ctx.settings.thresholds);

/** The checks' runner (the degraded banner has its own). */
function checksRunner(scene: Parameters<typeof findAll>[0]): SceneQueryRunner {
  return findAll(scene, SceneQueryRunner).find((r) => !r.state.queries.some((q) => q.refId === MITIGATIONS_REF))!;
}

const STEP = 30;
const HOURS = 3;
const CRITICAL = ctx.settings.thresholds.queueLengthCritical;

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
    // ibm's queue is saturated, braket's is not.
    series(METRIC.quantumQueueLength.name, { provider: 'ibm', backend: 'ibm_torino' }, CRITICAL * 2);
    series(METRIC.quantumQueueLength.name, { provider: 'braket', backend: 'Garnet' }, 3);
    series(METRIC.providerRateLimitRemaining.name, { provider: 'ibm' }, 0);
    series(METRIC.providerRateLimitRemaining.name, { provider: 'braket' }, 500);
    series(METRIC.providerAvailable.name, { provider: 'ibm', backend: 'ibm_torino' }, 1);
    series(METRIC.providerAvailable.name, { provider: 'braket', backend: 'Garnet' }, 1);
    series(METRIC.providerRateLimited.name, { provider: 'ibm' }, 0.1 * s);
    // Model names with regex metacharacters: gpt-4.1-mini drifts, llama does not.
    for (const [model, fail] of [
      ['gpt-4.1-mini', 0.2],
      ['llama-3.1-70b', 0.01],
    ] as const) {
      series(METRIC.llmValidations.name, { model, validator: 'hallucination', result: 'fail' }, fail * s);
      series(METRIC.llmValidations.name, { model, validator: 'hallucination', result: 'pass' }, (1 - fail) * s);
    }
    series(SLO_SERIES.info, { slo: 'queue', sli_type: 'queueing', playbook: PLAYBOOK.queueSaturation }, 1);
    series(SLO_SERIES.info, { slo: 'schema', sli_type: 'schema_compliance', playbook: PLAYBOOK.llmDrift }, 1);
    series(
      PROMETHEUS_ALERTS.series,
      { alertname: ALERT.quantumBacklogCritical, alertstate: 'firing', provider: 'ibm', backend: 'ibm_torino' },
      1
    );
    series(PROMETHEUS_ALERTS.series, { alertname: ALERT.sloBurnRate, alertstate: 'firing', slo: 'schema' }, 1);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'playbook pages against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const errors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-playbook-prom-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(Math.floor(Date.now() / 1000)));
    createBlocksFromOpenMetrics(file, join(work, 'data'));
    prom = await startPrometheus({ dataDir: join(work, 'data') });
    env.setFrames(prometheusFrames(prom, errors, STEP));
    env.setLabelValues({
      provider: ['ibm', 'braket'],
      backend: ['ibm_torino', 'Garnet'],
      model: ['gpt-4.1-mini', 'llama-3.1-70b'],
    });
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    env.issued.length = 0;
    errors.length = 0;
  });

  const framesOf = (scene: ReturnType<typeof buildPlaybookScene>) => checksRunner(scene).state.data!.series;

  it.each(PLAYBOOK_ORDER)('%s: every live check is valid PromQL on a real Prometheus', async (playbook) => {
    const scene = buildPlaybookScene(ctx, playbook);
    const undo = await loadScene(env, scene);
    expect(errors).toEqual([]);
    // The checks, the two routing queries and the degraded banner's query.
    expect(env.issued.length).toBe(playbookChecks(catalog[playbook]).length + 3);
    undo();
  });

  it('playbook A: queue length and rate limit hold for the saturated provider, with all providers in scope', async () => {
    const scene = buildPlaybookScene(ctx, PLAYBOOK.queueSaturation);
    const undo = await loadScene(env, scene);
    const frames = framesOf(scene);
    const checks = playbookChecks(catalog[PLAYBOOK.queueSaturation]);
    const queue = checkResult(
      frames,
      checks.find((c) => c.id === 'queueLength')!
    );
    expect(queue.state).toBe('holds');
    expect(queue.rows.map((r) => [r.subject, r.value, r.holds])).toEqual([
      ['IBM Quantum / ibm_torino', CRITICAL * 2, true],
      ['Amazon Braket / Garnet', 3, false],
    ]);
    expect(
      checkResult(
        frames,
        checks.find((c) => c.id === 'rateLimitRemaining')!
      ).state
    ).toBe('holds');
    expect(
      checkResult(
        frames,
        checks.find((c) => c.id === 'providerAvailable')!
      ).state
    ).toBe('clear');
    const limited = checkResult(
      frames,
      checks.find((c) => c.id === 'rateLimited')!
    );
    expect(limited.rows[0]!.value).toBeCloseTo(0.1 * 600, 0);
    // The firing backlog alert leads here; the burn-rate alert of the schema SLO does not.
    expect(firingFor(frames, PLAYBOOK.queueSaturation).map((a) => [a.alertname, a.subject])).toEqual([
      [ALERT.quantumBacklogCritical, 'IBM Quantum / ibm_torino'],
    ]);
    expect(firingFor(frames, PLAYBOOK.llmDrift).map((a) => a.alertname)).toEqual([ALERT.sloBurnRate]);
    undo();
  });

  it('playbook A scoped to one provider from the URL: the checks see only that provider', async () => {
    const scene = buildPlaybookScene(ctx, PLAYBOOK.queueSaturation);
    const url = buildAppUrl({
      page: 'playbook',
      params: { playbook: PLAYBOOK.queueSaturation },
      variables: { [VARIABLE.provider]: 'braket' },
    });
    syncStateFromSearchParams(scene, new URL(url, 'http://grafana.invalid').searchParams);
    const undo = await loadScene(env, scene);
    expect(errors).toEqual([]);
    const checkQueries = env.issued.filter((q) => q.expr.includes(METRIC.quantumQueueLength.name));
    expect(checkQueries[0]!.expr).toContain(`${LABEL.provider}=~"braket"`);
    const checks = playbookChecks(catalog[PLAYBOOK.queueSaturation]);
    const frames = framesOf(scene);
    const queue = checkResult(
      frames,
      checks.find((c) => c.id === 'queueLength')!
    );
    expect(queue.state).toBe('clear');
    expect(queue.rows.map((r) => r.subject)).toEqual(['Amazon Braket / Garnet']);
    expect(
      checkResult(
        frames,
        checks.find((c) => c.id === 'rateLimited')!
      ).state
    ).toBe('noData');
    undo();
  });

  it('playbook C scoped to a model: the hallucination check holds for the drifting model only', async () => {
    for (const [model, state] of [
      ['gpt-4.1-mini', 'holds'],
      ['llama-3.1-70b', 'clear'],
    ] as const) {
      env.issued.length = 0;
      const scene = buildPlaybookScene(ctx, PLAYBOOK.llmDrift);
      const url = buildAppUrl({
        page: 'playbook',
        params: { playbook: PLAYBOOK.llmDrift },
        variables: { [VARIABLE.model]: model },
      });
      syncStateFromSearchParams(scene, new URL(url, 'http://grafana.invalid').searchParams);
      const undo = await loadScene(env, scene);
      expect(errors).toEqual([]);
      const check = playbookChecks(catalog[PLAYBOOK.llmDrift]).find((c) => c.id === 'hallucination')!;
      const result = checkResult(framesOf(scene), check);
      expect(result.state).toBe(state);
      expect(result.rows.map((r) => r.subject)).toEqual([model]);
      undo();
    }
  });

  it('the list page reads the SLO playbook labels and the firing alerts', async () => {
    const scene = buildPlaybooksScene(ctx);
    const undo = await loadScene(env, scene);
    expect(errors).toEqual([]);
    const frames = checksRunner(scene).state.data!.series;
    expect(firingFor(frames, PLAYBOOK.queueSaturation)).toHaveLength(1);
    expect(firingFor(frames, PLAYBOOK.quantumErrors)).toHaveLength(0);
    undo();
  });
});
