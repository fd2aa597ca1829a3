import { LABEL, METRIC, PLAYBOOK, PROMETHEUS_ALERTS, selector } from '@hybridlens/conventions';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ClassicDashboard } from '../classicDashboard';
import { PanelBuilder as BarGaugePanel } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import { BarGaugeDisplayMode, VizOrientation } from '@grafana/grafana-foundation-sdk/common';
import { PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { alertPlaybookCellLinks, appLink, seriesLabel } from '../appLinks';
import { PROMETHEUS } from '../datasource';
import { instantQuery, legendOf, rangeQuery, type QuerySpec } from '../panels/queries';
import { emptyWhenHealthy } from '../panels/text';
import { COLOR, thresholds } from '../panels/thresholds';
import { backendFilter, jobErrorRateByType, jobSuccessRatioByBackend, queueLengthByBackend } from '../queries/quantum';
import { INCIDENT_COLUMN_NAMES, INCIDENT_LABELS, firingNow, sloBudgetLeft, valueColumnNames } from '../queries/slos';
import {
  errorRatio,
  fallbackRate,
  hallucinationRatioByModel,
  p95LatencyByPath,
  requestRateByPath,
  schemaComplianceByModel,
} from '../queries/traffic';
import { withProviderNames } from '../panels/providerNames';
import { dashboardFrame, withRowsOpen, labelVariable, providerVariable, withPanelIds } from './common';

export const SRE_OVERVIEW_UID = 'hybridlens-sre-overview';

function chart(title: string, description: string, query: QuerySpec, w = 8): TimeseriesPanel {
  return new TimeseriesPanel()
    .title(title)
    .description(description)
    .datasource(PROMETHEUS)
    .height(8)
    .span(w)
    .withTarget(rangeQuery(query));
}

const providerLinks = () => [
  appLink('Backend ${__field.labels.provider}/${__field.labels.backend} in Hybrid Lens', {
    page: 'providerDetail',
    params: { provider: seriesLabel(LABEL.provider), backend: seriesLabel(LABEL.backend) },
  }),
];

const traffic = new RowBuilder('Traffic, errors and latency')
  .withPanel(
    chart('Requests per second by serving path', 'Finished requests, by the path that served them.', {
      refId: 'A',
      expr: requestRateByPath(),
      legend: legendOf(LABEL.path),
    })
      .unit('reqps')
      .links([appLink('Lifecycle in Hybrid Lens', { page: 'lifecycle' })])
  )
  .withPanel(
    chart('Error ratio', 'Share of requests that ended in an error (fallback answers are not errors).', {
      refId: 'A',
      expr: errorRatio(),
      legend: 'errors',
    })
      .unit('percentunit')
      .thresholds(thresholds(COLOR.good, [0.01, COLOR.warn], [0.05, COLOR.bad]))
      .links([appLink('Overview in Hybrid Lens', { page: 'overview' })])
  )
  .withPanel(
    chart('P95 latency by serving path', '95th percentile of end-to-end latency from ingress to response.', {
      refId: 'A',
      expr: p95LatencyByPath(),
      legend: legendOf(LABEL.path),
    })
      .unit('s')
      .dataLinks([
        appLink('Lifecycle of ${__field.labels.path} requests', {
          page: 'lifecycle',
          variables: { [LABEL.path]: seriesLabel(LABEL.path) },
        }),
      ])
      .links([appLink('Lifecycle in Hybrid Lens', { page: 'lifecycle' })])
  );

const quantum = new RowBuilder('Quantum backends')
  .withPanel(
    chart('Quantum job success by backend', 'Share of quantum jobs that succeeded.', {
      refId: 'A',
      expr: jobSuccessRatioByBackend(),
      legend: legendOf(LABEL.provider, LABEL.backend),
    })
      .unit('percentunit')
      .max(1)
      .dataLinks(providerLinks())
      .links([appLink('Providers in Hybrid Lens', { page: 'providers' })])
  )
  .withPanel(
    chart('Jobs waiting in the provider queue', 'Queue length each backend reports.', {
      refId: 'A',
      expr: queueLengthByBackend(),
      legend: legendOf(LABEL.provider, LABEL.backend),
    })
      .unit('short')
      .dataLinks(providerLinks())
      .links([
        appLink('Playbook: queue saturation', { page: 'playbook', params: { playbook: PLAYBOOK.queueSaturation } }),
      ])
  )
  .withPanel(
    chart(
      'Quantum job errors by type',
      emptyWhenHealthy('Failed quantum jobs per second, by provider and error type.', 'no job failed.'),
      { refId: 'A', expr: jobErrorRateByType(), legend: legendOf(LABEL.provider, LABEL.errorType) }
    )
      .unit('short')
      .links([appLink('Playbook: quantum errors', { page: 'playbook', params: { playbook: PLAYBOOK.quantumErrors } })])
  );

const llm = new RowBuilder('LLM quality and fallbacks')
  .withPanel(
    chart('Hallucination rate by model', 'Share of answers the hallucination check failed.', {
      refId: 'A',
      expr: hallucinationRatioByModel(),
      legend: legendOf(LABEL.model),
    })
      .unit('percentunit')
      .dataLinks([
        appLink('LLM quality of ${__field.labels.model}', {
          page: 'llmQuality',
          variables: { [LABEL.model]: seriesLabel(LABEL.model) },
        }),
      ])
      .links([appLink('LLM quality in Hybrid Lens', { page: 'llmQuality' })])
  )
  .withPanel(
    chart('Schema compliance by model', 'Share of answers that matched the response schema.', {
      refId: 'A',
      expr: schemaComplianceByModel(),
      legend: legendOf(LABEL.model),
    })
      .unit('percentunit')
      .max(1)
      .links([appLink('LLM quality in Hybrid Lens', { page: 'llmQuality' })])
  )
  .withPanel(
    chart(
      'Fallbacks per second',
      emptyWhenHealthy(
        'Requests moved to a fallback path: from which path, to which, and why.',
        'no fallback was used.'
      ),
      {
        refId: 'A',
        expr: fallbackRate(),
        legend: `${legendOf(LABEL.fromPath)} → ${legendOf(LABEL.toPath)} (${legendOf(LABEL.reason)})`,
      }
    )
      .unit('short')
      .links([
        appLink('Playbook: provider outage', { page: 'playbook', params: { playbook: PLAYBOOK.providerOutage } }),
      ])
  );

const slos = new RowBuilder('SLOs and alerts')
  .withPanel(
    new BarGaugePanel()
      .title('Error budget left by SLO')
      .description("Share of each SLO's error budget left over its compliance period (below 0: missed).")
      .datasource(PROMETHEUS)
      .height(9)
      .span(10)
      .unit('percentunit')
      .min(-0.5)
      .max(1)
      .orientation(VizOrientation.Horizontal)
      .displayMode(BarGaugeDisplayMode.Basic)
      .thresholds(thresholds(COLOR.bad, [0, COLOR.warn], [0.25, COLOR.good]))
      .withTarget(instantQuery({ refId: 'A', expr: sloBudgetLeft(), legend: legendOf(LABEL.slo) }))
      .dataLinks([
        appLink('SLO ${__field.labels.slo} in Hybrid Lens', {
          page: 'sloDetail',
          params: { slo: seriesLabel(LABEL.slo) },
        }),
      ])
      .links([appLink('SLOs in Hybrid Lens', { page: 'slos' })])
  )
  .withPanel(
    new TablePanel()
      .title('Alerts firing now')
      .description(
        emptyWhenHealthy(
          'Every firing alert with its priority and scope. Click one for its playbooks.',
          'no alert is firing.'
        )
      )
      .datasource(PROMETHEUS)
      .height(9)
      .span(14)
      .withTarget(instantQuery({ refId: 'A', expr: firingNow() }, PromQueryFormat.Table))
      .withTransformation({
        id: 'organize',
        options: {
          excludeByName: { Time: true, ...Object.fromEntries(valueColumnNames('A').map((name) => [name, true])) },
          renameByName: INCIDENT_COLUMN_NAMES,
          indexByName: Object.fromEntries(INCIDENT_LABELS.map((name, i) => [name, i])),
        },
      })
      .overrideByName(INCIDENT_COLUMN_NAMES[PROMETHEUS_ALERTS.alertName], alertPlaybookCellLinks())
      .links([appLink('Playbooks in Hybrid Lens', { page: 'playbooks' })])
  );

/** For people who prefer a dashboard to the app's pages: the service at a glance, every panel linked to its page. */
export function sreOverview(): ClassicDashboard {
  const jobs = selector(METRIC.quantumJobs.name);
  const dashboard = dashboardFrame({
    uid: SRE_OVERVIEW_UID,
    title: 'Hybrid Lens / SRE overview',
    description: 'Traffic, errors, latency, quantum backends, LLM quality, SLO budgets and firing alerts.',
    from: 'now-6h',
    refresh: '1m',
  })
    .withVariable(providerVariable(jobs, 'Provider'))
    .withVariable(
      labelVariable(LABEL.backend, selector(METRIC.quantumJobs.name, backendFilter().slice(0, 1)), 'Backend')
    )
    .withRow(traffic)
    .withRow(quantum)
    .withRow(llm)
    .withRow(slos)
    .build();
  return withPanelIds(withProviderNames(withRowsOpen(dashboard)));
}
