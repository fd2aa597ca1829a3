import { SceneApp } from '@grafana/scenes';
import type { AppContext } from './AppContext';
import { buildOverviewPage } from '../pages/overview/overviewPage';
import { buildSlosPage } from '../pages/slos/slosPage';
import { buildTracePage } from '../pages/trace/tracePage';
import { buildLifecyclePage } from '../pages/lifecycle/lifecyclePage';
import { buildQuantumJobPage } from '../pages/quantumJob/quantumJobPage';
import { buildProvidersPage } from '../pages/providers/providersPage';
import { buildLlmQualityPage } from '../pages/llmQuality/llmQualityPage';
import { buildPlaybooksPage } from '../pages/playbooks/playbooksPage';

/** Every page of the app, in navigation order, then the id-only sections (traces, jobs). */
export function buildSceneApp(ctx: AppContext): SceneApp {
  return new SceneApp({
    name: 'hybridlens',
    pages: [
      buildOverviewPage(ctx),
      buildLifecyclePage(ctx),
      buildProvidersPage(ctx),
      buildSlosPage(ctx),
      buildLlmQualityPage(ctx),
      buildPlaybooksPage(ctx),
      buildTracePage(ctx),
      buildQuantumJobPage(ctx),
    ],
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
