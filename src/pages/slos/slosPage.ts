import { SceneAppPage, SceneFlexItem, type EmbeddedScene } from '@grafana/scenes';
import { PAGE, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pageRoutePath, pathParams } from '../../app/routing';
import { t } from '../../i18n';
import { DataStates } from '../../states/DataStates';
import { buildSloDetailPage } from '../sloDetail/sloDetailPage';
import { SloList } from './SloList';
import { SloMissingHelp } from './SloMissingHelp';
import { buildSloRows } from './sloRows';
import { buildSloListRunner } from './slosQueries';

export const SLOS_VARIABLES = [VARIABLE.prometheus] as const;

export function buildSlosScene(ctx: AppContext): EmbeddedScene {
  const minEventsToJudge = ctx.settings.thresholds.minEventsToJudge;
  return buildPageScene({
    ctx,
    variables: SLOS_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: buildSloListRunner(),
          subject: t('slos.subject', 'SLOs'),
          // SLOs are discovered from their metadata series alone: none means the rules were never loaded.
          isEmpty: (series) => buildSloRows(series, minEventsToJudge).length === 0,
          Empty: SloMissingHelp,
          body: new SloList({ minEventsToJudge }),
        }),
      }),
    ],
  });
}

export function buildSlosPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('slos'),
    subTitle: t('slos.subtitle', 'Every SLO Prometheus knows about, worst remaining error budget first'),
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
