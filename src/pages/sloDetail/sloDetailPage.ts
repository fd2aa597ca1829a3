import React from 'react';
import {
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  type EmbeddedScene,
  type SceneAppPageLike,
  type SceneObject,
} from '@grafana/scenes';
import { BURN_RATE_TIERS, SLO_PERIOD, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { t } from '../../i18n';
import { tileRow } from '../../panels/layout';
import { thresholds, trendTile } from '../../panels/tiles';
import { DataStates } from '../../states/DataStates';
import { samplesOf } from '../../app/frames';
import { SloStatus, SloWithoutMetadata } from './SloStatus';
import {
  DETAIL_STATUS,
  DETAIL_TRENDS,
  buildSloStatusRunner,
  buildSloTrendsRunner,
  burnRefId,
} from './sloDetailQueries';

export const SLO_DETAIL_VARIABLES = [VARIABLE.prometheus] as const;

export function buildSloDetailScene(ctx: AppContext, slo: string): EmbeddedScene {
  const back = { label: t('slo-detail.all-slos', 'All SLOs'), link: { page: 'slos' as const } };
  const trends = new SceneFlexLayout({
    direction: 'column',
    $data: buildSloTrendsRunner(slo),
    children: [
      tileRow(
        [
          trendTile({
            title: t('slo-detail.tiles.sli.title', 'SLI against objective'),
            description: t(
              'slo-detail.tiles.sli.description',
              'Share of good events over 1h and over the {{period}} period, with the objective line.',
              { period: SLO_PERIOD }
            ),
            refIds: [DETAIL_TRENDS.sliShort, DETAIL_TRENDS.sliPeriod, DETAIL_TRENDS.objective],
            unit: 'percentunit',
            max: 1,
            open: back,
          }),
        ],
        { height: 280, minWidth: 300 }
      ),
      tileRow(
        [
          trendTile({
            title: t('slo-detail.tiles.budget.title', 'Error budget remaining (relative)'),
            description: t('slo-detail.tiles.budget.description', '1 = untouched, 0 = spent, below 0 = SLO missed.'),
            refIds: [DETAIL_TRENDS.budget],
            unit: 'percentunit',
            // Remaining budget never exceeds the whole budget; below 0 stays drawn (an overspent SLO).
            max: 1,
            thresholds: thresholds('red', [
              [0, 'orange'],
              [0.25, 'green'],
            ]),
            open: back,
          }),
          trendTile({
            title: t('slo-detail.tiles.budget-events.title', 'Error budget remaining (events)'),
            description: t(
              'slo-detail.tiles.budget-events.description',
              'Bad events still allowed this period before the SLO is missed.'
            ),
            refIds: [DETAIL_TRENDS.budgetEvents],
            unit: 'short',
            open: back,
          }),
        ],
        { height: 240, minWidth: 400 }
      ),
      tileRow(
        BURN_RATE_TIERS.map((tier) =>
          trendTile({
            title: t('slo-detail.tiles.burn-rate.title', 'Burn rate: {{tier}} ({{severity}})', {
              tier: tier.tier,
              severity: tier.severity,
            }),
            description: t(
              'slo-detail.tiles.burn-rate.description',
              'Alerts when both the {{longWindow}} and {{shortWindow}} burn rates exceed {{burnRate}}×.',
              { ...tier }
            ),
            refIds: [burnRefId(tier.longWindow), burnRefId(tier.shortWindow)],
            unit: 'suffix:×',
            decimals: 2,
            // From 0, so the tier's threshold line is in view next to the burn rates.
            min: 0,
            thresholds: thresholds('green', [[tier.burnRate, 'red']]),
            open: back,
          })
        ),
        { height: 240, minWidth: 300 }
      ),
    ],
  });
  const status = new DataStates({
    $data: buildSloStatusRunner(slo),
    subject: t('slo-detail.subject', 'SLO {{slo}}', { slo }),
    // Without its metadata series the SLO is unknown to Prometheus (renamed, removed, rules not loaded).
    isEmpty: (series) => samplesOf(series, DETAIL_STATUS.info).length === 0,
    Empty: ({ model }: { model: SceneObject }) => React.createElement(SloWithoutMetadata, { model, slo }),
    body: new SloStatus({ slo, minEventsToJudge: ctx.settings.thresholds.minEventsToJudge }),
  });
  return buildPageScene({
    ctx,
    variables: SLO_DETAIL_VARIABLES,
    // The whole compliance period, so SLI and budget are seen over the SLO's own window; alert links bring their own range.
    defaultTimeRange: { from: `now-${SLO_PERIOD}`, to: 'now' },
    children: [
      new SceneFlexItem({ height: 'auto', body: status }),
      new SceneFlexItem({ height: 'auto', body: trends }),
    ],
  });
}

export function buildSloDetailPage(ctx: AppContext, slo: string, parent: SceneAppPageLike): SceneAppPage {
  return new SceneAppPage({
    title: t('slo-detail.title', '{{title}}: {{slo}}', { title: pageTitle('sloDetail'), slo }),
    subTitle: t('slo-detail.subtitle', 'SLI, error budget and burn rates over the time range'),
    url: appPath('sloDetail', { slo }),
    routePath: appPath('sloDetail', { slo }),
    getParentPage: () => parent,
    getScene: () => buildSloDetailScene(ctx, slo),
  });
}
