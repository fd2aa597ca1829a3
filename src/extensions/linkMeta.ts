import { PluginExtensionPoints } from '@grafana/data';

/**
 * What Grafana shows for the "Open in Hybrid Lens" link. Kept free of imports from the contract:
 * this file is part of the 10 KB entry, the URL logic loads lazily when the link is clicked.
 * Title, description and targets must match "extensions.addedLinks" in plugin.json.
 */
export const OPEN_IN_HYBRID_LENS = {
  title: 'Open in Hybrid Lens',
  description: 'Open the Hybrid Lens page for this data at the same time range',
  /** Panel menu, Explore toolbar, alert rule view (values of PluginExtensionPoints in @grafana/data 12.4). */
  targets: [
    PluginExtensionPoints.DashboardPanelMenu,
    PluginExtensionPoints.ExploreToolbarAction,
    PluginExtensionPoints.AlertingAlertingRuleAction,
  ],
} as const;
