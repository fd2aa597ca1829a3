import { CALIBRATION_METRIC, LABEL, PLAYBOOK, selector, templateValue } from '@hybridlens/conventions';
import type { ClassicDashboard } from '../classicDashboard';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  ScaleDistribution,
  ScaleDistributionConfigBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { appLink, cellValue, seriesLabel } from '../appLinks';
import { PROMETHEUS } from '../datasource';
import { instantQuery, legendOf, rangeQuery } from '../panels/queries';
import { COLOR, thresholds, valueAsWord } from '../panels/thresholds';
import { backendFilter } from '../queries/quantum';
import {
  calibrationAgeSeconds,
  driftPerBackend,
  ingestErrorsInRange,
  latestInRange,
  perBackend,
  PROVIDER_ID_COLUMN,
  withProviderIdColumn,
} from '../queries/calibration';
import { withProviderNames } from '../panels/providerNames';
import { dashboardFrame, labelVariable, providerVariable, withPanelIds } from './common';

export const CALIBRATION_UID = 'hybridlens-calibration';

/** Columns of the backend table: query refId → column title and unit. */
const COLUMNS = {
  A: { title: 'Median T1', unit: 's', metric: CALIBRATION_METRIC.medianT1 },
  B: { title: 'Median T2', unit: 's', metric: CALIBRATION_METRIC.medianT2 },
  C: { title: 'Median readout error', unit: 'percentunit', metric: CALIBRATION_METRIC.medianReadoutError },
  D: { title: 'Median 2-qubit gate error', unit: 'percentunit', metric: CALIBRATION_METRIC.median2qError },
} as const;
const AGE = { refId: 'E', title: 'Calibration age' } as const;

const backendLinks = () => [
  appLink('Backend ${__field.labels.provider}/${__field.labels.backend} in Hybrid Lens', {
    page: 'providerDetail',
    params: { provider: seriesLabel(LABEL.provider), backend: seriesLabel(LABEL.backend) },
  }),
];

const backendTable = () => {
  let table = new TablePanel()
    .title('Backends at their latest calibration')
    .description(
      'Median coherence times and error rates of each backend at its latest calibration in the time range, and how old ' +
        'that calibration is. Click a backend for its page.'
    )
    .datasource(PROMETHEUS)
    .height(9)
    .span(24);
  for (const [refId, column] of Object.entries(COLUMNS)) {
    table = table.withTarget(
      instantQuery({ refId, expr: withProviderIdColumn(latestInRange(column.metric)) }, PromQueryFormat.Table)
    );
  }
  table = table
    .withTarget(
      instantQuery({ refId: AGE.refId, expr: withProviderIdColumn(calibrationAgeSeconds()) }, PromQueryFormat.Table)
    )
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({
      id: 'organize',
      options: {
        excludeByName: { Time: true },
        renameByName: {
          [LABEL.provider]: 'Provider',
          [LABEL.backend]: 'Backend',
          ...Object.fromEntries(Object.entries(COLUMNS).map(([refId, c]) => [`Value #${refId}`, c.title])),
          [`Value #${AGE.refId}`]: AGE.title,
        },
      },
    });
  for (const column of Object.values(COLUMNS)) {
    table = table.overrideByName(column.title, [{ id: 'unit', value: column.unit }]);
  }
  return (
    table
      .overrideByName(AGE.title, [{ id: 'unit', value: 's' }])
      // Hidden as Grafana's table hides a column (TableNG draws only fields without `hideFrom.viz`).
      .overrideByName(PROVIDER_ID_COLUMN, [
        { id: 'custom.hideFrom', value: { viz: true, legend: false, tooltip: false } },
      ])
      .overrideByName('Backend', [
        {
          id: 'links',
          value: [
            appLink('This backend in Hybrid Lens', {
              page: 'providerDetail',
              params: {
                provider: templateValue(`\${__data.fields.${PROVIDER_ID_COLUMN}:percentencode}`),
                backend: cellValue(),
              },
            }).build(),
          ],
        },
      ])
      .links([appLink('Providers in Hybrid Lens', { page: 'providers' })])
  );
};

const overTime = (title: string, description: string, metric: { name: string }, unit: string) =>
  new TimeseriesPanel()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .height(8)
    .span(12)
    .unit(unit)
    .withTarget(rangeQuery({ refId: 'A', expr: perBackend(metric), legend: legendOf(LABEL.provider, LABEL.backend) }))
    .dataLinks(backendLinks())
    .links([appLink('Providers in Hybrid Lens', { page: 'providers' })]);

