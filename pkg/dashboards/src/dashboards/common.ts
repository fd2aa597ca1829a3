import { DATASOURCE_TYPE, PAGING_SEVERITIES } from '@hybridlens/conventions';
import {
  AnnotationQueryBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { type ClassicDashboard, ClassicDashboardBuilder } from '../classicDashboard';
import { PROMETHEUS, PROMETHEUS_VARIABLE, PROVISIONED_PROMETHEUS } from '../datasource';
import { pagingAlertsAnnotation } from '../queries/slos';

/** Tag on every bundled dashboard, so they can be found (and listed) together. */
export const DASHBOARD_TAG = 'hybridlens';

export interface DashboardMeta {
  uid: string;
  title: string;
  description: string;
  /** Default time range, e.g. `now-7d`. */
  from: string;
  refresh: string;
}

/** The frame every bundled dashboard shares: uid, tags, time range, the Prometheus picker, paging alerts as annotations. */
export function dashboardFrame(meta: DashboardMeta): ClassicDashboardBuilder {
  return new ClassicDashboardBuilder(meta.title)
    .uid(meta.uid)
    .description(meta.description)
    .tags([DASHBOARD_TAG])
    .editable()
    .time({ from: meta.from, to: 'now' })
    .timezone('browser')
    .refresh(meta.refresh)
    .withVariable(
      new DatasourceVariableBuilder(PROMETHEUS_VARIABLE)
        .label('Prometheus')
        .type(DATASOURCE_TYPE.prometheus)
        .current({ selected: true, text: PROVISIONED_PROMETHEUS.uid, value: PROVISIONED_PROMETHEUS.uid })
    )
    .annotation(
      new AnnotationQueryBuilder()
        .name('Incidents (paging alerts)')
        .datasource(PROMETHEUS)
        .enable(true)
        .iconColor('red')
        .target(new DataqueryBuilder().refId('Anno').expr(pagingAlertsAnnotation(PAGING_SEVERITIES)))
        .expr(pagingAlertsAnnotation(PAGING_SEVERITIES))
        .step('60s')
        .titleFormat('{{alertname}}')
        .textFormat('{{severity}} {{slo}}{{provider}} {{backend}}')
        .tagKeys('severity')
    );
}

/** A provider / backend picker from a metric's labels (multi-value, "All" matches everything). */
export function labelVariable(label: string, fromSelector: string, title: string): QueryVariableBuilder {
  const query = `label_values(${fromSelector}, ${label})`;
  return new QueryVariableBuilder(label)
    .label(title)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ selected: true, text: 'All', value: '$__all' });
}

/** Panel ids in layout order: Grafana needs them unique, and stable ids keep links to a panel working. */
export function withPanelIds(dashboard: ClassicDashboard): ClassicDashboard {
  let next = 1;
  for (const panel of dashboard.panels ?? []) {
    panel.id = next++;
    for (const inner of 'panels' in panel ? (panel.panels ?? []) : []) {
      inner.id = next++;
    }
  }
  return dashboard;
}

/**
 * Rows saved open, as Grafana saves an expanded row: the row with no panels of its own, its panels after it at the
 * top level (Grafana reads a row's `panels` only while it is collapsed). The SDK's builder always nests them, which
 * is a collapsed row: a reader would see nothing but row titles until clicking each.
 */
export function withRowsOpen(dashboard: ClassicDashboard): ClassicDashboard {
  const panels = (dashboard.panels ?? []).flatMap((panel) =>
    panel.type === 'row' && 'panels' in panel ? [{ ...panel, collapsed: false, panels: [] }, ...panel.panels] : [panel]
  );
  return { ...dashboard, panels };
}
