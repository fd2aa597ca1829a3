import React, { useMemo } from 'react';
import type { AppRootProps } from '@grafana/data';
import type { SceneApp } from '@grafana/scenes';
import { Navigate, useLocation } from 'react-router-dom';
import { resolveSettings } from '../settings/settings';
import type { AppContext } from './AppContext';
import { buildSceneApp } from './buildSceneApp';
import { decideAppRoute } from './appRedirects';
import { NotFound } from './NotFound';
import { PageErrorBoundary } from './PageErrorBoundary';

export interface AppShellProps {
  ctx: AppContext;
  /** The pages; tests pass their own to inject faults. */
  buildScene?: (ctx: AppContext) => SceneApp;
}

/** Old links are redirected, unknown paths reported, every page rendered inside the error boundary. */
export function AppShell({ ctx, buildScene = buildSceneApp }: AppShellProps) {
  const scene = useMemo(() => buildScene(ctx), [ctx, buildScene]);
  const location = useLocation();
  const decision = decideAppRoute(location.pathname, location.search);
  if (decision.kind === 'redirect') {
    return <Navigate to={decision.to} replace />;
  }
  if (decision.kind === 'notFound') {
    return <NotFound path={location.pathname} />;
  }
  return (
    <PageErrorBoundary path={location.pathname}>
      <scene.Component model={scene} />
    </PageErrorBoundary>
  );
}

/** Root of the lazily loaded app: resolves settings from jsonData, then the shell. */
export default function App({ meta }: Pick<AppRootProps, 'meta'>) {
  const jsonData = meta.jsonData;
  const ctx = useMemo(() => resolveSettings(jsonData), [jsonData]);
  return <AppShell ctx={ctx} />;
}
