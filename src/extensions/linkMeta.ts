import { PluginExtensionPoints } from '@grafana/data';

/**
 * What Grafana shows for the "Open in Hybrid Lens" link. Grafana matches title, description and targets
 * against "extensions.addedLinks" in plugin.json and drops links that differ, so they stay literal here and
 * untranslated (plugin.json has no translations).
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

export type OpenInHybridLensTarget = (typeof OPEN_IN_HYBRID_LENS.targets)[number];

/**
 * "Open quantum job in Hybrid Lens" on Grafana's trace view (12.4: `grafana/traceview/resource-attributes`, the
 * point whose context carries the span's attributes). The trace view shows a link next to the attribute row whose
 * key equals the link's category: the contract's `quantum.job.id`, literal here to keep the contract out of the
 * entry (a unit test keeps it equal to the contract's key).
 */
export const OPEN_QUANTUM_JOB = {
  title: 'Open quantum job in Hybrid Lens',
  description: 'Open the Hybrid Lens page of the provider job this span ran',
  targets: [PluginExtensionPoints.TraceViewResourceAttributes],
  category: 'quantum.job.id',
} as const;
