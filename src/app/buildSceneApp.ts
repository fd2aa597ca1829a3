import { SceneApp } from '@grafana/scenes';
import type { AppContext } from './AppContext';
import { NAV_PAGES } from '@hybridlens/conventions';
import { buildOverviewPage } from '../pages/overview/overviewPage';
import { buildPendingPage } from '../pages/pending/pendingPage';

/** The app's pages; each page folder exports one builder. */
export function buildSceneApp(ctx: AppContext): SceneApp {
  return new SceneApp({
    name: 'hybridlens',
    pages: [buildOverviewPage(ctx), ...NAV_PAGES.filter((p) => p !== 'overview').map(buildPendingPage)],
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
