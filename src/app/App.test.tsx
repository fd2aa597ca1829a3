import '../testing/jsdomPolyfills';
import React, { useLayoutEffect, useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Route, Router, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { LocationServiceProvider, type PluginPageProps, locationService } from '@grafana/runtime';
import { APP_BASE_PATH, PAGE, buildAppUrl, parseAppUrl } from '@hybridlens/conventions';
import { installSceneTestEnv } from '../testing/sceneTestEnv';
import { testIds } from '../ui';
import { backendDisplayName } from '../ui/providerNames';
import App from './App';

installSceneTestEnv();
// Whole pages render here; on a loaded shared machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

// Grafana's page chrome: title and breadcrumbs are what a user sees of the routing.
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ pageNav, children }: PluginPageProps) => (
    <div>
      <h1 data-testid="page-title">{pageNav?.text}</h1>
      <span data-testid="page-parent">{pageNav?.parentItem?.text}</span>
      {children}
    </div>
  ),
}));

const meta = { id: 'hybridlens-observability-app', jsonData: {} } as unknown as AppRootProps['meta'];

/** Grafana's router: react-router v6 driven by locationService's history (a history v4 object). */
function LocationRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      {children}
    </Router>
  );
}

function renderAt(url: string) {
  locationService.push(url);
  return render(
    <LocationServiceProvider service={locationService}>
      <LocationRouter>
        {/* Grafana mounts an app's root page under /a/<app-id>/*; page routes are relative to it. */}
        <Routes>
          <Route path={`${APP_BASE_PATH}/*`} element={<App meta={meta} />} />
        </Routes>
      </LocationRouter>
    </LocationServiceProvider>
  );
}

const current = () => parseAppUrl(`${locationService.getLocation().pathname}${locationService.getLocation().search}`);

describe('App routing', () => {
  it('serves each navigation page at its contract route', async () => {
    for (const page of ['overview', 'lifecycle', 'providers', 'slos', 'llmQuality', 'playbooks'] as const) {
      const view = renderAt(buildAppUrl({ page }));
      await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent(PAGE[page].title));
      view.unmount();
    }
  });

  it('serves drilldowns with their parent as breadcrumb and their path parameters', async () => {
    let view = renderAt(buildAppUrl({ page: 'sloDetail', params: { slo: 'e2e-latency' } }));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('SLO: e2e-latency'));
    expect(screen.getByTestId('page-parent')).toHaveTextContent(PAGE.slos.title);
    view.unmount();
    view = renderAt(buildAppUrl({ page: 'providerDetail', params: { provider: 'ibm', backend: 'ibm_torino' } }));
    await waitFor(() =>
      expect(screen.getByTestId('page-title')).toHaveTextContent(backendDisplayName('ibm', 'ibm_torino'))
    );
    expect(screen.getByTestId('page-parent')).toHaveTextContent(PAGE.providers.title);
    view.unmount();
    view = renderAt(buildAppUrl({ page: 'quantumJob', params: { jobId: 'd1ab-42' } }));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Quantum job d1ab-42'));
    expect(screen.getByTestId('page-parent')).toHaveTextContent(PAGE.quantumJob.title);
    view.unmount();
  });

  it('redirects legacy routes keeping parameters, and the app root to the Overview', async () => {
    let view = renderAt(`${APP_BASE_PATH}/slo/e2e-latency?from=now-2h&to=now&alertname=HybridSLOBurnRate`);
    await waitFor(() => expect(screen.getByTestId(testIds.alertBanner)).toHaveTextContent('HybridSLOBurnRate'));
    expect(current()).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'e2e-latency' },
      time: { from: 'now-2h', to: 'now' },
      query: { alertname: 'HybridSLOBurnRate' },
    });
    view.unmount();
    view = renderAt(APP_BASE_PATH);
    await waitFor(() => expect(current()?.page).toBe('overview'));
    view.unmount();
  });

  it('writes page state into the URL on load and restores it on back / forward', async () => {
    const view = renderAt(buildAppUrl({ page: 'overview', time: { from: 'now-1h', to: 'now' } }));
    // Defaults are written to the URL so a shared link reproduces the screen.
    await waitFor(() =>
      expect(current()).toMatchObject({
        time: { from: 'now-1h', to: 'now' },
        variables: { prometheus: ['hybridlens-prometheus'] },
      })
    );
    act(() => locationService.push(buildAppUrl({ page: 'slos', time: { from: 'now-7d', to: 'now' } })));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent(PAGE.slos.title));
    act(() => locationService.getHistory().goBack());
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent(PAGE.overview.title));
    expect(current()?.time).toEqual({ from: 'now-1h', to: 'now' });
    act(() => locationService.getHistory().goForward());
    await waitFor(() => expect(current()).toMatchObject({ page: 'slos', time: { from: 'now-7d', to: 'now' } }));
    view.unmount();
  });

  it('reports a path no page serves', async () => {
    const view = renderAt(`${APP_BASE_PATH}/nope`);
    await waitFor(() => expect(screen.getByTestId(testIds.notFound)).toBeInTheDocument());
    view.unmount();
  });
});
