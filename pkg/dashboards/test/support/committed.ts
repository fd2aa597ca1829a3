import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '@hybridlens/testkit';
import { BUNDLED_DASHBOARDS } from '../../src';
import type { DashboardJson } from './dashboardQueries';

export const DASHBOARD_DIR = resolve(repoRoot, 'src/dashboards');

/** The committed dashboard files, as the plugin ships them. */
export function committedDashboards(): DashboardJson[] {
  return BUNDLED_DASHBOARDS.map(
    (d) => JSON.parse(readFileSync(resolve(DASHBOARD_DIR, d.file), 'utf8')) as DashboardJson
  );
}
