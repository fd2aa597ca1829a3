export { BUNDLED_DASHBOARDS, dashboardFileText, renderDashboards, type BundledDashboard } from './catalog';
export { writeDashboards, staleDashboards, type WriteReport } from './write';
export { EMPTY_WHEN_HEALTHY, isEmptyWhenHealthy } from './panels/text';
export { KEY_SLI_TYPES } from './queries/slos';
export { MACRO } from './queries/grafanaMacros';
export {
  EXECUTIVE_SUMMARY_UID,
  INCIDENT_TABLE_TITLE,
  PAGED_INCIDENTS_TITLE,
  PRICE_MODEL_TEXT,
} from './dashboards/executiveSummary';
export { SRE_OVERVIEW_UID } from './dashboards/sreOverview';
export { ALL_SOURCES_READ_TEXT, CALIBRATION_UID, UNREADABLE_SOURCES_TITLE } from './dashboards/calibration';
export { DASHBOARD_TAG } from './dashboards/common';
export { PROMETHEUS_VARIABLE } from './datasource';
