import { SceneAppPage, SceneFlexItem, SceneFlexLayout, type EmbeddedScene } from '@grafana/scenes';
import { LABEL, VARIABLE, appPath } from '@hybridlens/conventions';
import type { AppContext } from '../../app/AppContext';
import { buildPageScene } from '../../app/pageScene';
import { pageTitle } from '../../app/pageTitles';
import { pageRoutePath } from '../../app/routing';
import { panelDataLink, seriesLabel } from '../../app/links';
import { t } from '../../i18n';
import { MIN_JOBS_TO_JUDGE, SPARSE_JOB_WINDOW } from '../../queries/promql';
import { QUANTUM_FILTERS, REQUEST_FILTERS } from '../../queries/filters';
import { tileRow } from '../../panels/layout';
import { statTile, thresholds, trendTile } from '../../panels/tiles';
import { DataStates } from '../../states/DataStates';
import { SLO_GENERATE_COMMAND } from '../slos/sloGenerate';
import { FiringAlerts } from './FiringAlerts';
import { SUMMARY, TRENDS, buildSummaryRunner, buildTrendsRunner } from './overviewQueries';

export const OVERVIEW_VARIABLES = [
  VARIABLE.prometheus,
  VARIABLE.route,
  VARIABLE.model,
  VARIABLE.region,
  VARIABLE.path,
  VARIABLE.provider,
] as const;

/** Tile sizes: the narrowest width at which each kind of title and its header link still fit. */
const WIDE = { minWidth: 460 };
const STAT = { height: 140, minWidth: 260 };
const TREND = { height: 280, minWidth: 300 };

