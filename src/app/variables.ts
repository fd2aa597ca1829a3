import { DataSourceVariable, QueryVariable, SceneVariableSet, type SceneVariable } from '@grafana/scenes';
import { VariableRefresh } from '@grafana/data';
import { DATASOURCE_TYPE, METRIC, VARIABLE, type VariableName, selector } from '@hybridlens/conventions';
import type { AppContext } from './AppContext';
import { t } from '../i18n';
import { FILTER_LABEL, type FilterVariable, filterMatchers } from '../queries/filters';
import { ProviderVariable } from './providerVariable';

/** Reference to the Prometheus variable for query datasources. */
export const PROMETHEUS_DS_REF = { type: DATASOURCE_TYPE.prometheus, uid: `\${${VARIABLE.prometheus}}` };

/** Reference to the Tempo variable for query datasources. */
export const TEMPO_DS_REF = { type: DATASOURCE_TYPE.tempo, uid: `\${${VARIABLE.tempo}}` };

/** Value a label variable takes for "All": matches every value, including series without the label. */
export const ALL_VALUE = '.*';

/** `label_values(...)` source of each filter: the contract series that carries the label. */
const LABEL_SOURCES: Readonly<Record<FilterVariable, { metric: string; narrowedBy?: FilterVariable[] }>> = {
  [VARIABLE.route]: { metric: METRIC.requests.name },
  [VARIABLE.model]: { metric: METRIC.requests.name },
  [VARIABLE.region]: { metric: METRIC.requests.name },
  [VARIABLE.path]: { metric: METRIC.requests.name },
  [VARIABLE.provider]: { metric: METRIC.quantumJobs.name },
  // Backends narrow to the chosen providers.
  [VARIABLE.backend]: { metric: METRIC.quantumJobs.name, narrowedBy: [VARIABLE.provider] },
};

/** The translated name of a filter, as its picker and the tiles' filter notes show it. */
export function filterName(variable: FilterVariable): string {
  switch (variable) {
    case VARIABLE.route:
      return t('variables.route', 'Route');
    case VARIABLE.model:
      return t('variables.model', 'Model');
    case VARIABLE.region:
      return t('variables.region', 'Region');
    case VARIABLE.path:
      return t('variables.path', 'Path');
    case VARIABLE.provider:
      return t('variables.provider', 'Provider');
    case VARIABLE.backend:
      return t('variables.backend', 'Backend');
  }
}

function isFilter(name: VariableName): name is FilterVariable {
  return name in FILTER_LABEL;
}

/** The `label_values` query behind a filter variable. */
export function labelValuesQuery(name: FilterVariable): string {
  const source = LABEL_SOURCES[name];
  return `label_values(${selector(source.metric, filterMatchers(source.narrowedBy ?? []))}, ${FILTER_LABEL[name]})`;
}

function labelVariable(name: FilterVariable): QueryVariable {
  // Providers are shown by name; every other label's values are already what people call them.
  const Variable = name === VARIABLE.provider ? ProviderVariable : QueryVariable;
  return new Variable({
    name,
    label: filterName(name),
    datasource: PROMETHEUS_DS_REF,
    query: { refId: `labelValues-${name}`, query: labelValuesQuery(name) },
    includeAll: true,
    defaultToAll: true,
    isMulti: true,
    allValue: ALL_VALUE,
    refresh: VariableRefresh.onTimeRangeChanged,
  });
}

function datasourceVariable(name: VariableName, label: string, pluginId: string, uid: string): DataSourceVariable {
  return new DataSourceVariable({ name, label, pluginId, value: uid });
}

/** Builds the variables a page keeps in its URL (`var-<name>`), in the order given. */
export function pageVariables(ctx: AppContext, names: readonly VariableName[]): SceneVariableSet {
  const variables: SceneVariable[] = names.map((name) => {
    switch (name) {
      case VARIABLE.prometheus:
        return datasourceVariable(
          name,
          t('variables.prometheus', 'Prometheus'),
          DATASOURCE_TYPE.prometheus,
          ctx.settings.prometheusUid
        );
      case VARIABLE.tempo:
        return datasourceVariable(name, t('variables.tempo', 'Tempo'), DATASOURCE_TYPE.tempo, ctx.settings.tempoUid);
      case VARIABLE.loki:
        return datasourceVariable(name, t('variables.loki', 'Loki'), DATASOURCE_TYPE.loki, ctx.settings.lokiUid);
      default:
        if (!isFilter(name)) {
          throw new Error(`pageVariables: no variable is defined for "${name}"`);
        }
        return labelVariable(name);
    }
  });
  return new SceneVariableSet({ variables });
}
