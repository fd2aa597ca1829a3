import { SceneAppPage, SceneFlexItem, SceneQueryRunner, type EmbeddedScene } from '@grafana/scenes';
import { PAGE, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pageRoutePath, pathParams } from '../../app/routing';
import { PROMETHEUS_DS_REF } from '../../app/variables';
import { t } from '../../i18n';
import { DataStates } from '../../states/DataStates';
import { playbookCatalog } from '../playbook/playbookCatalog';
import { type PlaybookSceneOptions, buildPlaybookPage } from '../playbook/playbookPage';
import { routingQueries } from '../playbook/playbookRoutingQueries';
import { PlaybookList } from './PlaybookList';

export const PLAYBOOKS_VARIABLES = [VARIABLE.prometheus] as const;

export function buildPlaybooksScene(ctx: AppContext): EmbeddedScene {
  return buildPageScene({
    ctx,
    variables: PLAYBOOKS_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: new SceneQueryRunner({ datasource: PROMETHEUS_DS_REF, queries: routingQueries() }),
          subject: t('playbooks.subject', 'alert states and SLO metadata'),
          // The list comes from the contract; no SLO or firing alert is an answer, not an empty page.
          isEmpty: () => false,
          body: new PlaybookList({ catalog: playbookCatalog(ctx.settings.thresholds) }),
        }),
      }),
    ],
  });
}

export function buildPlaybooksPage(ctx: AppContext, options: PlaybookSceneOptions = {}): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('playbooks'),
    subTitle: t('playbooks.subtitle', 'Incident playbooks: what leads to each, and what fires now'),
    url: appPath('playbooks'),
    routePath: pageRoutePath('playbooks'),
    getScene: () => buildPlaybooksScene(ctx),
    drilldowns: [
      {
        routePath: drilldownRoutePath(PAGE.playbooks.path, 'playbook'),
        getPage: (match, parent) => buildPlaybookPage(ctx, pathParams(match.params).playbook ?? '', parent, options),
      },
    ],
  });
}
