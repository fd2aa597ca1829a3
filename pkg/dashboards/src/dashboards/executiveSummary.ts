import { LABEL, PAGING_SEVERITIES, PROMETHEUS_ALERTS } from '@hybridlens/conventions';
import type { ClassicDashboard } from '../classicDashboard';
import { PanelBuilder as BarGaugePanel } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TextPanel } from '@grafana/grafana-foundation-sdk/text';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  BarAlignment,
  BarGaugeDisplayMode,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  GraphDrawStyle,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { alertPlaybookCellLinks, appLink, cellValue, seriesLabel } from '../appLinks';
import { PROMETHEUS } from '../datasource';
import { instantQuery, legendOf, rangeQuery } from '../panels/queries';
import { tableHeightFor } from '../panels/tableSize';
import { emptyWhenHealthy } from '../panels/text';
import { COLOR, rangeAsWord, thresholds } from '../panels/thresholds';
import {
  INCIDENT_COLUMN_NAMES,
  INCIDENT_LABELS,
  SLO_PERIOD_TEXT,
  incidentFiringSeconds,
  incidentLastFiringMs,
  keySloBudgetLeft,
  keySloCount,
  keySloGoodRatioOverRange,
  keySloObjective,
  pagingIncidentCount,
} from '../queries/slos';
import { relativeChange, requestsInRange, requestsPerStep, servedRatioInRange } from '../queries/traffic';
import { spendByProviderInRange, spendInRange } from '../queries/quantum';
import { MACRO } from '../queries/grafanaMacros';
import { withProviderNames } from '../panels/providerNames';
import { dashboardFrame, withPanelIds } from './common';

export const EXECUTIVE_SUMMARY_UID = 'hybridlens-executive-summary';

/**
 * How spend is estimated, in plain words: the SDK multiplies each job by its provider's public list price.
 * Named on the spend panels because an estimate is only as good as the price model behind it.
 */
export const PRICE_MODEL_TEXT =
  "Estimated from the providers' public pay-as-you-go list prices, job by job: IBM Quantum per second of QPU time, " +
  'Amazon Braket a fee per task plus a fee per shot, Azure Quantum (IonQ) per gate-shot with a minimum per program; ' +
  'local simulators cost nothing. Not an invoice: discounts, reservations and free tiers are not included.';

const BIG = { h: 5, w: 6 } as const;
const CHANGE = { h: 4, w: 6 } as const;

function bigNumber(title: string, description: string): StatPanel {
  return new StatPanel()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .height(BIG.h)
    .span(BIG.w)
    .graphMode(BigValueGraphMode.None)
    .textMode(BigValueTextMode.Value)
    .colorMode(BigValueColorMode.Value);
}

function change(title: string, description: string): StatPanel {
  return bigNumber(title, description)
    .height(CHANGE.h)
    .span(CHANGE.w)
    .colorMode(BigValueColorMode.None)
    .noValue('no earlier data');
}

const headline = () =>
  new TextPanel()
    .title('')
    .transparent(true)
    .height(3)
    .span(24)
    .content(
      [
        '### How the hybrid LLM + quantum service did',
        `Figures cover the time range at the top (by default the last 7 days) and compare it with the 7 days before. ` +
          `Error budgets count over the last ${SLO_PERIOD_TEXT}. Click any panel title for the detail in Hybrid Lens.`,
      ].join('\n\n')
    );

const requestsServed = () =>
  bigNumber('Requests served', 'Requests the service finished in the time range, whatever their outcome.')
    .unit('short')
    .decimals(0)
    .withTarget(instantQuery({ refId: 'A', expr: requestsInRange() }))
    .links([appLink('Traffic in Hybrid Lens', { page: 'overview' })]);

const servedWithoutError = () =>
  bigNumber(
    'Requests answered without error',
    'Share of requests that got an answer. An answer from a fallback (simulator or classical path) counts as answered.'
  )
    .unit('percentunit')
    .decimals(2)
    .thresholds(thresholds(COLOR.bad, [0.95, COLOR.warn], [0.99, COLOR.good]))
    .withTarget(instantQuery({ refId: 'A', expr: servedRatioInRange() }))
    .links([appLink('Errors in Hybrid Lens', { page: 'overview' })]);

