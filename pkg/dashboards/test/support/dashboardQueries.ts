import { isEmptyWhenHealthy } from '../../src';

/** The parts of the classic dashboard JSON the tests read (kept loose: the schema test checks the shape). */
export interface DashboardJson {
  uid: string;
  title: string;
  time: { from: string; to: string };
  panels: PanelJson[];
  templating: { list: VariableJson[] };
  annotations: {
    list: Array<{ name: string; datasource?: DataSourceJson; expr?: string; target?: { expr?: string } }>;
  };
}

export interface DataSourceJson {
  type?: string;
  uid?: string;
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: DataSourceJson;
  interval?: string;
  maxDataPoints?: number;
  targets?: Array<{ refId: string; expr: string; instant?: boolean; range?: boolean; datasource?: DataSourceJson }>;
  links?: Array<{ title: string; url: string }>;
  fieldConfig?: {
    defaults: {
      links?: Array<{ title: string; url: string }>;
      mappings?: Array<{ type: string; options: Record<string, { text?: string }> }>;
    };
    overrides: Array<{ properties: Array<{ id: string; value: unknown }> }>;
  };
  panels?: PanelJson[];
  /** Rows only: whether it is saved collapsed (its panels then inside it). */
  collapsed?: boolean;
}

export interface VariableJson {
  name: string;
  type: string;
  query?: string | { query?: string };
  datasource?: DataSourceJson;
  current?: { value: string | string[] };
  allValue?: string;
  /** Grafana's option regex (`/.../`): filters the options, or names their text and value with named groups. */
  regex?: string;
}

export interface DashboardQuery {
  dashboard: string;
  /** Where the query sits, for failure messages. */
  where: string;
  expr: string;
  instant: boolean;
  panel?: PanelJson;
  emptyWhenHealthy: boolean;
  datasource?: DataSourceJson;
}

/** Every panel, rows flattened. */
export function allPanels(dashboard: DashboardJson): PanelJson[] {
  return dashboard.panels.flatMap((p) => (p.type === 'row' ? (p.panels ?? []) : [p]));
}

/** Every PromQL query of a dashboard: panel targets, annotation queries and variable queries. */
export function dashboardQueries(dashboard: DashboardJson): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  for (const panel of allPanels(dashboard)) {
    for (const target of panel.targets ?? []) {
      queries.push({
        dashboard: dashboard.uid,
        where: `panel "${panel.title}" query ${target.refId}`,
        expr: target.expr,
        instant: target.instant === true,
        panel,
        emptyWhenHealthy: isEmptyWhenHealthy(panel.description),
        datasource: target.datasource ?? panel.datasource,
      });
    }
  }
  for (const annotation of dashboard.annotations.list) {
    const expr = annotation.target?.expr ?? annotation.expr;
    if (expr) {
      // Annotations mark incidents: none is the healthy state.
      queries.push({
        dashboard: dashboard.uid,
        where: `annotation "${annotation.name}"`,
        expr,
        instant: false,
        emptyWhenHealthy: true,
        datasource: annotation.datasource,
      });
    }
  }
  return queries;
}

function variableQuery(v: VariableJson): string {
  return typeof v.query === 'string' ? v.query : (v.query?.query ?? '');
}

const QUERY_RESULT = /^query_result\((.*)\)$/;

/** The query variables that list `query_result(expr)` lines and pick text and value out of each with their regex. */
export function queryResultVariables(dashboard: DashboardJson): Array<{ name: string; expr: string; regex: string }> {
  return dashboard.templating.list
    .filter((v) => v.type === 'query' && QUERY_RESULT.test(variableQuery(v)))
    .map((v) => ({ name: v.name, expr: QUERY_RESULT.exec(variableQuery(v))![1]!, regex: v.regex ?? '' }));
}

/** `label_values(selector, label)` of each other query variable. */
export function labelValuesVariables(
  dashboard: DashboardJson
): Array<{ name: string; selector: string; label: string }> {
  return dashboard.templating.list
    .filter((v) => v.type === 'query' && !QUERY_RESULT.test(variableQuery(v)))
    .map((v) => {
      const text = variableQuery(v);
      const m = /^label_values\((.*),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(text);
      if (!m) {
        throw new Error(`${dashboard.uid}: variable ${v.name} is not label_values(selector, label): ${text}`);
      }
      return { name: v.name, selector: m[1]!, label: m[2]! };
    });
}

/** Every link URL of a panel: panel links, data links and links set by overrides. */
export function panelLinks(panel: PanelJson): Array<{ title: string; url: string }> {
  const fromOverrides = (panel.fieldConfig?.overrides ?? []).flatMap((o) =>
    o.properties.filter((p) => p.id === 'links').flatMap((p) => p.value as Array<{ title: string; url: string }>)
  );
  return [...(panel.links ?? []), ...(panel.fieldConfig?.defaults.links ?? []), ...fromOverrides];
}
