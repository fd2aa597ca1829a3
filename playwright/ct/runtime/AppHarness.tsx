import React, { Suspense, lazy, useLayoutEffect, useState } from 'react';
import { type AppPluginMeta, type AppRootProps, PluginType } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Route, Router, Routes, useLocation } from 'react-router-dom';
import { APP_BASE_PATH, APP_ID, APP_NAME, type PageId } from '@hybridlens/conventions';
import { plugin } from '../../../src/module';
import { harnessTestIds } from './harnessTestIds';

// Loaded lazily, like the app itself, so the app's code stays in its own chunk (the load-error test blocks it).
const AppWithBrokenPage = lazy(() => import('../faults/AppWithBrokenPage'));

function appMeta(jsonData: Record<string, unknown>): AppPluginMeta {
  return {
    id: APP_ID,
    name: APP_NAME,
    type: PluginType.app,
    module: '',
    baseUrl: '',
    enabled: true,
    jsonData,
    info: {
      author: { name: 'Hybrid Lens' },
      description: '',
      links: [],
      logos: { small: '', large: '' },
      screenshots: [],
      updated: '',
      version: 'harness',
    },
  };
}

function AppRoot({ jsonData }: { jsonData: Record<string, unknown> }) {
  const Root = plugin.root as React.ComponentType<AppRootProps> | undefined;
  const location = useLocation();
  if (!Root) {
    throw new Error('src/module.tsx registers no root page (AppPlugin.setRootPage)');
  }
  return (
    <Root
      meta={appMeta(jsonData)}
      basename={APP_BASE_PATH}
      path={APP_BASE_PATH}
      query={Object.fromEntries(new URLSearchParams(location.search))}
      onNavChanged={() => {}}
    />
  );
}

function OutsideApp() {
  const location = useLocation();
  return <div data-testid={harnessTestIds.outsideApp}>Navigated outside the app: {location.pathname}</div>;
}

type RouterLocation = React.ComponentProps<typeof Router>['location'];

/** A react-router v6 Router on Grafana's location service history (history v4 shape, so no HistoryRouter). */
function GrafanaRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState<RouterLocation>(history.location);
  useLayoutEffect(() => history.listen((next: RouterLocation) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      {children}
    </Router>
  );
}

export interface AppHarnessProps {
  /**
   * Where the page opens, e.g. `/a/<app>/overview?from=now-6h&to=now` (built with buildAppUrl).
   * Omitted: the URL the browser is at, as after a reload.
   */
  url?: string;
  jsonData?: Record<string, unknown>;
  /** Fault injection: this page throws while rendering, with this message. */
  brokenPage?: { page: PageId; message: string };
}

/** The app plugin as Grafana mounts it under /a/<app id>/, opened at `url`. */
export function AppHarness({ url, jsonData = {}, brokenPage }: AppHarnessProps) {
  const [ready] = useState(() => {
    if (url !== undefined) {
      locationService.replace(url);
    }
    return true;
  });
  return ready ? (
    <GrafanaRouter>
      <Routes>
        <Route
          path={`${APP_BASE_PATH}/*`}
          element={
            brokenPage ? (
              <Suspense fallback={null}>
                <AppWithBrokenPage jsonData={jsonData} page={brokenPage.page} message={brokenPage.message} />
              </Suspense>
            ) : (
              <AppRoot jsonData={jsonData} />
            )
          }
        />
        <Route path="*" element={<OutsideApp />} />
      </Routes>
    </GrafanaRouter>
  ) : null;
}
