/** Every data-testid of the app, in one place, for unit, browser and Grafana e2e tests. */
export const testIds = {
  appConfig: {
    container: 'hybridlens-config',
    prometheusUid: 'hybridlens-config-prometheus-uid',
    tempoUid: 'hybridlens-config-tempo-uid',
    lokiUid: 'hybridlens-config-loki-uid',
    grafanaBaseUrl: 'hybridlens-config-base-url',
    save: 'hybridlens-config-save',
    problems: 'hybridlens-config-problems',
  },
  overview: {
    container: 'hybridlens-overview',
    wiring: 'hybridlens-overview-wiring',
  },
  pending: {
    container: 'hybridlens-pending-page',
  },
  settingsProblems: 'hybridlens-settings-problems',
} as const;