/** Drift of the two medians the table leads with, as the app's provider pages show it: 1 is the backend's usual. */
const drift = () =>
  new TimeseriesPanel()
    .title('Drift from the usual calibration')
    .description(
      "Each backend's median T1 and median 2-qubit gate error divided by its own median over the 7 days before: 1 is " +
        'usual, 0.5 is half of it, 2 is twice. A T1 that collapses or an error that climbs stands out here first.'
    )
    .datasource(PROMETHEUS)
    .height(8)
    .span(24)
    .unit('none')
    .decimals(2)
    // A ratio to the usual: on a log-2 axis half and twice are as far from 1, and the axis always spans 0.5–2, so
    // a day that moved 1 % does not fill the chart with ticks that all read "1.00".
    .scaleDistribution(new ScaleDistributionConfigBuilder().type(ScaleDistribution.Log).log(2))
    .axisSoftMin(0.5)
    .axisSoftMax(2)
    .withTarget(
      rangeQuery({
        refId: 'A',
        expr: driftPerBackend(CALIBRATION_METRIC.medianT1),
        legend: `T1 ${legendOf(LABEL.provider, LABEL.backend)}`,
      })
    )
    .withTarget(
      rangeQuery({
        refId: 'B',
        expr: driftPerBackend(CALIBRATION_METRIC.median2qError),
        legend: `2-qubit error ${legendOf(LABEL.provider, LABEL.backend)}`,
      })
    )
    .dataLinks(backendLinks())
    .links([
      appLink('Providers in Hybrid Lens', { page: 'providers' }),
      appLink('Playbook: calibration drift', { page: 'playbook', params: { playbook: PLAYBOOK.calibrationDrift } }),
    ]);

/** What the unreadable-sources panel says when the exporter read every calibration source in the time range. */
export const ALL_SOURCES_READ_TEXT = 'All sources read';
export const UNREADABLE_SOURCES_TITLE = 'Calibration sources that could not be read';

const ingestErrors = () =>
  new StatPanel()
    .title(UNREADABLE_SOURCES_TITLE)
    .description(
      'Rejected reads of each calibration file or provider API the exporter could not read in the time range; it keeps ' +
        `serving the last good calibration meanwhile. "${ALL_SOURCES_READ_TEXT}" when every source was read.`
    )
    .datasource(PROMETHEUS)
    .height(4)
    .span(24)
    .unit('short')
    .decimals(0)
    .graphMode(BigValueGraphMode.None)
    .colorMode(BigValueColorMode.Value)
    .textMode(BigValueTextMode.Auto)
    .thresholds(thresholds(COLOR.good, [1, COLOR.bad]))
    .mappings([valueAsWord(0, ALL_SOURCES_READ_TEXT, COLOR.good)])
    .withTarget(instantQuery({ refId: 'A', expr: ingestErrorsInRange(), legend: legendOf(LABEL.source) }))
    .links([
      appLink('Playbook: calibration drift', { page: 'playbook', params: { playbook: PLAYBOOK.calibrationDrift } }),
    ]);

/** Per-backend calibration for people who prefer a dashboard; the Providers pages hold the qubit-level detail. */
export function calibration(): ClassicDashboard {
  const backends = selector(CALIBRATION_METRIC.qubitCount.name);
  const dashboard = dashboardFrame({
    uid: CALIBRATION_UID,
    title: 'Hybrid Lens / Calibration',
    description: 'Latest calibration of each quantum backend (coherence, gate and readout errors) and how it moved.',
    from: 'now-7d',
    refresh: '5m',
  })
    .withVariable(providerVariable(backends, 'Provider'))
    .withVariable(
      labelVariable(LABEL.backend, selector(CALIBRATION_METRIC.qubitCount.name, backendFilter().slice(0, 1)), 'Backend')
    )
    .withPanel(backendTable())
    .withPanel(
      overTime(
        'Median 2-qubit gate error',
        'Median error of the native two-qubit gate of each backend, calibration by calibration.',
        CALIBRATION_METRIC.median2qError,
        'percentunit'
      )
    )
    .withPanel(
      overTime(
        'Median T1',
        'Median energy-relaxation time of the qubits of each backend.',
        CALIBRATION_METRIC.medianT1,
        's'
      )
    )
    .withPanel(drift())
    .withPanel(ingestErrors())
    .build();
  return withPanelIds(withProviderNames(dashboard));
}
