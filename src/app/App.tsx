import React, { useMemo } from 'react';
import type { AppRootProps } from '@grafana/data';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PAGE } from '@hybridlens/conventions';
import { resolveSettings } from '../settings/settings';
import { buildSceneApp } from './buildSceneApp';

/** Root of the lazily loaded app: resolves settings from jsonData and renders the Scenes app. */
export default function App({ meta }: AppRootProps) {
  const jsonData = meta.jsonData;
  const scene = useMemo(() => buildSceneApp(resolveSettings(jsonData)), [jsonData]);
  return (
    <Routes>
      <Route path="" element={<Navigate to={PAGE.overview.path} replace />} />
      <Route path="*" element={<scene.Component model={scene} />} />
    </Routes>
  );
}