export function buildOverviewScene(ctx: AppContext): EmbeddedScene {
  const { thresholds: limits } = ctx.settings;
  const sloLink = [
    {
      title: t('overview.links.open-slo', 'Open SLO ${__field.labels.slo}'),
      url: panelDataLink({ page: 'sloDetail', params: { slo: seriesLabel(LABEL.slo) } }),
    },
  ];
  const providerLink = [
    {
      title: t('overview.links.open-provider', 'Open provider ${__field.labels.provider}'),
      url: panelDataLink({ page: 'providers', variables: { [VARIABLE.provider]: seriesLabel(LABEL.provider) } }),
    },
  ];
  const toSlos = { label: pageTitle('slos'), link: { page: 'slos' as const } };
  const toLifecycle = {
    label: pageTitle('lifecycle'),
    link: { page: 'lifecycle' as const },
    carry: [...REQUEST_FILTERS],
  };
  const toProviders = {
    label: pageTitle('providers'),
    link: { page: 'providers' as const },
    carry: [...QUANTUM_FILTERS],
  };
  const toPlaybooks = { label: pageTitle('playbooks'), link: { page: 'playbooks' as const } };

  const summary = new SceneFlexLayout({
    direction: 'column',
    $data: buildSummaryRunner(),
    children: [
      tileRow(
        [
          statTile({
            title: t('overview.tiles.key-budget.title', 'Key SLOs: error budget remaining'),
            description: t(
              'overview.tiles.key-budget.description',
              'End-to-end latency, quantum job success and LLM schema compliance: budget left this period (below 0 = SLO missed).'
            ),
            refIds: [SUMMARY.keyBudget],
            unit: 'percentunit',
            decimals: 1,
            thresholds: thresholds('red', [
              [0, 'orange'],
              [0.25, 'green'],
            ]),
            dataLinks: sloLink,
            filters: [],
            noValue: t('overview.tiles.key-budget.no-value', 'No SLO data: generate the SLO rules ({{command}})', {
              command: SLO_GENERATE_COMMAND,
            }),
            open: toSlos,
          }),
          statTile({
            title: t('overview.tiles.key-sli.title', 'Key SLIs over the SLO period'),
            description: t(
              'overview.tiles.key-sli.description',
              'Share of good events over the compliance period, per key SLO.'
            ),
            refIds: [SUMMARY.keySli],
            unit: 'percentunit',
            decimals: 2,
            dataLinks: sloLink,
            filters: [],
            open: toSlos,
          }),
        ],
        { height: 170, ...WIDE }
      ),
      tileRow(
        [
          statTile({
            title: t('overview.tiles.request-volume.title', 'Request volume'),
            description: t(
              'overview.tiles.request-volume.description',
              'Average requests per second over the time range.'
            ),
            refIds: [SUMMARY.rps],
            unit: 'reqps',
            decimals: 2,
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
          statTile({
            title: t('overview.tiles.error-rate.title', 'Error rate'),
            description: t(
              'overview.tiles.error-rate.description',
              'Share of requests that ended in error over the time range.'
            ),
            refIds: [SUMMARY.errorRatio],
            unit: 'percentunit',
            decimals: 2,
            thresholds: thresholds('green', [
              [0.01, 'orange'],
              [0.05, 'red'],
            ]),
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
          statTile({
            title: t('overview.tiles.p95.title', 'End-to-end P95'),
            description: t(
              'overview.tiles.p95.description',
              'P95 latency from ingress to response; the latency SLO threshold is {{seconds}} s.',
              { seconds: limits.latencySeconds }
            ),
            refIds: [SUMMARY.p95],
            unit: 's',
            decimals: 2,
            thresholds: thresholds('green', [[limits.latencySeconds, 'red']]),
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
          statTile({
            title: t('overview.tiles.spend.title', 'Quantum spend (est.)'),
            description: t(
              'overview.tiles.spend.description',
              "Estimated spend over the time range from the providers' public prices, per provider."
            ),
            refIds: [SUMMARY.spend],
            unit: 'currencyUSD',
            decimals: 2,
            dataLinks: providerLink,
            filters: QUANTUM_FILTERS,
            open: toProviders,
          }),
          statTile({
            title: t('overview.tiles.fallbacks.title', 'Fallback uses'),
            description: t(
              'overview.tiles.fallbacks.description',
              'Requests that took a fallback path (simulator or classical) over the time range.'
            ),
            refIds: [SUMMARY.fallbacks],
            unit: 'short',
            decimals: 0,
            filters: [],
            open: { ...toLifecycle, carry: [] },
          }),
        ],
        STAT
      ),
      new SceneFlexItem({
        height: 'auto',
        minHeight: 80,
        body: new DataStates({
          subject: t('overview.firing-alerts.subject', 'alert states'),
          // No alert firing is an answer, not an empty state: the list says so itself.
          isEmpty: () => false,
          body: new FiringAlerts({ refId: SUMMARY.alerts }),
        }),
      }),
    ],
  });

  const trends = new SceneFlexLayout({
    direction: 'column',
    $data: buildTrendsRunner(),
    children: [
      tileRow(
        [
          trendTile({
            title: t('overview.tiles.by-outcome.title', 'Requests by outcome'),
            description: t(
              'overview.tiles.by-outcome.description',
              'Requests per second: ok, degraded (served by a fallback) and error.'
            ),
            refIds: [TRENDS.byOutcome],
            unit: 'reqps',
            min: 0,
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
          trendTile({
            title: t('overview.tiles.error-rate-trend.title', 'Error rate over time'),
            description: t('overview.tiles.error-rate-trend.description', 'Share of requests that ended in error.'),
            refIds: [TRENDS.errorRatio],
            unit: 'percentunit',
            // A ratio: from 0, up to at least 5 % (a small error rate is not drawn as a cliff) and never past
            // 100 % (a flat 0 % line gets 0–100 %, not Grafana's auto range of 0–10,000 %).
            min: 0,
            softMax: 0.05,
            max: 1,
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
          trendTile({
            title: t('overview.tiles.p95-trend.title', 'End-to-end P95 over time'),
            description: t(
              'overview.tiles.p95-trend.description',
              'P95 latency from ingress to response, against the latency SLO threshold.'
            ),
            refIds: [TRENDS.p95],
            unit: 's',
            min: 0,
            thresholds: thresholds('green', [[limits.latencySeconds, 'red']]),
            filters: REQUEST_FILTERS,
            open: toLifecycle,
          }),
        ],
        TREND
      ),
      tileRow(
        [
          trendTile({
            title: t('overview.tiles.quantum-success.title', 'Quantum job success by provider'),
            description: t(
              'overview.tiles.quantum-success.description',
              'Share of quantum jobs that returned a valid result, per provider, over a moving {{window}} window; only where the window held at least {{min}} jobs.',
              { window: SPARSE_JOB_WINDOW, min: MIN_JOBS_TO_JUDGE }
            ),
            refIds: [TRENDS.quantumSuccess],
            unit: 'percentunit',
            min: 0,
            max: 1,
            dataLinks: providerLink,
            noValue: t(
              'overview.tiles.quantum-success.too-few-jobs',
              'Too few quantum jobs to judge: no {{window}} window in this range held {{min}} or more jobs.',
              { window: SPARSE_JOB_WINDOW, min: MIN_JOBS_TO_JUDGE }
            ),
            filters: QUANTUM_FILTERS,
            open: toProviders,
          }),
          trendTile({
            title: t('overview.tiles.fallback-rate.title', 'Fallback use'),
            description: t(
              'overview.tiles.fallback-rate.description',
              'Fallbacks per second by the path that took over and whether it served the request.'
            ),
            refIds: [TRENDS.fallbackRate],
            unit: 'ops',
            min: 0,
            filters: [],
            open: toPlaybooks,
          }),
        ],
        { height: 280, ...WIDE }
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
    title: pageTitle('overview'),
    subTitle: t(
      'overview.subtitle',
      'SLO status, traffic, quantum success and spend of the hybrid LLM + quantum pipeline'
    ),
    url: appPath('overview'),
    routePath: pageRoutePath('overview'),
    getScene: () => buildOverviewScene(ctx),
  });
}
