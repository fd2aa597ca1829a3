import { SceneApp } from '@grafana/scenes';
import type { AppContext } from './AppContext';
import { buildOverviewPage } from '../pages/overview/overviewPage';
import { buildSlosPage } from '../pages/slos/slosPage';
import { buildPlannedPage } from '../pages/placeholders/plannedPages';
import { buildTracePage } from '../pages/trace/tracePage';
import { buildLifecyclePage } from '../pages/lifecycle/lifecyclePage';
import { buildQuantumJobPage } from '../pages/quantumJob/quantumJobPage';
import { buildProvidersPage } from '../pages/providers/providersPage';

/** Every page of the app, in navigation order, then the id-only sections (traces, jobs). */
export function buildSceneApp(ctx: AppContext): SceneApp {
  return new SceneApp({
    name: 'hybridlens',
    pages: [
      buildOverviewPage(ctx),
      buildLifecyclePage(ctx),
      buildProvidersPage(ctx),
      buildSlosPage(ctx),
      buildPlannedPage(ctx, 'llmQuality'),
      buildPlannedPage(ctx, 'playbooks', ['playbook']),
      buildTracePage(ctx),
      buildQuantumJobPage(ctx),
    ],
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
