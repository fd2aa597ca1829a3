import type { ClassicDashboard } from './classicDashboard';
import { calibration, CALIBRATION_UID } from './dashboards/calibration';
import { executiveSummary, EXECUTIVE_SUMMARY_UID } from './dashboards/executiveSummary';
import { sreOverview, SRE_OVERVIEW_UID } from './dashboards/sreOverview';

export interface BundledDashboard {
  uid: string;
  /** File name under src/dashboards/ (and the path plugin.json lists, `dashboards/<file>`). */
  file: string;
  build: () => ClassicDashboard;
}

/** Every dashboard the plugin bundles, in the order plugin.json lists them. */
export const BUNDLED_DASHBOARDS: readonly BundledDashboard[] = [
  { uid: EXECUTIVE_SUMMARY_UID, file: 'executive-summary.json', build: executiveSummary },
  { uid: SRE_OVERVIEW_UID, file: 'sre-overview.json', build: sreOverview },
  { uid: CALIBRATION_UID, file: 'calibration.json', build: calibration },
];

/** The text written to a dashboard file: stable key order as built, two-space indent, final newline. */
export function dashboardFileText(dashboard: ClassicDashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/** Every bundled dashboard as file name → file text. */
export function renderDashboards(): Map<string, string> {
  return new Map(BUNDLED_DASHBOARDS.map((d) => [d.file, dashboardFileText(d.build())]));
}
