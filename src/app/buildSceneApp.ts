import { SceneApp } from '@grafana/scenes';
import type { AppContext } from './AppContext';
import { buildOverviewPage } from '../pages/overview/overviewPage';
import { buildSlosPage } from '../pages/slos/slosPage';
import { buildLlmQualityPage } from '../pages/llmQuality/llmQualityPage';
import { buildPlaybooksPage } from '../pages/playbooks/playbooksPage';
import { buildPlannedPage, buildSectionPage } from '../pages/placeholders/plannedPages';

/** Every page of the app, in navigation order, then the id-only sections (traces, jobs). */
export function buildSceneApp(ctx: AppContext): SceneApp {
  return new SceneApp({
    name: 'hybridlens',
    pages: [
      buildOverviewPage(ctx),
      buildPlannedPage(ctx, 'lifecycle'),
      buildPlannedPage(ctx, 'providers', ['providerDetail']),
      buildSlosPage(ctx),
      buildLlmQualityPage(ctx),
      buildPlaybooksPage(ctx),
      buildSectionPage(ctx, 'trace'),
      buildSectionPage(ctx, 'quantumJob'),
    ],
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
