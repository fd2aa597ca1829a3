import { SceneAppPage, SceneFlexItem, SceneFlexLayout, type EmbeddedScene } from '@grafana/scenes';
import { PAGE, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { drilldownRoutePath, pageRoutePath, pathParams } from '../../app/routing';
import { t } from '../../i18n';
import { tileRow } from '../../panels/layout';
import { ERROR_AXIS_FLOOR, trendTile } from '../../panels/tiles';
import { DataStates } from '../../states/DataStates';
import { buildProviderDetailPage } from '../providerDetail/providerDetailPage';
import { ProvidersTable } from './ProvidersTable';
import { CORRELATION } from './providersQueries';
import { buildCorrelationRunner, buildProvidersRunner } from './providersRunners';

export const PROVIDERS_VARIABLES = [VARIABLE.prometheus, VARIABLE.provider, VARIABLE.backend] as const;
/** Both filters apply to every query of the page (rate limits know the provider only). */
export const PROVIDERS_FILTERS = [VARIABLE.provider, VARIABLE.backend] as const;

export function buildProvidersScene(ctx: AppContext): EmbeddedScene {
  const open = { label: pageTitle('providers'), link: { page: 'providers' as const } };
  const correlation = new SceneFlexLayout({
    direction: 'column',
    $data: buildCorrelationRunner(),
    children: [
      tileRow(
        [
          trendTile({
            title: t('providers.tiles.failure.title', 'Job failure rate per backend'),
            description: t(
              'providers.tiles.failure.description',
              'Share of jobs that failed over a moving 30-minute window, where the window held enough jobs to judge. Read it next to the median 2q error beside it.'
            ),
            refIds: [CORRELATION.failureRatio],
            unit: 'percentunit',
            min: 0,
            // Healthy backends fail a few % of jobs: 0–5 % keeps them readable, an outage stretches the axis.
            softMax: 0.05,
            filters: PROVIDERS_FILTERS,
            open,
            noValue: t('providers.tiles.failure.no-value', 'Too few jobs in every 30-minute window to judge'),
          }),
          trendTile({
            title: t('providers.tiles.2q.title', 'Median 2q error per backend'),
            description: t(
              'providers.tiles.2q.description',
              'The calibration exporter’s median 2q error (1 − fidelity).'
            ),
            refIds: [CORRELATION.median2qError],
            unit: 'percentunit',
            softMax: ERROR_AXIS_FLOOR,
            filters: PROVIDERS_FILTERS,
            open,
            noValue: t('providers.tiles.2q.no-value', 'No calibration served for these backends in this range'),
          }),
        ],
        { height: 260, minWidth: 400 }
      ),
      tileRow(
        [
          trendTile({
            title: t('providers.tiles.enqueue.title', 'Enqueue p95 per backend'),
            description: t(
              'providers.tiles.enqueue.description',
              'P95 time to enqueue a job over a moving 30-minute window.'
            ),
            refIds: [CORRELATION.enqueueP95],
            unit: 's',
            filters: PROVIDERS_FILTERS,
            open,
          }),
          trendTile({
            title: t('providers.tiles.queue.title', 'Jobs pending per backend'),
            description: t('providers.tiles.queue.description', 'Jobs waiting in the provider queue.'),
            refIds: [CORRELATION.queueLength],
            unit: 'short',
            filters: PROVIDERS_FILTERS,
            open,
          }),
        ],
        { height: 260, minWidth: 400 }
      ),
    ],
  });
  return buildPageScene({
    ctx,
    variables: PROVIDERS_VARIABLES,
    children: [
      new SceneFlexItem({
        height: 'auto',
        body: new DataStates({
          $data: buildProvidersRunner(),
          subject: t('providers.subject', 'providers and backends'),
          body: new ProvidersTable({ compare: [] }),
        }),
      }),
      new SceneFlexItem({ height: 'auto', body: correlation }),
    ],
  });
}

export function buildProvidersPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: pageTitle('providers'),
    subTitle: t('providers.subtitle', 'Every quantum backend: jobs, queue, limits, spend and calibration'),
    url: appPath('providers'),
    routePath: pageRoutePath('providers'),
    getScene: () => buildProvidersScene(ctx),
    drilldowns: [
      {
        routePath: drilldownRoutePath(PAGE.providers.path, 'providerDetail'),
        getPage: (match, parent) => {
          const params = pathParams(match.params);
          return buildProviderDetailPage(
            ctx,
            { provider: params.provider ?? '', backend: params.backend ?? '' },
            parent
          );
        },
      },
    ],
  });
}
