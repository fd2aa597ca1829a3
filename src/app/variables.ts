import { DataSourceVariable } from '@grafana/scenes';
import { DATASOURCE_TYPE, VARIABLE } from '@hybridlens/conventions';
import type { AppContext } from './AppContext';

/** The Prometheus datasource picker every metrics page shares; URL key `var-prometheus`. */
export function prometheusVariable(ctx: AppContext): DataSourceVariable {
  return new DataSourceVariable({
    name: VARIABLE.prometheus,
    label: 'Prometheus',
    pluginId: DATASOURCE_TYPE.prometheus,
    value: ctx.settings.prometheusUid,
  });
}

/** Reference to the Prometheus variable for query datasources. */
export const PROMETHEUS_DS_REF = { type: DATASOURCE_TYPE.prometheus, uid: `\${${VARIABLE.prometheus}}` };
