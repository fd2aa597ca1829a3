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
import {
  DEFAULT_TOPOLOGY,
  FAULT_KIND,
  type ScheduledFault,
  backfill,
  importOpenMetrics,
  modelVersionAt,
  PromptRollouts,
} from '@hybridlens/simulator';
import { FaultEngine } from '@hybridlens/simulator/src/faultEngine';
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
import { DEGRADED_FALLBACK_SHARE, FALLBACKS_REF, fallbackDegradedFromFrames } from './fallbacksDegraded';
import { DegradedBanner } from './DegradedBanner';

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
    // The checks, the two routing queries and the degraded banner's two (mitigations, fallbacks).
    expect(env.issued.length).toBe(playbookChecks(catalog[playbook]).length + 4);
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

/**
 * Playbook C's "what changed" checks and the degraded banner's fallbacks on the simulator's own history: a drift
 * on one model (the simulator moves its model version while the fault lasts), the prompt-template rollouts of
 * its schedule, and every QPU provider down for the last hour (requests fall back to the simulator). What the
 * page must say is derived from the simulator's schedule functions, not written down.
 */
describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'playbook C and the degraded banner on simulator history',
  () => {
    const HOUR = 3_600_000;
    const STEP_S = 60;
    const DRIFTING = 'gpt-4.1-mini';
    /** The checks' change window, in ms (6h). */
    const WINDOW = 6 * HOUR;
    let prom: RunningPrometheus;
    let work: string;
    const errors: string[] = [];
    let end = 0;
    let faults: ScheduledFault[] = [];

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'hl-playbook-sim-'));
      // The rollouts hang on the history's end (its latest release a couple of hours before it), so no release
      // sits on an edge of the 6 h change window.
      end = Math.floor(Date.now() / (10 * 60_000)) * 10 * 60_000;
      faults = [
        {
          kind: FAULT_KIND.llmHallucination,
          model: DRIFTING,
          start: end - 4 * HOUR,
          end: end - 2 * HOUR,
          intensity: 1,
          origin: 'test',
        },
        { kind: FAULT_KIND.providerOutage, start: end - HOUR, end: end + HOUR, intensity: 1, origin: 'test' },
      ];
      const result = await backfill({
        days: (WINDOW + HOUR) / (24 * HOUR),
        end,
        out: join(work, 'history'),
        stepSeconds: STEP_S,
        scenario: { faults },
        calibration: false,
        tracesPerHour: 0,
        metrics: [METRIC.llmModelInfo.name, METRIC.fallbacks.name, METRIC.requests.name],
      });
      end = result.end;
      await importOpenMetrics(result.metricsFiles, join(work, 'data'));
      prom = await startPrometheus({ dataDir: join(work, 'data') });
      env.setFrames(prometheusFrames(prom, errors, STEP_S));
      env.setLabelValues({ model: DEFAULT_TOPOLOGY.models.map((m) => m.model) });
    }, 240_000);

    afterAll(async () => {
      await prom?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    beforeEach(() => {
      env.issued.length = 0;
      errors.length = 0;
    });

    /** Playbook C (or any) at a range ending at the end of the history. */
    async function load(playbook: (typeof PLAYBOOK)[keyof typeof PLAYBOOK]) {
      const scene = buildPlaybookScene(ctx, playbook);
      const url = buildAppUrl({ page: 'playbook', params: { playbook } });
      const params = new URL(url, 'http://grafana.invalid').searchParams;
      params.set('from', String(end - 6 * HOUR));
      params.set('to', String(end));
      syncStateFromSearchParams(scene, params);
      const undo = await loadScene(env, scene);
      expect(errors).toEqual([]);
      return { scene, undo };
    }

    /** What the simulator served in the change window before `at`, sampled at every step of the history. */
    function servedIn(at: number, version: (model: (typeof DEFAULT_TOPOLOGY.models)[number], t: number) => string) {
      const served = new Map<string, Set<string>>();
      for (let t = at - WINDOW + STEP_S * 1000; t <= at; t += STEP_S * 1000) {
        for (const m of DEFAULT_TOPOLOGY.models) {
          served.set(m.model, (served.get(m.model) ?? new Set()).add(version(m, t)));
        }
      }
      return served;
    }

    it("playbook C: the model-version and prompt-template checks count what the simulator's schedule served", async () => {
      const { scene, undo } = await load(PLAYBOOK.llmDrift);
      const checks = playbookChecks(catalog[PLAYBOOK.llmDrift]);
      const engine = new FaultEngine(faults);
      // The backfill anchors the prompt releases at the history's end (modelVersions.ts).
      const rollouts = new PromptRollouts(end);
      const expected = {
        modelVersions: servedIn(end, (m, t) => modelVersionAt(m, t, engine)),
        promptVersions: servedIn(end, (_m, t) => rollouts.versionAt(t)),
      };
      // The drift moved one model's version and back; the other kept its own.
      expect(expected.modelVersions.get(DRIFTING)!.size).toBe(2);
      for (const [id, served] of Object.entries(expected)) {
        const result = checkResult(
          checksRunner(scene).state.data!.series,
          checks.find((c) => c.id === id)!
        );
        const rows = Object.fromEntries(result.rows.map((r) => [r.subject, [r.value, r.holds]]));
        expect({ id, rows }).toEqual({
          id,
          rows: Object.fromEntries([...served].map(([model, versions]) => [model, [versions.size, versions.size > 1]])),
        });
      }
      // Both checks are on the step that asks to find the change, and the prompt one on the metrics step too.
      const steps = catalog[PLAYBOOK.llmDrift].steps;
      expect(steps.find((s) => s.key === 'trace')!.checks.map((c) => c.id)).toEqual([
        'modelVersions',
        'promptVersions',
      ]);
      expect(steps.find((s) => s.key === 'metrics')!.checks.map((c) => c.id)).toContain('promptVersions');
      undo();
    });

    it('the degraded banner says requests fall back since the outage began, without any mitigation', async () => {
      const { scene, undo } = await load(PLAYBOOK.providerOutage);
      const banner = findAll(scene, DegradedBanner)[0]!;
      const data = findAll(banner, SceneQueryRunner)[0]!.state.data!;
      expect(data.series.filter((f) => f.refId === MITIGATIONS_REF)).toEqual([]);
      expect(data.series.some((f) => f.refId === FALLBACKS_REF)).toBe(true);
      const degraded = fallbackDegradedFromFrames(data.series, end, 0);
      const outage = faults.find((f) => f.kind === FAULT_KIND.providerOutage)!;
      expect(degraded).toBeDefined();
      // The first window past the share is after the outage began (the fault-free hours before stay under it), and
      // within the window's length of it.
      expect(degraded!.since).toBeGreaterThan(outage.start);
      expect(degraded!.since).toBeLessThanOrEqual(outage.start + 10 * 60_000);
      expect(degraded!.share).toBeGreaterThan(DEGRADED_FALLBACK_SHARE);
      undo();
    });
  }
);
