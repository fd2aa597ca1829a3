import { SceneAppPage, SceneFlexItem, SceneFlexLayout, type EmbeddedScene } from '@grafana/scenes';
import { LABEL, PAGE, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageRoutePath } from '../../app/routing';
import { panelDataLink, seriesLabel } from '../../app/links';
import { statTile, thresholds, trendTile } from '../../panels/tiles';
import { FiringAlerts } from './FiringAlerts';
import { SUMMARY, TRENDS, buildSummaryRunner, buildTrendsRunner } from './overviewQueries';

export const OVERVIEW_VARIABLES = [
  VARIABLE.prometheus,
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.provider,
] as const;

const row = (height: number, ...items: Array<SceneFlexItem['state']['body']>) =>
  new SceneFlexItem({
    height,
    body: new SceneFlexLayout({ direction: 'row', children: items.map((body) => new SceneFlexItem({ body })) }),
  });

export function buildOverviewScene(ctx: AppContext): EmbeddedScene {
  const { thresholds: t } = ctx.settings;
  const sloLink = [
    {
      title: 'Open SLO ${__field.labels.slo}',
      url: panelDataLink({ page: 'sloDetail', params: { slo: seriesLabel(LABEL.slo) } }),
    },
  ];
  const providerLink = [
    {
      title: 'Open provider ${__field.labels.provider}',
      url: panelDataLink({ page: 'providers', variables: { [VARIABLE.provider]: seriesLabel(LABEL.provider) } }),
    },
  ];
  const requestFilters = [VARIABLE.route, VARIABLE.model, VARIABLE.region];

  const summary = new SceneFlexLayout({
    direction: 'column',
    $data: buildSummaryRunner(),
    children: [
      row(
        170,
        statTile({
          title: 'Key SLOs: error budget remaining',
          description:
            'End-to-end latency, quantum job success and LLM schema compliance: budget left this period (below 0 = SLO missed).',
          refIds: [SUMMARY.keyBudget],
          unit: 'percentunit',
          decimals: 1,
          thresholds: thresholds('red', [
            [0, 'orange'],
            [0.25, 'green'],
          ]),
          dataLinks: sloLink,
          noValue: 'No SLO data: generate the SLO rules (npx hybridlens-slo generate)',
          open: { label: 'SLOs', link: { page: 'slos' } },
        }),
        statTile({
          title: 'Key SLIs over the SLO period',
          description: 'Share of good events over the compliance period, per key SLO.',
          refIds: [SUMMARY.keySli],
          unit: 'percentunit',
          decimals: 2,
          dataLinks: sloLink,
          open: { label: 'SLOs', link: { page: 'slos' } },
        })
      ),
      row(
        140,
        statTile({
          title: 'Request volume',
          description: 'Average requests per second over the time range.',
          refIds: [SUMMARY.rps],
          unit: 'reqps',
          decimals: 2,
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        }),
        statTile({
          title: 'Error rate',
          description: 'Share of requests that ended in error over the time range.',
          refIds: [SUMMARY.errorRatio],
          unit: 'percentunit',
          decimals: 2,
          thresholds: thresholds('green', [
            [0.01, 'orange'],
            [0.05, 'red'],
          ]),
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        }),
        statTile({
          title: 'End-to-end P95',
          description: `P95 latency from ingress to response; the latency SLO threshold is ${t.latencySeconds} s.`,
          refIds: [SUMMARY.p95],
          unit: 's',
          decimals: 2,
          thresholds: thresholds('green', [[t.latencySeconds, 'red']]),
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        }),
        statTile({
          title: 'Quantum spend (est.)',
          description: "Estimated spend over the time range from the providers' public prices, per provider.",
          refIds: [SUMMARY.spend],
          unit: 'currencyUSD',
          decimals: 2,
          dataLinks: providerLink,
          open: { label: 'Providers', link: { page: 'providers' }, carry: [VARIABLE.provider] },
        }),
        statTile({
          title: 'Fallback uses',
          description: 'Requests that took a fallback path (simulator or classical) over the time range.',
          refIds: [SUMMARY.fallbacks],
          unit: 'short',
          decimals: 0,
          open: { label: 'Lifecycle', link: { page: 'lifecycle' } },
        })
      ),
      new SceneFlexItem({ height: 'auto', minHeight: 80, body: new FiringAlerts({ refId: SUMMARY.alerts }) }),
    ],
  });

  const trends = new SceneFlexLayout({
    direction: 'column',
    $data: buildTrendsRunner(),
    children: [
      row(
        280,
        trendTile({
          title: 'Requests by outcome',
          description: 'Requests per second: ok, degraded (served by a fallback) and error.',
          refIds: [TRENDS.byOutcome],
          unit: 'reqps',
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        }),
        trendTile({
          title: 'Error rate',
          description: 'Share of requests that ended in error.',
          refIds: [TRENDS.errorRatio],
          unit: 'percentunit',
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        }),
        trendTile({
          title: 'End-to-end P95',
          description: 'P95 latency from ingress to response, against the latency SLO threshold.',
          refIds: [TRENDS.p95],
          unit: 's',
          thresholds: thresholds('green', [[t.latencySeconds, 'red']]),
          open: { label: 'Lifecycle', link: { page: 'lifecycle' }, carry: requestFilters },
        })
      ),
      row(
        280,
        trendTile({
          title: 'Quantum job success by provider',
          description:
            'Share of quantum jobs that returned a valid result, per provider, over a moving 30-minute window (QPU jobs are few).',
          refIds: [TRENDS.quantumSuccess],
          unit: 'percentunit',
          dataLinks: providerLink,
          open: { label: 'Providers', link: { page: 'providers' }, carry: [VARIABLE.provider] },
        }),
        trendTile({
          title: 'Fallback use',
          description: 'Fallbacks per second by the path that took over and whether it served the request.',
          refIds: [TRENDS.fallbackRate],
          unit: 'ops',
          open: { label: 'Playbooks', link: { page: 'playbooks' } },
        })
      ),
    ],
  });

  return buildPageScene({
    ctx,
    variables: OVERVIEW_VARIABLES,
    children: [
      new SceneFlexItem({ height: 'auto', body: summary }),
      new SceneFlexItem({ height: 'auto', body: trends }),
    ],
  });
}

export function buildOverviewPage(ctx: AppContext): SceneAppPage {
  return new SceneAppPage({
    title: PAGE.overview.title,
    subTitle: 'SLO status, traffic, quantum success and spend of the hybrid LLM + quantum pipeline',
    url: appPath('overview'),
    routePath: pageRoutePath('overview'),
    getScene: () => buildOverviewScene(ctx),
  });
}
