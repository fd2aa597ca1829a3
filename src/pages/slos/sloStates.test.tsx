import '../../testing/jsdomPolyfills';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { BURN_RATE_TIERS, LABEL, parseAppUrl } from '@hybridlens/conventions';
import { resolveSettings } from '../../settings/settings';
import { activateDataTree, findAll, installSceneTestEnv, instantFrame, settle } from '../../testing/sceneTestEnv';
import { testIds, uiText } from '../../ui';
import { DataStates } from '../../states/DataStates';
import { buildSlosScene } from './slosPage';
import { SloList } from './SloList';
import { SLO_LIST } from './sloRows';
import { buildSloDetailScene } from '../sloDetail/sloDetailPage';
import { SloStatus } from '../sloDetail/SloStatus';
import { DETAIL_STATUS } from '../sloDetail/sloDetailQueries';
import { buildOverviewScene } from '../overview/overviewPage';
import { FiringAlerts } from '../overview/FiringAlerts';
import { SUMMARY } from '../overview/overviewQueries';

const env = installSceneTestEnv();
const info = (slo: string, sliType: string, playbook?: string) =>
  instantFrame(
    {
      [LABEL.slo]: slo,
      [LABEL.sloService]: 'hybrid',
      [LABEL.sliType]: sliType,
      [LABEL.objective]: '0.99',
      [LABEL.window]: '30d',
      ...(playbook ? { [LABEL.playbook]: playbook } : {}),
    },
    1
  );

async function renderObject<T extends { Component: React.ComponentType<{ model: T }> }>(
  scene: Parameters<typeof activateDataTree>[0],
  object: T
) {
  const undo = activateDataTree(scene);
  await settle(20);
  // Grafana renders app pages inside its router; TextLink needs one.
  const view = render(
    <MemoryRouter>
      <object.Component model={object} />
    </MemoryRouter>
  );
  return { view, undo };
}

describe('honest states on screen', () => {
  it('SLOs page: explains how to generate SLO metadata when Prometheus has none', async () => {
    env.setFrames(() => []);
    const scene = buildSlosScene(resolveSettings(undefined));
    const { undo } = await renderObject(scene, findAll(scene, DataStates)[0]!);
    expect(screen.getByTestId(testIds.states.empty)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.slos.metadataMissing).textContent).toContain('npx hybridlens-slo generate');
    expect(screen.queryByTestId(testIds.slos.table)).toBeNull();
    undo();
  });

  it('SLOs page: one row per SLO, worst budget first, linking to its detail with the time range', async () => {
    env.setFrames((q) => {
      const per = (values: Record<string, number>) =>
        Object.entries(values).map(([slo, v]) => instantFrame({ [LABEL.slo]: slo }, v));
      switch (q.refId) {
        case SLO_LIST.info:
          return [info('latency', 'latency'), info('schema', 'schema_compliance'), info('quiet', 'custom')];
        case SLO_LIST.budget:
          return per({ latency: 0.8, schema: -0.2, quiet: 1 });
        case SLO_LIST.sli:
          return per({ latency: 0.998, schema: 0.98, quiet: 1 });
        case SLO_LIST.events:
          return per({ latency: 1e5, schema: 1e4, quiet: 3 });
        default:
          return [];
      }
    });
    const scene = buildSlosScene(resolveSettings(undefined));
    const { undo } = await renderObject(scene, findAll(scene, SloList)[0]!);
    const rows = screen.getAllByTestId(testIds.slos.row);
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['schema', 'latency', 'quiet']);
    expect(rows[0]!.textContent).toContain('SLO missed');
    expect(rows[2]!.textContent).toContain('too little traffic to judge');
    const href = within(rows[0]!).getByRole('link').getAttribute('href')!;
    expect(parseAppUrl(href)).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'schema' },
      time: { from: 'now-6h', to: 'now' },
    });
    undo();
  });

  it('SLO detail: tier alert states, low traffic and the playbook link', async () => {
    env.setFrames((q) => {
      switch (q.refId) {
        case DETAIL_STATUS.info:
          return [info('quantum', 'quantum_job_success', 'provider-outage')];
        case DETAIL_STATUS.alerts:
          return [instantFrame({ tier: 'page-slow', alertstate: 'firing' }, 1)];
        case DETAIL_STATUS.events:
          return [instantFrame({}, 42)];
        default:
          return [];
      }
    });
    const scene = buildSloDetailScene(resolveSettings(undefined), 'quantum');
    const { undo } = await renderObject(scene, findAll(scene, SloStatus)[0]!);
    const slow = BURN_RATE_TIERS[1];
    expect(screen.getAllByTestId(testIds.sloDetail.tierState).map((e) => e.textContent)).toEqual([
      expect.stringMatching(/^page-fast \(P0, .*: ok$/),
      uiText('slo-detail.tier', { ...slow, state: uiText('slo-detail.tier-state.firing') }),
      expect.stringMatching(/ \(P2, .*: ok$/),
      expect.stringMatching(/ \(P2, .*: ok$/),
    ]);
    expect(slow).toMatchObject({ tier: 'page-slow', severity: 'P1' });
    expect(screen.getByTestId(testIds.sloDetail.lowTraffic).textContent).toContain('42 events');
    // The playbook comes from the SLO's metadata (a spec may override the default of its SLI type).
    expect(parseAppUrl(screen.getByTestId(testIds.sloDetail.playbookLink).getAttribute('href')!)).toMatchObject({
      page: 'playbook',
      params: { playbook: 'provider-outage' },
    });
    undo();
  });

  it('SLO detail: an SLO without metadata says so', async () => {
    env.setFrames(() => []);
    const scene = buildSloDetailScene(resolveSettings(undefined), 'renamed');
    const { undo } = await renderObject(scene, findAll(scene, DataStates)[0]!);
    expect(screen.getByText(uiText('slo-detail.no-metadata.title', { slo: 'renamed' }))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.sloDetail.status)).toBeNull();
    undo();
  });

  it('Overview: firing alerts link to where they are investigated, with the alert name', async () => {
    env.setFrames((q) =>
      q.refId === SUMMARY.alerts
        ? [
            instantFrame(
              {
                alertname: 'HybridQuantumBacklogCritical',
                provider: 'ibm',
                backend: 'ibm_torino',
                alertstate: 'firing',
              },
              1
            ),
          ]
        : []
    );
    const scene = buildOverviewScene(resolveSettings(undefined));
    const { undo } = await renderObject(scene, findAll(scene, FiringAlerts)[0]!);
    const alert = screen.getByTestId(testIds.overview.firingAlert);
    expect(parseAppUrl(within(alert).getByRole('link').getAttribute('href')!)).toMatchObject({
      page: 'providerDetail',
      params: { provider: 'ibm', backend: 'ibm_torino' },
      query: { alertname: 'HybridQuantumBacklogCritical' },
    });
    undo();
  });
});
