import React, { useMemo } from 'react';
import type { DashboardJson } from './dashboardJson';
import { dashboardTestIds } from './dashboardTestIds';
import { type LoadOptions, loadDashboard } from './loadDashboard';

export interface DashboardHarnessProps extends LoadOptions {
  /** A dashboard JSON as `npm run dashboards` writes it (read in Node by the spec and passed as a prop). */
  dashboard: DashboardJson;
}

/** A bundled dashboard rendered as Scenes, or the loader's error in plain text when it cannot be. */
export function DashboardHarness({ dashboard, ...options }: DashboardHarnessProps) {
  const loaded = useMemo(() => {
    try {
      return { scene: loadDashboard(dashboard, options) };
    } catch (error) {
      return { error: (error as Error).message };
    }
    // Props of a mounted component do not change in the harness; the JSON is loaded once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (loaded.error !== undefined) {
    return (
      <div role="alert" data-testid={dashboardTestIds.loadError}>
        {loaded.error}
      </div>
    );
  }
  return (
    <div data-testid={dashboardTestIds.scene}>
      <h1>{dashboard.title}</h1>
      <loaded.scene.Component model={loaded.scene} />
    </div>
  );
}
