import React, { useMemo } from 'react';
import type { AppRootProps } from '@grafana/data';
import { Navigate, useLocation } from 'react-router-dom';
import { resolveSettings } from '../settings/settings';
import { buildSceneApp } from './buildSceneApp';
import { decideAppRoute } from './appRedirects';
import { NotFound } from './NotFound';

/** Root of the lazily loaded app: resolves settings from jsonData, handles old links, renders the Scenes app. */
export default function App({ meta }: Pick<AppRootProps, 'meta'>) {
  const jsonData = meta.jsonData;
  const scene = useMemo(() => buildSceneApp(resolveSettings(jsonData)), [jsonData]);
  const location = useLocation();
  const decision = decideAppRoute(location.pathname, location.search);
  if (decision.kind === 'redirect') {
    return <Navigate to={decision.to} replace />;
  }
  if (decision.kind === 'notFound') {
    return <NotFound path={location.pathname} />;
  }
  return <scene.Component model={scene} />;
}
