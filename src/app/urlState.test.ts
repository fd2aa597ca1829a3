import '../testing/jsdomPolyfills';
import { getUrlState, sceneGraph, syncStateFromSearchParams } from '@grafana/scenes';
import { METRIC, QUERY_PARAM, VARIABLE, buildAppUrl, parseAppUrl, variableUrlParam } from '@hybridlens/conventions';
import { resolveSettings } from '../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, settle } from '../testing/sceneTestEnv';
import { buildOverviewScene } from '../pages/overview/overviewPage';
import { buildSlosScene } from '../pages/slos/slosPage';
import { buildSloDetailScene } from '../pages/sloDetail/sloDetailPage';
import { buildProvidersScene } from '../pages/providers/providersPage';
import { SUMMARY } from '../pages/overview/overviewQueries';
import { AlertBanner } from './AlertBanner';

const env = installSceneTestEnv();

function searchOf(url: string): URLSearchParams {
  return new URL(url, 'http://grafana.invalid').searchParams;
}

/** URL → scene state → URL, the way the app does on load and on every change. */
async function roundTrip(build: () => ReturnType<typeof buildOverviewScene>, url: string) {
  const scene = build();
  syncStateFromSearchParams(scene, searchOf(url));
  const undo = activateDataTree(scene);
  await settle(20);
  return { scene, state: getUrlState(scene), undo };
}

describe('URL state', () => {
  beforeEach(() => {
    env.issued.length = 0;
    env.setLabelValues({
      provider: ['ibm', 'braket', 'ionq'],
      route: ['/solve', '/plan'],
      model: ['m1'],
      region: ['eu', 'us'],
    });
  });

  it('Overview: time, datasource, multi-value filters and the alert name survive URL → state → URL', async () => {
    const url = buildAppUrl({
      page: 'overview',
      time: { from: 'now-24h', to: 'now-1h' },
      variables: {
        [VARIABLE.prometheus]: 'other-prometheus',
        [VARIABLE.provider]: ['ibm', 'braket'],
        [VARIABLE.region]: 'eu',
      },
      query: { [QUERY_PARAM.alertName]: 'HybridQuantumHardwareFailures' },
    });
    const { scene, state, undo } = await roundTrip(() => buildOverviewScene(resolveSettings(undefined)), url);
    expect(state).toMatchObject({
      from: 'now-24h',
      to: 'now-1h',
      [variableUrlParam(VARIABLE.prometheus)]: 'other-prometheus',
      [variableUrlParam(VARIABLE.provider)]: ['ibm', 'braket'],
      [variableUrlParam(VARIABLE.region)]: ['eu'],
      [variableUrlParam(VARIABLE.route)]: ['$__all'],
      [QUERY_PARAM.alertName]: 'HybridQuantumHardwareFailures',
    });
    // The state is what the queries see.
    expect(env.issued.every((q) => q.datasourceUid === 'other-prometheus')).toBe(true);
    const spend = env.issued.find((q) => q.refId === SUMMARY.spend)!;
    expect(spend.expr).toContain(`${METRIC.quantumSpend.name}{provider=~"(ibm|braket)"}`);
    expect(env.issued.find((q) => q.refId === SUMMARY.rps)!.expr).toContain('region=~"eu"');
    expect(findAll(scene, AlertBanner)[0]!.state.alertName).toBe('HybridQuantumHardwareFailures');
    // Rebuilding the URL from the state gives the same page state back.
    const again = await roundTrip(
      () => buildOverviewScene(resolveSettings(undefined)),
      `?${new URLSearchParams(flatten(state)).toString()}`
    );
    expect(again.state).toEqual(state);
    again.undo();
    undo();
  });

  it('an alert link opens the page at the alert time (epoch ms) with its labels applied', async () => {
    const from = Date.UTC(2026, 10, 20, 3, 0);
    const to = from + 3600_000;
    const url = buildAppUrl({
      page: 'overview',
      time: { from, to },
      variables: { [VARIABLE.provider]: 'ionq' },
      query: { [QUERY_PARAM.alertName]: 'HybridProviderRateLimited' },
    });
    const { scene, undo } = await roundTrip(() => buildOverviewScene(resolveSettings(undefined)), url);
    const range = sceneGraph.getTimeRange(scene).state.value;
    expect(range.from.valueOf()).toBe(from);
    expect(range.to.valueOf()).toBe(to);
    expect(sceneGraph.lookupVariable(VARIABLE.provider, scene)!.getValue()).toEqual(['ionq']);
    expect(env.issued.find((q) => q.refId === SUMMARY.spend)!.expr).toContain('provider=~"ionq"');
    undo();
  });

  it('defaults fill a bare URL: last 6 hours, configured datasource, every filter on All', async () => {
    const { state, undo } = await roundTrip(
      () => buildOverviewScene(resolveSettings({ prometheusUid: 'other-prometheus' })),
      ''
    );
    expect(state).toMatchObject({
      from: 'now-6h',
      to: 'now',
      'var-prometheus': 'other-prometheus',
      'var-provider': ['$__all'],
    });
    undo();
  });

  it('SLO and Providers pages keep their own variables in the URL', async () => {
    const slos = await roundTrip(
      () => buildSlosScene(resolveSettings(undefined)),
      '?from=now-7d&to=now&var-prometheus=other-prometheus'
    );
    expect(slos.state).toMatchObject({ from: 'now-7d', to: 'now', 'var-prometheus': 'other-prometheus' });
    slos.undo();
    const detail = await roundTrip(() => buildSloDetailScene(resolveSettings(undefined), 'latency'), '');
    expect(detail.state).toMatchObject({ from: 'now-30d', to: 'now' });
    detail.undo();
    const providers = await roundTrip(
      () => buildProvidersScene(resolveSettings(undefined)),
      '?var-provider=braket&var-backend=Garnet'
    );
    expect(providers.state).toMatchObject({ 'var-provider': ['braket'] });
    providers.undo();
  });

  it('in-app links keep time and datasource and parse back to the same page', () => {
    const parsed = parseAppUrl(
      buildAppUrl({ page: 'sloDetail', params: { slo: 'e2e latency' }, time: { from: 'now-1d', to: 'now' } })
    );
    expect(parsed).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'e2e latency' },
      time: { from: 'now-1d', to: 'now' },
    });
  });
});

function flatten(state: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(state).flatMap(([k, v]) =>
    v === undefined || v === null
      ? []
      : Array.isArray(v)
        ? v.map((x) => [k, String(x)] as [string, string])
        : [[k, String(v)] as [string, string]]
  );
}