const quantumSpend = () =>
  bigNumber('Quantum spend (estimate)', PRICE_MODEL_TEXT)
    .unit('currencyUSD')
    .decimals(0)
    .colorMode(BigValueColorMode.None)
    .withTarget(instantQuery({ refId: 'A', expr: spendInRange() }))
    .links([appLink('Providers in Hybrid Lens', { page: 'providers' })]);

/** The big number of paging incidents (the incidents table below lists every priority). */
export const PAGED_INCIDENTS_TITLE = 'Incidents that paged someone';

const incidents = () =>
  bigNumber(
    PAGED_INCIDENTS_TITLE,
    `Distinct alerts of priority ${PAGING_SEVERITIES.join(' or ')} that fired in the time range (an alert for another SLO, provider or backend counts again).`
  )
    .unit('short')
    .decimals(0)
    .thresholds(thresholds(COLOR.good, [1, COLOR.warn], [3, COLOR.bad]))
    .withTarget(instantQuery({ refId: 'A', expr: pagingIncidentCount(PAGING_SEVERITIES) }))
    .links([appLink('Playbooks in Hybrid Lens', { page: 'playbooks' })]);

const requestsChange = () =>
  change('Requests vs the 7 days before', 'Change in requests served compared with the same length of time before.')
    .unit('percentunit')
    .decimals(1)
    .withTarget(instantQuery({ refId: 'A', expr: relativeChange(requestsInRange(), requestsInRange(true)) }))
    .links([appLink('Traffic in Hybrid Lens', { page: 'overview' })]);

const servedChange = () =>
  change(
    'Error-free share vs the 7 days before',
    'Difference in the share of requests answered, in percentage points (0.5% = half a point better).'
  )
    .unit('percentunit')
    .decimals(2)
    .withTarget(instantQuery({ refId: 'A', expr: `(${servedRatioInRange()}) - (${servedRatioInRange(true)})` }))
    .links([appLink('Errors in Hybrid Lens', { page: 'overview' })]);

const spendChange = () =>
  change('Quantum spend vs the 7 days before', `Change in estimated quantum spend. ${PRICE_MODEL_TEXT}`)
    .unit('percentunit')
    .decimals(1)
    .withTarget(instantQuery({ refId: 'A', expr: relativeChange(spendInRange(), spendInRange(true)) }))
    .links([appLink('Providers in Hybrid Lens', { page: 'providers' })]);

/**
 * Incidents minus those of the 7 days before, only where the 7 days before were recorded. Each count is 0 when
 * nothing fired, so without the guard a Prometheus younger than two ranges would compare with an empty week.
 */
const incidentsChangeExpr = () =>
  `((${pagingIncidentCount(PAGING_SEVERITIES)}) - (${pagingIncidentCount(PAGING_SEVERITIES, MACRO.range)})) ` +
  `and on () (${requestsInRange(true)})`;

const incidentsChange = () =>
  change(
    'Incidents vs the 7 days before',
    'Incidents that paged someone, minus those of the 7 days before (when there is no record of the 7 days before, it says so).'
  )
    .unit('short')
    .decimals(0)
    .withTarget(instantQuery({ refId: 'A', expr: incidentsChangeExpr() }))
    .links([appLink('Playbooks in Hybrid Lens', { page: 'playbooks' })]);

/** Column names of the SLO table, by query. */
const SLO_COLUMNS = {
  A: 'Objective',
  B: 'Met in this time range',
  C: `Error budget left (${SLO_PERIOD_TEXT})`,
  D: 'Status',
};

/**
 * What a cell of an SLO says when the SLO counted no event (e.g. no job was sent to that provider): no share
 * and no budget can be computed, and a blank cell would read as a broken dashboard.
 */
export const SLO_NO_EVENTS_TEXT = 'no events yet';

