import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps, type AppPluginMeta, type PluginConfigPageProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';

// Everything heavy (Scenes, pages, queries) loads on demand: this entry must stay under 10 KB.
const LazyApp = lazy(() => import('./app/App'));
const LazyAppConfig = lazy(() => import('./config/AppConfig'));

function App(props: AppRootProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading Hybrid Lens…" />}>
      <LazyApp {...props} />
    </Suspense>
  );
}

function AppConfig(props: PluginConfigPageProps<AppPluginMeta>) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading configuration…" />}>
      <LazyAppConfig {...props} />
    </Suspense>
  );
}

export const plugin = new AppPlugin().setRootPage(App).addConfigPage({
  title: 'Configuration',
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
