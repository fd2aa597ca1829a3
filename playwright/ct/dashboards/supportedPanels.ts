import { STAND_IN_PANEL_IDS } from '../panels/registry';
import { type DashboardJson, type PanelJson, type RowPanelJson, isRow, panelName } from './dashboardJson';

/**
 * The panel types the bundled dashboards use. The loader refuses anything else by name rather than render
 * an empty box: a new panel type in pkg/dashboards needs a stand-in in playwright/ct/panels/ first.
 */
export const SUPPORTED_PANEL_TYPES = ['text', 'stat', 'table', 'bargauge', 'timeseries'] as const;

for (const type of SUPPORTED_PANEL_TYPES) {
  if (!STAND_IN_PANEL_IDS.includes(type)) {
    throw new Error(
      `The dashboard loader supports panel type "${type}", which has no stand-in in playwright/ct/panels/`
    );
  }
}

export class UnsupportedPanelError extends Error {
  constructor(dashboard: DashboardJson, panel: PanelJson) {
    super(
      `Dashboard "${dashboard.title}": panel ${panelName(panel)} has type "${panel.type}", which the dashboard loader ` +
        `does not support (supported: ${SUPPORTED_PANEL_TYPES.join(', ')})`
    );
    this.name = 'UnsupportedPanelError';
  }
}

/** Every panel, rows' panels included; throws on the first unsupported type so nothing half-renders. */
export function checkPanelTypes(dashboard: DashboardJson): PanelJson[] {
  const panels = (dashboard.panels ?? []).flatMap((p: PanelJson | RowPanelJson) => (isRow(p) ? p.panels : [p]));
  for (const panel of panels) {
    if (!(SUPPORTED_PANEL_TYPES as readonly string[]).includes(panel.type)) {
      throw new UnsupportedPanelError(dashboard, panel);
    }
  }
  return panels;
}