const keySlos = () =>
  new TablePanel()
    .title('Key service levels')
    .description(
      `Each key service level objective: its target, the share of good events in the time range, and how much of ` +
        `the error budget of the last ${SLO_PERIOD_TEXT} is left (below 0: the objective was missed). ` +
        `"${SLO_NO_EVENTS_TEXT}": nothing was counted for it (e.g. no job went to that provider). Click a name for its page.`
    )
    .datasource(PROMETHEUS)
    .height(tableHeightFor(keySloCount()))
    .span(24)
    .withTarget(instantQuery({ refId: 'A', expr: keySloObjective() }, PromQueryFormat.Table))
    .withTarget(instantQuery({ refId: 'B', expr: keySloGoodRatioOverRange() }, PromQueryFormat.Table))
    .withTarget(instantQuery({ refId: 'C', expr: keySloBudgetLeft() }, PromQueryFormat.Table))
    .withTarget(instantQuery({ refId: 'D', expr: keySloBudgetLeft() }, PromQueryFormat.Table))
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({
      id: 'organize',
      options: {
        excludeByName: { Time: true },
        renameByName: {
          [LABEL.slo]: 'Service level',
          ...Object.fromEntries(Object.entries(SLO_COLUMNS).map(([refId, name]) => [`Value #${refId}`, name])),
        },
        indexByName: { [LABEL.slo]: 0, 'Value #D': 1, 'Value #A': 2, 'Value #B': 3, 'Value #C': 4 },
      },
    })
    .unit('percentunit')
    .decimals(2)
    .overrideByName(SLO_COLUMNS.B, [{ id: 'noValue', value: SLO_NO_EVENTS_TEXT }])
    .overrideByName(SLO_COLUMNS.C, [{ id: 'noValue', value: SLO_NO_EVENTS_TEXT }])
    .overrideByName(SLO_COLUMNS.D, [
      { id: 'noValue', value: SLO_NO_EVENTS_TEXT },
      {
        id: 'mappings',
        value: [
          rangeAsWord(null, 0, 'Missed', COLOR.bad),
          rangeAsWord(0, 0.25, 'At risk', COLOR.warn),
          rangeAsWord(0.25, null, 'On track', COLOR.good),
        ],
      },
      { id: 'custom.cellOptions', value: { type: 'color-text' } },
    ])
    .overrideByName('Service level', [
      {
        id: 'links',
        value: [
          appLink('Open this service level in Hybrid Lens', {
            page: 'sloDetail',
            params: { slo: cellValue() },
          }).build(),
        ],
      },
    ])
    .links([appLink('All SLOs in Hybrid Lens', { page: 'slos' })]);

const spendByProvider = () =>
  new BarGaugePanel()
    .title('Quantum spend by provider (estimate)')
    .description(PRICE_MODEL_TEXT)
    .datasource(PROMETHEUS)
    .height(8)
    .span(12)
    .unit('currencyUSD')
    .decimals(0)
    .min(0)
    .orientation(VizOrientation.Horizontal)
    .displayMode(BarGaugeDisplayMode.Basic)
    .withTarget(instantQuery({ refId: 'A', expr: spendByProviderInRange(), legend: legendOf(LABEL.provider) }))
    .dataLinks([
      appLink('Provider ${__field.labels.provider} in Hybrid Lens', {
        page: 'providers',
        variables: { [LABEL.provider]: seriesLabel(LABEL.provider) },
      }),
    ])
    .links([appLink('Providers in Hybrid Lens', { page: 'providers' })]);

const requestVolume = () =>
  new TimeseriesPanel()
    .title('Requests per day')
    .description('Requests finished each day of the time range.')
    .datasource(PROMETHEUS)
    .height(8)
    .span(12)
    .interval('1d')
    .unit('short')
    .decimals(0)
    .drawStyle(GraphDrawStyle.Bars)
    // A point at midnight counts the day before it (increase over the last day): its bar spans that day.
    .barAlignment(BarAlignment.Before)
    .fillOpacity(60)
    .withTarget(rangeQuery({ refId: 'A', expr: requestsPerStep(), legend: 'requests' }))
    .links([appLink('Traffic in Hybrid Lens', { page: 'overview' })]);

