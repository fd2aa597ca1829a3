import { type AppLink, PROMETHEUS_ALERTS, buildAppUrl, templateValue, type LinkValue } from '@hybridlens/conventions';
import { DashboardLinkBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS_VARIABLE } from './datasource';

/**
 * Links from a dashboard into the app's pages. They are built by the contract's buildAppUrl, with Grafana's
 * own template values for the dashboard's time range and datasource, so the page opens on what the panel showed.
 */

/** Grafana replaces these in panel and data links. */
export const GRAFANA_LINK_VALUE = {
  from: '${__from}',
  to: '${__to}',
  datasource: `\${${PROMETHEUS_VARIABLE}}`,
} as const;

/** A label of the series a data link was clicked on (percent-encoded by Grafana). */
export function seriesLabel(label: string): LinkValue {
  return templateValue(`\${__field.labels.${label}:percentencode}`);
}

/** The table cell a data link was clicked on (percent-encoded by Grafana). */
export function cellValue(): LinkValue {
  return templateValue('${__value.raw:percentencode}');
}

/** The app URL of a page at the dashboard's time range, on the dashboard's Prometheus. */
export function appUrl(link: Omit<AppLink, 'time'>): string {
  return buildAppUrl({
    ...link,
    time: { from: templateValue(GRAFANA_LINK_VALUE.from), to: templateValue(GRAFANA_LINK_VALUE.to) },
    variables: { [PROMETHEUS_VARIABLE]: templateValue(GRAFANA_LINK_VALUE.datasource), ...link.variables },
  });
}

/** A link (panel link or data link) into the app. */
export function appLink(title: string, link: Omit<AppLink, 'time'>): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title).url(appUrl(link)).targetBlank(false);
}

/** Field-config properties that make an alert-name cell open the app's playbooks for that alert. */
export function alertPlaybookCellLinks(): Array<{ id: string; value: unknown }> {
  return [
    {
      id: 'links',
      value: [
        appLink('Playbooks for this alert', {
          page: 'playbooks',
          query: { [PROMETHEUS_ALERTS.alertName]: cellValue() },
        }).build(),
      ],
    },
  ];
}
