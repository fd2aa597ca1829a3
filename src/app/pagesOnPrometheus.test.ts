import '../testing/jsdomPolyfills';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SceneQueryRunner, sceneGraph, syncStateFromSearchParams, type EmbeddedScene } from '@grafana/scenes';
import {
  ALERT,
  LABEL,
  METRIC,
  SLO_SERIES,
  VARIABLE,
  buildAppUrl,
  sloBurnRateSeries,
  sloErrorRatioSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import {
  type RunningPrometheus,
  createBlocksFromOpenMetrics,
  describeWithBinary,
  startPrometheus,
} from '@hybridlens/testkit';
import { resolveSettings } from '../settings/settings';
import { installNodeFetch } from '../testing/nodeFetch';
import { loadScene, prometheusFrames } from '../testing/prometheusScenes';
import { findAll, installSceneTestEnv } from '../testing/sceneTestEnv';
import { buildOverviewScene } from '../pages/overview/overviewPage';
import { SUMMARY, TRENDS } from '../pages/overview/overviewQueries';
import { FiringAlerts } from '../pages/overview/FiringAlerts';
import { buildSlosScene } from '../pages/slos/slosPage';
import { SloList } from '../pages/slos/SloList';
import { buildSloRows } from '../pages/slos/sloRows';
import { buildSloDetailScene } from '../pages/sloDetail/sloDetailPage';
import { SloStatus } from '../pages/sloDetail/SloStatus';
import { DETAIL_STATUS, DETAIL_TRENDS } from '../pages/sloDetail/sloDetailQueries';
import { tierStates } from '../pages/sloDetail/tierStates';
import { samplesOf } from './frames';
import { declaredQueries } from './queryInventory';

/**
 * Every query the pages issue, interpolated by Scenes, answered by the OS package's Prometheus
 * holding a small known history of contract series: checks that the PromQL is valid on a real
 * server and that the tiles compute the right numbers from it.
 */
installNodeFetch();
const env = installSceneTestEnv();

const STEP = 30;
// Longer than the pages' default 6-hour range, so averages over the range see traffic all along.
const HOURS = 7;

const QPU = { route: '/solve', model: 'gpt-4.1-mini', region: 'us-east-1', path: 'qpu' };
const CLASSICAL = { route: '/plan', model: 'm1', region: 'eu', path: 'classical' };

function history(now: number): string {
  const lines: string[] = [];
  const start = now - HOURS * 3600;
  // History runs a few minutes past "now" so rates at "now" are stable while the test runs.
  for (let t = start; t <= now + 300; t += STEP) {
    const s = t - start;
    const series = (name: string, labels: Record<string, string>, value: number) =>
      lines.push(
        `${name}{${Object.entries(labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',')}} ${value} ${t}`
      );
    // Label values with regex metacharacters (`.`, `-`), as real model and region names have.
    series(METRIC.requests.name, { ...QPU, outcome: 'ok' }, 10 * s);
    series(METRIC.requests.name, { ...QPU, outcome: 'error' }, 1 * s);
    series(METRIC.requests.name, { ...CLASSICAL, outcome: 'ok' }, 5 * s);
    // QPU requests land between 0.5 s and 1 s, classical ones under 0.5 s.
    for (const [le, qpu, classical] of [
      ['0.5', 0, 5],
      ['1', 11, 5],
      ['+Inf', 11, 5],
    ] as const) {
      series(`${METRIC.requestDuration.name}_bucket`, { ...QPU, le }, qpu * s);
      series(`${METRIC.requestDuration.name}_bucket`, { ...CLASSICAL, le }, classical * s);
    }
    series(METRIC.quantumJobs.name, { provider: 'ibm', backend: 'ibm_torino', outcome: 'success' }, 9 * s);
    series(METRIC.quantumJobs.name, { provider: 'ibm', backend: 'ibm_torino', outcome: 'error' }, 1 * s);
    // One job every 10 minutes: 3 per 30-minute window, too few to judge a success share.
    series(METRIC.quantumJobs.name, { provider: 'braket', backend: 'Garnet', outcome: 'success' }, Math.floor(s / 600));
    series(METRIC.quantumSpend.name, { provider: 'ibm', backend: 'ibm_torino' }, 0.01 * s);
    series(
      METRIC.fallbacks.name,
      { from_path: 'qpu', to_path: 'simulator', reason: 'queue_saturated', outcome: 'success' },
      0.5 * s
    );
    for (const [slo, sliType, budget, errorRatio, events] of [
      ['latency', 'latency', 0.42, 0.0058, 50000],
      ['schema', 'schema_compliance', -0.2, 0.012, 40000],
      ['custom-x', 'custom', 0.9, 0.001, 12],
    ] as const) {
      series(SLO_SERIES.info, { slo, slo_service: 'hybrid', sli_type: sliType, objective: '0.99', window: '30d' }, 1);
      series(SLO_SERIES.objective, { slo }, 0.99);
      series(SLO_SERIES.errorBudgetRemaining, { slo }, budget);
      series(sloErrorRatioSeries('30d'), { slo }, errorRatio);
      series(sloErrorRatioSeries('1h'), { slo }, errorRatio);
      series(sloEventCountSeries('total', '30d'), { slo }, events);
      series(sloEventCountSeries('bad', '30d'), { slo }, Math.round(events * errorRatio));
      for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const) {
        series(sloBurnRateSeries(w), { slo }, errorRatio / 0.01);
      }
    }
    series(
      'ALERTS',
      { alertname: ALERT.sloBurnRate, alertstate: 'firing', slo: 'schema', tier: 'page-fast', severity: 'P0' },
      1
    );
    series(
      'ALERTS',
      { alertname: ALERT.sloBurnRate, alertstate: 'pending', slo: 'schema', tier: 'ticket-fast', severity: 'P2' },
      1
    );
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

/** Loaded, and every declared query issued exactly once (not once per re-render). */
async function loaded(scene: EmbeddedScene): Promise<() => void> {
  const undo = await loadScene(env, scene);
  expect(env.issued).toHaveLength(declaredQueries(scene).filter((q) => q.kind === 'panel').length);
  return undo;
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'pages against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let work: string;
  const errors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hl-app-prom-'));
    const file = join(work, 'history.om');
    writeFileSync(file, history(Math.floor(Date.now() / 1000)));
    createBlocksFromOpenMetrics(file, join(work, 'data'));
    prom = await startPrometheus({ dataDir: join(work, 'data') });
    env.setFrames(prometheusFrames(prom, errors, STEP));
    env.setLabelValues({
      provider: ['ibm', 'braket'],
      route: [QPU.route, CLASSICAL.route],
      model: [QPU.model, CLASSICAL.model],
      region: [QPU.region, CLASSICAL.region],
      path: [QPU.path, CLASSICAL.path],
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

  it('Overview: every query is valid PromQL and the tiles show the known numbers', async () => {
    const scene = buildOverviewScene(resolveSettings(undefined));
    const undo = await loaded(scene);
    expect(errors).toEqual([]);
    const summary = sceneGraph.getData(findAll(scene, FiringAlerts)[0]!).state.data!.series;
    // Key SLOs: the custom SLO is not one of the three key SLIs.
    expect(
      samplesOf(summary, SUMMARY.keyBudget)
        .map((s) => [s.labels[LABEL.slo], s.value])
        .sort()
    ).toEqual([
      ['latency', 0.42],
      ['schema', -0.2],
    ]);
    expect(samplesOf(summary, SUMMARY.rps)[0]!.value).toBeCloseTo(16, 1);
    expect(samplesOf(summary, SUMMARY.errorRatio)[0]!.value).toBeCloseTo(1 / 16, 3);
    const p95 = samplesOf(summary, SUMMARY.p95)[0]!.value;
    expect(p95).toBeGreaterThan(0.5);
    expect(p95).toBeLessThanOrEqual(1);
    expect(samplesOf(summary, SUMMARY.spend)[0]!.value).toBeCloseTo(0.01 * 6 * 3600, 0);
    expect(samplesOf(summary, SUMMARY.alerts).map((s) => s.labels[LABEL.slo])).toEqual(['schema']);
    const trendsRunner = findAll(scene, SceneQueryRunner).find((r) =>
      r.state.queries.some((q) => q.refId === TRENDS.quantumSuccess)
    )!;
    // braket ran jobs, but never enough in a window to judge: no line (and no NaN) for it.
    const success = trendsRunner.state.data!.series.filter((f) => f.refId === TRENDS.quantumSuccess);
    expect(success).toHaveLength(1);
    expect(success[0]!.fields[1]!.labels).toEqual({ provider: 'ibm' });
    expect(success[0]!.fields[1]!.values.at(-1)).toBeCloseTo(0.9, 3);
    expect(success[0]!.fields[1]!.values.every((v) => Number.isFinite(v))).toBe(true);
    undo();
  });

  it('Overview filters: values with regex metacharacters reach Prometheus as valid PromQL and filter', async () => {
    const url = buildAppUrl({
      page: 'overview',
      variables: { [VARIABLE.model]: QPU.model, [VARIABLE.region]: [QPU.region, 'eu-west-1'], [VARIABLE.path]: 'qpu' },
    });
    const scene = buildOverviewScene(resolveSettings(undefined));
    syncStateFromSearchParams(scene, new URL(url, 'http://grafana.invalid').searchParams);
    const undo = await loaded(scene);
    expect(errors).toEqual([]);
    const rps = env.issued.find((q) => q.refId === SUMMARY.rps)!.expr;
    expect(rps).toContain('model=~"gpt-4\\\\.1-mini"');
    expect(rps).toContain('region=~"(us-east-1|eu-west-1)"');
    const summary = sceneGraph.getData(findAll(scene, FiringAlerts)[0]!).state.data!.series;
    // Only the QPU requests: 11 per second, 1 of them an error.
    expect(samplesOf(summary, SUMMARY.rps)[0]!.value).toBeCloseTo(11, 1);
    expect(samplesOf(summary, SUMMARY.errorRatio)[0]!.value).toBeCloseTo(1 / 11, 3);
    undo();
  });

  it('SLOs page: discovers the SLOs and ranks them by remaining budget', async () => {
    const scene = buildSlosScene(resolveSettings(undefined));
    const undo = await loaded(scene);
    expect(errors).toEqual([]);
    const rows = buildSloRows(sceneGraph.getData(findAll(scene, SloList)[0]!).state.data!.series, 100);
    expect(rows.map((r) => [r.slo, r.state])).toEqual([
      ['schema', 'ok'],
      ['latency', 'ok'],
      ['custom-x', 'lowTraffic'],
    ]);
    expect(rows[1]).toMatchObject({ objective: 0.99, budgetRemaining: 0.42, events: 50000 });
    expect(rows[1]!.sli).toBeCloseTo(1 - 0.0058, 6);
    expect(rows[1]!.burnRate).toBeCloseTo(0.58, 6);
    undo();
  });

  it('SLO detail: budget in events, burn rates per tier and alert states', async () => {
    const scene = buildSloDetailScene(resolveSettings(undefined), 'schema');
    const undo = await loaded(scene);
    expect(errors).toEqual([]);
    const status = sceneGraph.getData(findAll(scene, SloStatus)[0]!).state.data!.series;
    expect(tierStates(status, DETAIL_STATUS.alerts).map((t) => t.state)).toEqual(['firing', 'ok', 'pending', 'ok']);
    const trends = findAll(scene, SceneQueryRunner).find((r) =>
      r.state.queries.some((q) => q.refId === DETAIL_TRENDS.budgetEvents)
    )!;
    const events = trends.state.data!.series.find((f) => f.refId === DETAIL_TRENDS.budgetEvents)!;
    // 1 % of 40 000 events may be bad; 480 were.
    expect(events.fields[1]!.values.at(-1)).toBeCloseTo(0.01 * 40000 - 480, 6);
    undo();
  });
});
