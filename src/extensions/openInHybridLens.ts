import { PluginExtensionPoints } from '@grafana/data';
import {
  ALERT_ANNOTATION,
  APP_BASE_PATH,
  type AppLink,
  DATASOURCE_TYPE,
  type LinkValue,
  PROMETHEUS_ALERTS,
  VARIABLE,
  type VariableName,
  buildAppUrl,
  parseAppUrl,
} from '@hybridlens/conventions';
import { alertTarget } from '../app/alertTargets';

/**
 * "Open in Hybrid Lens" links for Grafana's extension points. They run in Grafana's own pages with
 * whatever context Grafana hands over, so every field is read defensively; a link that cannot be
 * made better than the Overview still opens the Overview at the right time. This runs in the entry
 * (module.js): Grafana asks for the link's href whenever it shows a panel menu or an Explore toolbar.
 */

type RawTime = string | { valueOf(): number } | undefined;

interface TimeContext {
  timeRange?: { from?: RawTime; to?: RawTime; raw?: { from?: RawTime; to?: RawTime } };
}

interface QueryContext extends TimeContext {
  targets?: Array<{ datasource?: { type?: string; uid?: string } | null } | undefined>;
  scopedVars?: Record<string, { value?: unknown } | undefined>;
}

interface AlertRuleContext {
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const LABEL_VARIABLES: readonly VariableName[] = [
  VARIABLE.provider,
  VARIABLE.backend,
  VARIABLE.model,
  VARIABLE.route,
  VARIABLE.region,
];

function rawTime(value: RawTime): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  return typeof value === 'string' ? value : String(value.valueOf());
}

function timeOf(ctx: TimeContext | undefined): AppLink['time'] {
  const range = ctx?.timeRange;
  const from = rawTime(range?.raw?.from ?? range?.from);
  const to = rawTime(range?.raw?.to ?? range?.to);
  return from && to ? { from, to } : undefined;
}

function prometheusUidOf(ctx: QueryContext | undefined): string | undefined {
  const ds = ctx?.targets?.find((t) => t?.datasource?.type === DATASOURCE_TYPE.prometheus)?.datasource;
  // A uid that is itself a variable reference means nothing outside the dashboard.
  return ds?.uid && !ds.uid.startsWith('$') ? ds.uid : undefined;
}

function labelVariablesOf(ctx: QueryContext | undefined): Partial<Record<VariableName, LinkValue | LinkValue[]>> {
  const out: Partial<Record<VariableName, LinkValue | LinkValue[]>> = {};
  for (const name of LABEL_VARIABLES) {
    const value = ctx?.scopedVars?.[name]?.value;
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string' && v !== '' && v !== '$__all'
    );
    if (values.length > 0) {
      out[name] = values;
    }
  }
  return out;
}

/** Panel menu and Explore: the Overview (or the provider page) with the query's time, Prometheus and filters. */
export function pathForQueryContext(ctx: QueryContext | undefined): string {
  const variables = labelVariablesOf(ctx);
  const prometheus = prometheusUidOf(ctx);
  if (prometheus) {
    variables[VARIABLE.prometheus] = prometheus;
  }
  const time = timeOf(ctx);
  const page = variables[VARIABLE.provider] ? 'providers' : 'overview';
  return buildAppUrl({ page, variables, ...(time ? { time } : {}) });
}

/** Alert rule view: the rule's own drilldown link when it points into the app, else the page its labels suggest. */
export function pathForAlertRule(ctx: AlertRuleContext | undefined): string {
  const drilldown = ctx?.annotations?.[ALERT_ANNOTATION.drilldownUrl];
  if (drilldown && drilldown.includes(APP_BASE_PATH)) {
    const parsed = parseAppUrl(drilldown);
    // Templates ({{ $labels.x }}) are only filled in fired alerts; a rule shows them raw.
    if (parsed && !drilldown.includes('{{')) {
      return buildAppUrl(parsed);
    }
  }
  const labels = { ...(ctx?.labels ?? {}) };
  if (ctx?.name) {
    labels[PROMETHEUS_ALERTS.alertName] = ctx.name;
  }
  return buildAppUrl(alertTarget(labels));
}

/**
 * The link's path for one extension point: each point hands over its own kind of context (a panel's or
 * Explore's queries, an alert rule), so the point's id, not the fields that happen to be set, says how to
 * read it. An extension point the app does not know gets the Overview.
 */
export function openInHybridLensPath(extensionPointId: string, context: object | undefined): string {
  switch (extensionPointId) {
    case PluginExtensionPoints.DashboardPanelMenu:
    case PluginExtensionPoints.ExploreToolbarAction:
      return pathForQueryContext(context as QueryContext | undefined);
    case PluginExtensionPoints.AlertingAlertingRuleAction:
      return pathForAlertRule(context as AlertRuleContext | undefined);
    default:
      return buildAppUrl({ page: 'overview' });
  }
}
