import { EventBusSrv } from '@grafana/data';
import {
  config,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setPluginImportUtils,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import { DATASOURCE_UID } from '@hybridlens/conventions';
import { getPanelPluginFromCache, importPanelPlugin } from '../panels/registry';
import { HarnessBackendSrv } from './backendSrv';
import { HarnessDataSourceSrv } from './dataSourceSrv';
import { interceptLinkClicks } from './interceptLinkClicks';
import { initializeLoggerRegistry } from './loggerRegistry';
import { harnessState } from './queryLog';
import { runRequestStandIn } from './runRequest';
import { registerStandardFieldConfig } from './standardFieldConfig';
import { registerStandardTransformers } from './standardTransformers';
import { HarnessTemplateSrv } from './templateSrv';

export interface HarnessHooksConfig {
  /** Base URL of the real Prometheus the global setup started. */
  prometheusUrl: string;
  /** Scrape interval of the loaded history, e.g. `30s` (the Prometheus datasource's `timeInterval`). */
  scrapeInterval: string;
  /** The app's jsonData (its settings), as Grafana would pass them in the plugin meta. */
  jsonData?: Record<string, unknown>;
  /** The plugin-proxy stand-in for the app's routes (standins/pluginProxy.ts); without it they are not served. */
  pluginProxyUrl?: string;
  /** The signed-in user's organization role (boot data); default Admin. */
  orgRole?: 'Viewer' | 'Editor' | 'Admin';
  /** Base URL of the Tempo and Loki stand-in the global setup started (their uids are routed there). */
  tempoLokiUrl?: string;
  /** A Prometheus with exemplar storage: the Prometheus datasource's `query_exemplars` calls go there. */
  exemplarPrometheusUrl?: string;
}

let staticInstalled = false;

/** Services Grafana sets up once at start-up, before any plugin code runs. */
export function installStaticRuntime(): void {
  if (staticInstalled) {
    return;
  }
  staticInstalled = true;
  initializeLoggerRegistry();
  registerStandardFieldConfig();
  registerStandardTransformers();
  setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache });
  setAppEvents(new EventBusSrv());
  setRunRequest(runRequestStandIn);
  setTemplateSrv(new HarnessTemplateSrv());
  config.defaultDatasource = DATASOURCE_UID.prometheus;
  interceptLinkClicks();
  harnessState();
}

/** Services that depend on the test: the datasources (a real Prometheus) and Grafana's HTTP API. */
export function installTestRuntime(hooksConfig: HarnessHooksConfig | undefined): void {
  if (!hooksConfig?.prometheusUrl) {
    throw new Error('The page harness needs hooksConfig.prometheusUrl (set by playwright/ct/server/globalSetup.ts)');
  }
  setDataSourceSrv(
    new HarnessDataSourceSrv(hooksConfig.prometheusUrl, hooksConfig.scrapeInterval, hooksConfig.tempoLokiUrl)
  );
  setBackendSrv(
    new HarnessBackendSrv(
      hooksConfig.prometheusUrl,
      hooksConfig.jsonData ?? {},
      hooksConfig.pluginProxyUrl,
      hooksConfig.tempoLokiUrl,
      hooksConfig.exemplarPrometheusUrl
    )
  );
  config.bootData.user.orgRole = (hooksConfig.orgRole ?? 'Admin') as typeof config.bootData.user.orgRole;
}
