import {
  type DataSourceApi,
  type DataSourceInstanceSettings,
  type DataSourceJsonData,
  type DataSourceRef,
  PluginType,
  type ScopedVars,
} from '@grafana/data';
import { type DataSourceSrv, type GetDataSourceListFilters, getTemplateSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE, DATASOURCE_UID } from '@hybridlens/conventions';
import { PrometheusStandIn, UnavailableStandIn } from './prometheusDataSource';
import { TempoStandIn } from './tempoDataSource';

/** What Grafana's datasource list would hold for the provisioned stack. */
export function instanceSettings(
  uid: string,
  type: string,
  name: string,
  jsonData: DataSourceJsonData = {}
): DataSourceInstanceSettings {
  return {
    id: 0,
    uid,
    type,
    name,
    access: 'proxy',
    readOnly: true,
    jsonData,
    isDefault: type === DATASOURCE_TYPE.prometheus,
    meta: {
      id: type,
      name: type,
      type: PluginType.datasource,
      module: '',
      baseUrl: '',
      metrics: true,
      info: {
        author: { name: 'harness' },
        description: `${type} (page harness stand-in)`,
        links: [],
        logos: { small: '', large: '' },
        screenshots: [],
        updated: '',
        version: '',
      },
    },
  };
}

function refUid(ref: DataSourceRef | string | null | undefined, scopedVars?: ScopedVars): string | undefined {
  const raw = typeof ref === 'string' ? ref : (ref?.uid ?? undefined);
  return raw === undefined ? undefined : getTemplateSrv().replace(raw, scopedVars ?? {});
}

/**
 * Resolves the provisioned datasource uids (from the contract) to stand-ins. Unknown uids fail by name, as
 * Grafana's own service does, so a page that asks for the wrong datasource is caught.
 */
export class HarnessDataSourceSrv implements DataSourceSrv {
  private readonly settings: DataSourceInstanceSettings[];
  private readonly instances = new Map<string, DataSourceApi>();

  constructor(prometheusUrl: string, scrapeInterval: string, tempoLokiUrl?: string) {
    const prometheus = instanceSettings(DATASOURCE_UID.prometheus, DATASOURCE_TYPE.prometheus, 'Prometheus', {
      timeInterval: scrapeInterval,
    } as DataSourceJsonData);
    this.settings = [
      prometheus,
      instanceSettings(DATASOURCE_UID.tempo, DATASOURCE_TYPE.tempo, 'Tempo'),
      instanceSettings(DATASOURCE_UID.loki, DATASOURCE_TYPE.loki, 'Loki'),
      instanceSettings(DATASOURCE_UID.alertmanager, DATASOURCE_TYPE.alertmanager, 'Alertmanager'),
    ];
    this.instances.set(prometheus.uid, new PrometheusStandIn(prometheus, prometheusUrl));
    for (const s of this.settings.slice(1)) {
      this.instances.set(s.uid, new UnavailableStandIn(s));
    }
    if (tempoLokiUrl) {
      // Grafana's traces panel queries the Tempo datasource itself (the pages read Tempo and Loki via the proxy).
      this.instances.set(DATASOURCE_UID.tempo, new TempoStandIn(this.settings[1]!, tempoLokiUrl));
    }
  }

  getInstanceSettings(
    ref?: DataSourceRef | string | null,
    scopedVars?: ScopedVars
  ): DataSourceInstanceSettings | undefined {
    const uid = refUid(ref, scopedVars);
    if (uid === undefined || uid === 'default') {
      return this.settings[0];
    }
    return this.settings.find((s) => s.uid === uid || s.name === uid);
  }

  async get(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref, scopedVars);
    const instance = settings && this.instances.get(settings.uid);
    if (!instance) {
      throw new Error(
        `Datasource ${JSON.stringify(ref)} was not found (the harness has: ${this.settings.map((s) => s.uid).join(', ')})`
      );
    }
    return instance;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return this.settings.filter((s) => {
      if (filters.pluginId && s.type !== filters.pluginId) {
        return false;
      }
      if (filters.type && s.type !== filters.type) {
        return false;
      }
      if (filters.metrics && !s.meta.metrics) {
        return false;
      }
      return true;
    });
  }

  // @grafana/runtime 13 declares a Promise here, 12.x void: a resolved Promise satisfies both.
  async reload(): Promise<void> {}

  registerRuntimeDataSource(): void {
    throw new Error('registerRuntimeDataSource is not supported by the page harness');
  }

  /** The Prometheus stand-in, for the backend stand-in's proxy routes. */
  prometheus(): PrometheusStandIn {
    return this.instances.get(DATASOURCE_UID.prometheus) as PrometheusStandIn;
  }
}
