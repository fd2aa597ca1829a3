import {
  SceneAppPage,
  SceneFlexItem,
  type EmbeddedScene,
  type SceneAppDrilldownView,
  type SceneAppPageLike,
} from '@grafana/scenes';
import { PAGE, type PageId, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { drilldownRoutePath, pageRoutePath, pathParams, sectionOf, sectionUrl } from '../../app/routing';
import { PlannedNotice } from './PlannedNotice';
import { PLANNED_VARIABLES, sectionHint } from './plannedContent';
import { pageTitle } from '../../app/pageTitles';
import { t } from '../../i18n';

export function buildPlannedScene(
  ctx: AppContext,
  page: PageId,
  params: Record<string, string> = {},
  hint?: string
): EmbeddedScene {
  return buildPageScene({
    ctx,
    variables: PLANNED_VARIABLES[page] ?? [],
    children: [new SceneFlexItem({ height: 'auto', body: new PlannedNotice({ page, params, hint }) })],
  });
}

/** A drilldown (`providers/:provider/:backend`) of a planned page. */
function plannedDrilldown(ctx: AppContext, parentPath: string, child: PageId): SceneAppDrilldownView {
  return {
    routePath: drilldownRoutePath(parentPath, child),
    getPage: (match, parent: SceneAppPageLike) => {
      const params = pathParams(match.params);
      const url = appPath(child, params);
      return new SceneAppPage({
        title: t('planned.drilldown-title', '{{title}}: {{params}}', {
          title: pageTitle(child),
          params: Object.values(params).join(' / '),
        }),
        url,
        routePath: url,
        getParentPage: () => parent,
        getScene: () => buildPlannedScene(ctx, child, params),
      });
    },
  };
}

/** A navigation page (Lifecycle, Providers, LLM quality, Playbooks) with its drilldowns. */
export function buildPlannedPage(ctx: AppContext, page: PageId, drilldowns: PageId[] = []): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle(page),
    url: appPath(page),
    routePath: pageRoutePath(page),
    getScene: () => buildPlannedScene(ctx, page),
    drilldowns: drilldowns.map((child) => plannedDrilldown(ctx, PAGE[page].path, child)),
  });
}

/** Pages reached only by id (`traces/:traceId`, `jobs/:jobId`): a section root that explains, plus the drilldown. */
export function buildSectionPage(ctx: AppContext, page: PageId): SceneAppPage {
  const section = sectionOf(page);
  return new SceneAppPage({
    title: pageTitle(page),
    url: sectionUrl(page),
    routePath: `${section}/*`,
    getScene: () => buildPlannedScene(ctx, page, {}, sectionHint(page)),
    drilldowns: [plannedDrilldown(ctx, section, page)],
  });
}
