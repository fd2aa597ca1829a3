/** Test ids of the dashboard loader's own elements (the panels themselves are found by their titles). */
export const dashboardTestIds = {
  scene: 'hl-dashboard-scene',
  loadError: 'hl-dashboard-load-error',
  panelLink: 'hl-dashboard-panel-link',
} as const;