const INCIDENT_COLUMN = { B: 'Time firing', C: 'Last firing' } as const;

/** The incidents table lists every priority; the big number above counts only those that paged someone. */
export const INCIDENT_TABLE_TITLE = 'Incidents in this time range, all priorities';

/**
 * Widths of the incidents table's short columns, in px: what they hold is a few characters (P0, a provider, a
 * duration), so the alert and service level names get the rest of the row and are never cut off.
 */
const INCIDENT_COLUMN_WIDTH: Array<[string, number]> = [
  [INCIDENT_COLUMN_NAMES[LABEL.severity], 90],
  [INCIDENT_COLUMN_NAMES[LABEL.provider], 110],
  [INCIDENT_COLUMN_NAMES[LABEL.backend], 160],
  [INCIDENT_COLUMN.B, 120],
  [INCIDENT_COLUMN.C, 150],
];

const incidentTable = () =>
  INCIDENT_COLUMN_WIDTH.reduce(
    (table, [name, width]) => table.overrideByName(name, [{ id: 'custom.width', value: width }]),
    new TablePanel()
      .title(INCIDENT_TABLE_TITLE)
      .description(
        emptyWhenHealthy(
          `Every alert that fired, of every priority, how long it fired in total (to the minute) and when it last fired. Priority ${PAGING_SEVERITIES.join(' and ')} page someone (the "Incidents that paged someone" above); the others open a ticket. Click an alert for its playbook.`,
          'no alert fired in the time range.'
        )
      )
      .datasource(PROMETHEUS)
      .height(9)
      .span(24)
      .withTarget(instantQuery({ refId: 'B', expr: incidentFiringSeconds() }, PromQueryFormat.Table))
      .withTarget(instantQuery({ refId: 'C', expr: incidentLastFiringMs() }, PromQueryFormat.Table))
      .withTransformation({ id: 'merge', options: {} })
      .withTransformation({
        id: 'organize',
        options: {
          excludeByName: { Time: true },
          renameByName: {
            ...INCIDENT_COLUMN_NAMES,
            'Value #B': INCIDENT_COLUMN.B,
            'Value #C': INCIDENT_COLUMN.C,
          },
          indexByName: Object.fromEntries([...INCIDENT_LABELS, 'Value #B', 'Value #C'].map((name, i) => [name, i])),
        },
      })
      .withTransformation({ id: 'sortBy', options: { sort: [{ field: INCIDENT_COLUMN.C, desc: true }] } })
      .overrideByName(INCIDENT_COLUMN.B, [{ id: 'unit', value: 's' }])
      .overrideByName(INCIDENT_COLUMN.C, [{ id: 'unit', value: 'dateTimeFromNow' }])
      .overrideByName(INCIDENT_COLUMN_NAMES[PROMETHEUS_ALERTS.alertName], alertPlaybookCellLinks())
      .links([appLink('Playbooks in Hybrid Lens', { page: 'playbooks' })])
  );

/** The weekly read for people who are not on call: plain words, big numbers, links for detail. */
export function executiveSummary(): ClassicDashboard {
  const dashboard = dashboardFrame({
    uid: EXECUTIVE_SUMMARY_UID,
    title: 'Hybrid Lens / Executive summary',
    description:
      'Weekly summary of the hybrid LLM + quantum service: service levels, error budget, volume, quantum spend and incidents.',
    from: 'now-7d',
    refresh: '30m',
  })
    .withPanel(headline())
    .withPanel(requestsServed())
    .withPanel(servedWithoutError())
    .withPanel(quantumSpend())
    .withPanel(incidents())
    .withPanel(requestsChange())
    .withPanel(servedChange())
    .withPanel(spendChange())
    .withPanel(incidentsChange())
    .withPanel(keySlos())
    .withPanel(spendByProvider())
    .withPanel(requestVolume())
    .withPanel(incidentTable())
    .build();
  return withPanelIds(withProviderNames(dashboard));
}
