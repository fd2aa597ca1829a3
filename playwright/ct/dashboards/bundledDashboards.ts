import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_DASHBOARDS } from '@hybridlens/dashboards';
import { type DashboardJson, type PanelJson, type RowPanelJson, isRow } from './dashboardJson';

/** Where `npm run dashboards` writes the bundled dashboards. */
export const DASHBOARDS_DIR = resolve(__dirname, '../../../src/dashboards');

/** A committed dashboard JSON by uid (read in Node by a spec, then passed to the page as a prop). */
export function readBundledDashboard(uid: string): DashboardJson {
  const entry = BUNDLED_DASHBOARDS.find((d) => d.uid === uid);
  if (!entry) {
    throw new Error(`no bundled dashboard has uid "${uid}" (have: ${BUNDLED_DASHBOARDS.map((d) => d.uid).join(', ')})`);
  }
  return JSON.parse(readFileSync(resolve(DASHBOARDS_DIR, entry.file), 'utf8')) as DashboardJson;
}

/** Every panel, the panels of rows included, rows themselves left out. */
export function flatPanels(dashboard: DashboardJson): PanelJson[] {
  return (dashboard.panels ?? []).flatMap((p: PanelJson | RowPanelJson) => (isRow(p) ? p.panels : [p]));
}
