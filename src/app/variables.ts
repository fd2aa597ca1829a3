import { DataSourceVariable, QueryVariable, SceneVariableSet, type SceneVariable } from '@grafana/scenes';
import { VariableRefresh } from '@grafana/data';
import { DATASOURCE_TYPE, LABEL, METRIC, VARIABLE, type VariableName } from '@hybridlens/conventions';
import type { AppContext } from './AppContext';
import { fromVariable, selector } from '../queries/selectors';

/** Reference to the Prometheus variable for query datasources. */
export const PROMETHEUS_DS_REF = { type: DATASOURCE_TYPE.prometheus, uid: `\${${VARIABLE.prometheus}}` };

/** Value a label variable takes for "All": matches every value, including series without the label. */
export const ALL_VALUE = '.*';

function datasourceVariable(name: VariableName, label: string, pluginId: string, uid: string): DataSourceVariable {
  return new DataSourceVariable({ name, label, pluginId, value: uid });
}

/** `label_values(...)` source of each label variable: the contract series that carries the label. */
const LABEL_SOURCES: Partial<Record<VariableName, { label: string; metric: string; matchers?: string[] }>> = {
  [VARIABLE.route]: { label: 'Route', metric: METRIC.requests.name },
  [VARIABLE.model]: { label: 'Model', metric: METRIC.requests.name },
  [VARIABLE.region]: { label: 'Region', metric: METRIC.requests.name },
  [VARIABLE.provider]: { label: 'Provider', metric: METRIC.quantumJobs.name },
  // Backends narrow to the chosen providers.
  [VARIABLE.backend]: {
    label: 'Backend',
    metric: METRIC.quantumJobs.name,
    matchers: [fromVariable(LABEL.provider, VARIABLE.provider)],
  },
};

/** The `label_values` query behind a label variable. */
export function labelValuesQuery(name: VariableName): string {
  const source = LABEL_SOURCES[name];
  if (!source) {
    throw new Error(`labelValuesQuery: ${name} is not a label variable`);
  }
  return `label_values(${selector(source.metric, source.matchers)}, ${name})`;
}

function labelVariable(name: VariableName): QueryVariable {
  const source = LABEL_SOURCES[name]!;
  return new QueryVariable({
    name,
    label: source.label,
    datasource: PROMETHEUS_DS_REF,
    query: { refId: `labelValues-${name}`, query: labelValuesQuery(name) },
    includeAll: true,
    defaultToAll: true,
    isMulti: true,
    allValue: ALL_VALUE,
    refresh: VariableRefresh.onTimeRangeChanged,
  });
}

/** Builds the variables a page keeps in its URL (`var-<name>`), in the order given. */
export function pageVariables(ctx: AppContext, names: readonly VariableName[]): SceneVariableSet {
  const variables: SceneVariable[] = names.map((name) => {
    switch (name) {
      case VARIABLE.prometheus:
        return datasourceVariable(name, 'Prometheus', DATASOURCE_TYPE.prometheus, ctx.settings.prometheusUid);
      case VARIABLE.tempo:
        return datasourceVariable(name, 'Tempo', DATASOURCE_TYPE.tempo, ctx.settings.tempoUid);
      case VARIABLE.loki:
        return datasourceVariable(name, 'Loki', DATASOURCE_TYPE.loki, ctx.settings.lokiUid);
      default:
        return labelVariable(name);
    }
  });
  return new SceneVariableSet({ variables });
}
