import type { Dashboard, Panel, RowPanel } from '@grafana/schema';

/** A dashboard as Grafana stores it (the files `npm run dashboards` writes into src/dashboards/). */
export type DashboardJson = Dashboard;
export type PanelJson = Panel;
export type RowPanelJson = RowPanel;

export function isRow(panel: PanelJson | RowPanelJson): panel is RowPanelJson {
  return panel.type === 'row';
}

/** A panel's name for messages: its title, or its id when it has none (text panels). */
export function panelName(panel: PanelJson | RowPanelJson): string {
  return panel.title ? `"${panel.title}"` : `#${panel.id ?? '?'}`;
}
