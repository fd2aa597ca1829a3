import {
  DATASOURCE_TYPE,
  LABEL,
  PAGING_SEVERITIES,
  QUANTUM_PROVIDER,
  QUANTUM_PROVIDER_NAME,
} from '@hybridlens/conventions';
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
import { MACRO } from '../queries/grafanaMacros';
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

/** A multi-value picker from a Prometheus query ("All" matches everything). */
function pickerVariable(name: string, title: string, query: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
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

/** A backend (or any label's) picker from a metric's label values. */
export function labelVariable(label: string, fromSelector: string, title: string): QueryVariableBuilder {
  return pickerVariable(label, title, `label_values(${fromSelector}, ${label})`);
}

/**
 * Grafana's option regex for the provider picker: each `query_result` line (`{provider="ibm",provider_name="IBM
 * Quantum"} 1 1700000000000`) gives the option's value (the id, what queries and links use) and its text (the name).
 * Lookaheads, so the labels may come in either order.
 */
export const PROVIDER_OPTION_REGEX = `/^(?=.*\\b${LABEL.provider}="(?<value>[^"]*)")(?=.*\\b${LABEL.providerName}="(?<text>[^"]*)")/`;

/**
 * The providers seen in the time range, each with its display name as its label: the id itself, then the contract's
 * name for each id it names (a provider outside the contract keeps its id as its name, never hidden).
 */
export function providerNamesQuery(fromSelector: string): string {
  const seen = `max by (${LABEL.provider}) (max_over_time(${fromSelector}[${MACRO.range}]))`;
  const named = Object.values(QUANTUM_PROVIDER).reduce(
    (expr, id) =>
      `label_replace(${expr}, "${LABEL.providerName}", "${QUANTUM_PROVIDER_NAME[id]}", "${LABEL.provider}", "${id}")`,
    `label_replace(${seen}, "${LABEL.providerName}", "$1", "${LABEL.provider}", "(.*)")`
  );
  return `query_result(${named})`;
}

/** The provider picker: shows each provider by name (QUANTUM_PROVIDER_NAME), selects by id. */
export function providerVariable(fromSelector: string, title: string): QueryVariableBuilder {
  return pickerVariable(LABEL.provider, title, providerNamesQuery(fromSelector)).regex(PROVIDER_OPTION_REGEX);
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
