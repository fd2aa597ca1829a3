import { LOAD_ERROR_TEST_IDS } from '../entry/loadErrorTestIds';

/** Every data-testid of the app, in one place, for unit, browser and Grafana e2e tests. */
export const testIds = {
  appConfig: {
    container: 'hybridlens-config',
    prometheusUid: 'hybridlens-config-prometheus-uid',
    tempoUid: 'hybridlens-config-tempo-uid',
    lokiUid: 'hybridlens-config-loki-uid',
    grafanaBaseUrl: 'hybridlens-config-base-url',
    threshold: (key: string) => `hybridlens-config-threshold-${key}`,
    save: 'hybridlens-config-save',
    problems: 'hybridlens-config-problems',
    test: 'hybridlens-config-test',
    testResult: 'hybridlens-config-test-result',
    testCheck: 'hybridlens-config-test-check',
  },
  overview: {
    firingAlerts: 'hybridlens-overview-firing-alerts',
    firingAlert: 'hybridlens-overview-firing-alert',
  },
  slos: {
    table: 'hybridlens-slos-table',
    row: 'hybridlens-slos-row',
    metadataMissing: 'hybridlens-slos-metadata-missing',
  },
  sloDetail: {
    status: 'hybridlens-slo-status',
    tierState: 'hybridlens-slo-tier-state',
    lowTraffic: 'hybridlens-slo-low-traffic',
    playbookLink: 'hybridlens-slo-playbook-link',
  },
  playbooks: {
    list: 'hybridlens-playbooks-list',
    row: 'hybridlens-playbooks-row',
    firing: 'hybridlens-playbooks-firing',
  },
  playbook: {
    step: 'hybridlens-playbook-step',
    check: 'hybridlens-playbook-check',
    checkRow: 'hybridlens-playbook-check-row',
    stepLink: 'hybridlens-playbook-step-link',
    unknown: 'hybridlens-playbook-unknown',
    scope: 'hybridlens-playbook-scope',
  },
  pending: {
    container: 'hybridlens-pending-page',
    params: 'hybridlens-pending-params',
    playbookLink: 'hybridlens-pending-playbook-link',
  },
  states: {
    loading: 'hybridlens-state-loading',
    error: 'hybridlens-state-error',
    errorDetail: 'hybridlens-state-error-detail',
    empty: 'hybridlens-state-empty',
  },
  pageError: {
    container: 'hybridlens-page-error',
    detail: 'hybridlens-page-error-detail',
    back: 'hybridlens-page-error-back',
    retry: 'hybridlens-page-error-retry',
  },
  loadError: LOAD_ERROR_TEST_IDS,
  tileFilterScope: 'hybridlens-tile-filter-scope',
  alertBanner: 'hybridlens-alert-banner',
  tileLink: 'hybridlens-tile-link',
  shareLink: 'hybridlens-share-link',
  notFound: 'hybridlens-not-found',
  settingsProblems: 'hybridlens-settings-problems',
} as const;
