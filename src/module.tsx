import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppPluginMeta, type AppRootProps, type PluginConfigPageProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { ENTRY_APP_ROOT } from './entry/appId';
import { LoadErrorBoundary } from './entry/LoadErrorBoundary';
import { OPEN_IN_HYBRID_LENS, OPEN_QUANTUM_JOB } from './extensions/linkMeta';
import { t } from './i18n/entryText';

// Everything heavy (Scenes, pages, queries, @grafana/i18n) loads on demand: this entry must stay under 10 KB.
// Translations are registered before the first translated component renders.
const translated = <T,>(load: () => Promise<T>) =>
  lazy(async () => {
    const [{ initTranslations }, module] = await Promise.all([import('./i18n/initTranslations'), load()]);
    await initTranslations();
    return module as { default: React.ComponentType<any> };
  });

const LazyApp = translated(() => import('./app/App'));
const LazyAppConfig = translated(() => import('./config/AppConfig'));

function App(props: AppRootProps) {
  return (
    <LoadErrorBoundary>
      <Suspense fallback={<LoadingPlaceholder text={t('entry.loading-app', 'Loading Hybrid Lens…')} />}>
        <LazyApp {...props} />
      </Suspense>
    </LoadErrorBoundary>
  );
}

function AppConfig(props: PluginConfigPageProps<AppPluginMeta>) {
  return (
    <LoadErrorBoundary>
      <Suspense fallback={<LoadingPlaceholder text={t('entry.loading-config', 'Loading configuration…')} />}>
        <LazyAppConfig {...props} />
      </Suspense>
    </LoadErrorBoundary>
  );
}

export const plugin = new AppPlugin()
  .setRootPage(App)
  // Grafana shows this tab title before the app's code (and its translations) is loaded.
  .addConfigPage({ title: 'Configuration', icon: 'cog', body: AppConfig, id: 'configuration' });

/**
 * The links' URL logic needs the contract, too big for this entry: it loads right away, in its own chunk
 * (Grafana loads this entry at start-up because of the links), so by the time a menu shows a link its
 * href is exact. Until then, or if the chunk cannot load, the link opens the app's root.
 */
let linkPaths: typeof import('./extensions/openInHybridLens') | undefined;
export const linkPathsLoaded = import('./extensions/openInHybridLens').then(
  (loaded) => {
    linkPaths = loaded;
  },
  () => undefined
);

// One link per extension point, so each href is built for the kind of context that point hands over.
// A real href (`path`): Grafana renders a link, so open-in-new-tab works.
for (const target of OPEN_IN_HYBRID_LENS.targets) {
  plugin.addLink<object>({
    title: OPEN_IN_HYBRID_LENS.title,
    description: OPEN_IN_HYBRID_LENS.description,
    targets: [target],
    icon: 'external-link-alt',
    path: ENTRY_APP_ROOT,
    configure: (context) => ({ path: linkPaths?.openInHybridLensPath(target, context) ?? ENTRY_APP_ROOT }),
  });
}

// The trace view's link shows only on a span that carries a provider job id; until its code has loaded, none.
let jobPaths: typeof import('./extensions/openQuantumJob') | undefined;
export const jobPathsLoaded = import('./extensions/openQuantumJob').then(
  (loaded) => {
    jobPaths = loaded;
  },
  () => undefined
);

plugin.addLink<object>({
  title: OPEN_QUANTUM_JOB.title,
  description: OPEN_QUANTUM_JOB.description,
  targets: [...OPEN_QUANTUM_JOB.targets],
  category: OPEN_QUANTUM_JOB.category,
  icon: 'external-link-alt',
  path: ENTRY_APP_ROOT,
  configure: (context) => {
    const path = jobPaths?.quantumJobPath(context);
    return path ? { path } : undefined;
  },
});
