import { VariableHide, VariableRefresh, VariableSort } from '@grafana/data';
import type { VariableModel } from '@grafana/schema';
import { DataSourceVariable, QueryVariable, type SceneVariable, SceneVariableSet } from '@grafana/scenes';
import type { DashboardJson } from './dashboardJson';

type Current = { text?: string | string[]; value?: string | string[] };

function current(variable: VariableModel): { value: string | string[]; text: string | string[] } {
  const { value = '', text = value } = (variable.current ?? {}) as Current;
  return { value, text };
}

function queryText(variable: VariableModel): string {
  const query = variable.query as string | { query?: string } | undefined;
  return typeof query === 'string' ? query : (query?.query ?? '');
}

function toSceneVariable(dashboard: DashboardJson, variable: VariableModel): SceneVariable {
  const common = {
    name: variable.name,
    label: variable.label,
    description: variable.description ?? undefined,
    hide: (variable.hide as number | undefined) ?? VariableHide.dontHide,
    skipUrlSync: variable.skipUrlSync,
    ...current(variable),
  };
  switch (variable.type) {
    case 'datasource':
      return new DataSourceVariable({ ...common, pluginId: queryText(variable), regex: variable.regex ?? '' });
    case 'query':
      return new QueryVariable({
        ...common,
        datasource: variable.datasource ?? null,
        query: { refId: `variable-${variable.name}`, query: queryText(variable) },
        regex: variable.regex ?? '',
        isMulti: variable.multi ?? false,
        includeAll: variable.includeAll ?? false,
        allValue: variable.allValue ?? undefined,
        refresh: (variable.refresh as number | undefined) ?? VariableRefresh.onDashboardLoad,
        sort: (variable.sort as number | undefined) ?? VariableSort.disabled,
      });
    default:
      throw new Error(
        `Dashboard "${dashboard.title}": variable "${variable.name}" has type "${variable.type}", which the dashboard ` +
          'loader does not support (supported: datasource, query)'
      );
  }
}

/** The dashboard's templating variables as Scenes variables, with their saved current values. */
export function dashboardVariables(dashboard: DashboardJson): SceneVariableSet {
  return new SceneVariableSet({
    variables: (dashboard.templating?.list ?? []).map((v) => toSceneVariable(dashboard, v)),
  });
}
