import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps, type AppPluginMeta, type PluginConfigPageProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { locationService } from '@grafana/runtime';
import { OPEN_IN_HYBRID_LENS } from './extensions/linkMeta';

// Everything heavy (Scenes, pages, queries) loads on demand: this entry must stay under 10 KB.
const LazyApp = lazy(() => import('./app/App'));
const LazyAppConfig = lazy(() => import('./config/AppConfig'));

/** The link's URL needs the contract (too big for the entry): built on click, by buildAppUrl, in a lazy chunk. */
function openInHybridLens(context: object | undefined): void {
  void import('./extensions/openInHybridLens').then(({ openInHybridLensPath }) =>
    locationService.push(openInHybridLensPath(context))
  );
}

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

// Title and targets must match "extensions.addedLinks" in plugin.json.
export const plugin = new AppPlugin()
  .setRootPage(App)
  .addConfigPage({ title: 'Configuration', icon: 'cog', body: AppConfig, id: 'configuration' })
  .addLink<object>({
    title: OPEN_IN_HYBRID_LENS.title,
    description: OPEN_IN_HYBRID_LENS.description,
    targets: [...OPEN_IN_HYBRID_LENS.targets],
    icon: 'external-link-alt',
    onClick: (_event, { context }) => openInHybridLens(context),
  });
