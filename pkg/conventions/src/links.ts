import {
  APP_BASE_PATH,
  LEGACY_ROUTES,
  PAGE,
  type PageId,
  QUERY_PARAM,
  VARIABLE,
  type VariableName,
  variableUrlParam,
} from './routes';

/**
 * A value rendered later by a template engine (Prometheus alert annotations): inserted verbatim,
 * e.g. `{{ $labels.provider | urlquery }}`. Plain strings are always URL-encoded.
 */
export interface TemplateValue {
  readonly template: string;
}

export type LinkValue = string | number | TemplateValue;

export function templateValue(template: string): TemplateValue {
  return { template };
}

export interface AppLink {
  page: PageId;
  /** Values of the page's `:name` path segments. */
  params?: Readonly<Record<string, LinkValue>>;
  /** Scene variable values (`var-<name>`). Arrays give multi-value variables. */
  variables?: Readonly<Partial<Record<VariableName, LinkValue | readonly LinkValue[]>>>;
  /** Grafana time range: epoch ms or relative (`now-6h`). */
  time?: { from: LinkValue; to: LinkValue };
  /** Other query parameters (see QUERY_PARAM). */
  query?: Readonly<Record<string, LinkValue>>;
}

export interface LinkOptions {
  /** Grafana root URL (e.g. `https://grafana.example.com/sub`); omitted → a path-absolute link. */
  baseUrl?: string;
}

function isTemplate(value: LinkValue): value is TemplateValue {
  return typeof value === 'object' && value !== null && 'template' in value;
}

function encodeValue(value: LinkValue): string {
  return isTemplate(value) ? value.template : encodeURIComponent(String(value));
}

function pathParamNames(routePath: string): string[] {
  return routePath
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}

/** The path of a page relative to the Grafana root, e.g. `/a/<app>/providers/ibm/ibm_sherbrooke`. */
export function appPath(page: PageId, params: Readonly<Record<string, LinkValue>> = {}): string {
  const route = PAGE[page].path;
  const missing = pathParamNames(route).filter((name) => params[name] === undefined || params[name] === '');
  if (missing.length > 0) {
    throw new Error(`appPath(${page}): missing path parameter(s) ${missing.join(', ')} for route "${route}"`);
  }
  const path = route
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeValue(params[segment.slice(1)]!) : segment))
    .join('/');
  return `${APP_BASE_PATH}/${path}`;
}

/** The one function that builds every link into the app (plugin pages, alert rules, docs). */
export function buildAppUrl(link: AppLink, options: LinkOptions = {}): string {
  const pairs: string[] = [];
  if (link.time) {
    pairs.push(`${QUERY_PARAM.from}=${encodeValue(link.time.from)}`, `${QUERY_PARAM.to}=${encodeValue(link.time.to)}`);
  }
  for (const name of Object.values(VARIABLE)) {
    const value = link.variables?.[name];
    if (value === undefined) {
      continue;
    }
    const values: readonly LinkValue[] = Array.isArray(value) ? value : [value as LinkValue];
    for (const v of values) {
      pairs.push(`${variableUrlParam(name)}=${encodeValue(v)}`);
    }
  }
  for (const [key, value] of Object.entries(link.query ?? {})) {
    pairs.push(`${encodeURIComponent(key)}=${encodeValue(value)}`);
  }
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return `${base}${appPath(link.page, link.params)}${query}`;
}

export interface ParsedAppUrl {
  page: PageId;
  params: Record<string, string>;
  variables: Partial<Record<VariableName, string[]>>;
  time?: { from: string; to: string };
  query: Record<string, string>;
  /** Set when the URL used a legacy route that was rewritten. */
  legacyRoute?: string;
}

function matchRoute(route: string, segments: string[]): Record<string, string> | undefined {
  const parts = route.split('/');
  if (parts.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.startsWith(':')) {
      params[parts[i]!.slice(1)] = decodeURIComponent(segments[i]!);
    } else if (parts[i] !== segments[i]) {
      return undefined;
    }
  }
  return params;
}

/** Resolve an app-relative path (`providers/ibm/x`) to a page, rewriting legacy routes. */
export function matchAppPath(
  relativePath: string
): { page: PageId; params: Record<string, string>; legacyRoute?: string } | undefined {
  const segments = relativePath.split('/').filter(Boolean);
  for (const [page, def] of Object.entries(PAGE) as Array<[PageId, (typeof PAGE)[PageId]]>) {
    const params = matchRoute(def.path, segments);
    if (params) {
      return { page, params };
    }
  }
  for (const legacy of LEGACY_ROUTES) {
    const params = matchRoute(legacy.from, segments);
    if (params) {
      return { page: legacy.to, params, legacyRoute: legacy.from };
    }
  }
  return undefined;
}

/** Inverse of {@link buildAppUrl}; returns undefined for URLs outside the app. */
export function parseAppUrl(url: string): ParsedAppUrl | undefined {
  const parsed = new URL(url, 'http://hybridlens.invalid');
  const at = parsed.pathname.indexOf(APP_BASE_PATH);
  if (at < 0) {
    return undefined;
  }
  const match = matchAppPath(parsed.pathname.slice(at + APP_BASE_PATH.length));
  if (!match) {
    return undefined;
  }
  const variables: Partial<Record<VariableName, string[]>> = {};
  const query: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) {
    const variable = Object.values(VARIABLE).find((name) => variableUrlParam(name) === key);
    if (variable) {
      (variables[variable] ??= []).push(value);
    } else if (key !== QUERY_PARAM.from && key !== QUERY_PARAM.to) {
      query[key] = value;
    }
  }
  const from = parsed.searchParams.get(QUERY_PARAM.from);
  const to = parsed.searchParams.get(QUERY_PARAM.to);
  return {
    ...match,
    variables,
    query,
    ...(from !== null && to !== null ? { time: { from, to } } : {}),
  };
}
