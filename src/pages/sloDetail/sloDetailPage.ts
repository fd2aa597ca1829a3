import {
  SceneAppPage,
  SceneFlexItem,
  SceneFlexLayout,
  type EmbeddedScene,
  type SceneAppPageLike,
} from '@grafana/scenes';
import { BURN_RATE_TIERS, PAGE, SLO_PERIOD, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { thresholds, trendTile } from '../../panels/tiles';
import { SloStatus } from './SloStatus';
import { DETAIL_TRENDS, buildSloStatusRunner, buildSloTrendsRunner, burnRefId } from './sloDetailQueries';

export const SLO_DETAIL_VARIABLES = [VARIABLE.prometheus] as const;

const row = (height: number, panels: Array<SceneFlexItem['state']['body']>) =>
  new SceneFlexItem({
    height,
    body: new SceneFlexLayout({ direction: 'row', children: panels.map((body) => new SceneFlexItem({ body })) }),
  });

export function buildSloDetailScene(ctx: AppContext, slo: string): EmbeddedScene {
  const back = { label: 'All SLOs', link: { page: 'slos' as const } };
  const trends = new SceneFlexLayout({
    direction: 'column',
    $data: buildSloTrendsRunner(slo),
    children: [
      row(280, [
        trendTile({
          title: 'SLI against objective',
          description: `Share of good events over 1h and over the ${SLO_PERIOD} period, with the objective line.`,
          refIds: [DETAIL_TRENDS.sliShort, DETAIL_TRENDS.sliPeriod, DETAIL_TRENDS.objective],
          unit: 'percentunit',
          open: back,
        }),
      ]),
      row(240, [
        trendTile({
          title: 'Error budget remaining (relative)',
          description: '1 = untouched, 0 = spent, below 0 = SLO missed.',
          refIds: [DETAIL_TRENDS.budget],
          unit: 'percentunit',
          thresholds: thresholds('red', [
            [0, 'orange'],
            [0.25, 'green'],
          ]),
          open: back,
        }),
        trendTile({
          title: 'Error budget remaining (events)',
          description: 'Bad events still allowed this period before the SLO is missed.',
          refIds: [DETAIL_TRENDS.budgetEvents],
          unit: 'short',
          open: back,
        }),
      ]),
      row(
        240,
        BURN_RATE_TIERS.map((tier) =>
          trendTile({
            title: `Burn rate: ${tier.tier} (${tier.severity})`,
            description: `Alerts when both the ${tier.longWindow} and ${tier.shortWindow} burn rates exceed ${tier.burnRate}×.`,
            refIds: [burnRefId(tier.longWindow), burnRefId(tier.shortWindow)],
            unit: 'suffix:×',
            decimals: 2,
            // From 0, so the tier's threshold line is in view next to the burn rates.
            min: 0,
            thresholds: thresholds('green', [[tier.burnRate, 'red']]),
            open: back,
          })
        )
      ),
    ],
  });
  const status = new SloStatus({
    slo,
    minEventsToJudge: ctx.settings.thresholds.minEventsToJudge,
    $data: buildSloStatusRunner(slo),
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
    title: `${PAGE.sloDetail.title}: ${slo}`,
    subTitle: 'SLI, error budget and burn rates over the time range',
    url: appPath('sloDetail', { slo }),
    routePath: appPath('sloDetail', { slo }),
    getParentPage: () => parent,
    getScene: () => buildSloDetailScene(ctx, slo),
  });
}
