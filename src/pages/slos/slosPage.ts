import { SceneAppPage, SceneFlexItem, type EmbeddedScene } from '@grafana/scenes';
import { PAGE, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { drilldownRoutePath, pageRoutePath, pathParams } from '../../app/routing';
import { buildSloDetailPage } from '../sloDetail/sloDetailPage';
import { SloList } from './SloList';
import { buildSloListRunner } from './slosQueries';

export const SLOS_VARIABLES = [VARIABLE.prometheus] as const;

export function buildSlosScene(ctx: AppContext): EmbeddedScene {
  return buildPageScene({
    ctx,
    variables: SLOS_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new SloList({ $data: buildSloListRunner(), minEventsToJudge: ctx.settings.thresholds.minEventsToJudge }),
      }),
    ],
  });
}

export function buildSlosPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: PAGE.slos.title,
    subTitle: 'Every SLO Prometheus knows about, worst remaining error budget first',
    url: appPath('slos'),
    routePath: pageRoutePath('slos'),
    getScene: () => buildSlosScene(ctx),
    drilldowns: [
      {
        routePath: drilldownRoutePath(PAGE.slos.path, 'sloDetail'),
        getPage: (match, parent) => buildSloDetailPage(ctx, pathParams(match.params).slo ?? '', parent),
      },
    ],
  });
}
