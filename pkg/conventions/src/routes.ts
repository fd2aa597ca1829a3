import { LABEL } from './labels';

export const APP_ID = 'hybridlens-observability-app';
export const APP_NAME = 'Hybrid Lens';
/** Path of the app's pages inside Grafana, without the Grafana sub-path. */
export const APP_BASE_PATH = `/a/${APP_ID}`;

/**
 * Every page of the app with its route template (relative to {@link APP_BASE_PATH}).
 * `:name` segments are path parameters; this is the URL scheme alerts and other pages link to.
 */
export const PAGE = {
  overview: { path: 'overview', title: 'Overview' },
  lifecycle: { path: 'lifecycle', title: 'Lifecycle' },
  providers: { path: 'providers', title: 'Providers' },
  providerDetail: { path: 'providers/:provider/:backend', title: 'Provider backend' },
  slos: { path: 'slos', title: 'SLOs' },
  sloDetail: { path: 'slos/:slo', title: 'SLO' },
  llmQuality: { path: 'llm-quality', title: 'LLM quality' },
  /**
   * One model's LLM traces around one point of a trend (QUERY_PARAM.at / .step, the model in `var-model`): opens
   * Explore on Tempo over that point's own interval, which a data link cannot compute from `${__value.time}`.
   */
  llmTraces: { path: 'llm-quality/traces', title: 'LLM traces' },
  playbooks: { path: 'playbooks', title: 'Playbooks' },
  playbook: { path: 'playbooks/:playbook', title: 'Playbook' },
  trace: { path: 'traces/:traceId', title: 'Trace' },
  quantumJob: { path: 'jobs/:jobId', title: 'Quantum job' },
} as const;

export type PageId = keyof typeof PAGE;

/** Pages shown in the app's navigation, in order. Drilldown pages are reached from these. */
export const NAV_PAGES: readonly PageId[] = ['overview', 'lifecycle', 'providers', 'slos', 'llmQuality', 'playbooks'];

/**
 * Scene variable names. In the URL a variable is `var-<name>` (the Scenes convention), so
 * `var-provider=ibm` selects the provider.
 */
export const VARIABLE = {
  prometheus: 'prometheus',
  tempo: 'tempo',
  loki: 'loki',
  provider: LABEL.provider,
  backend: LABEL.backend,
  model: LABEL.model,
  route: LABEL.route,
  region: LABEL.region,
  path: LABEL.path,
} as const;
export type VariableName = (typeof VARIABLE)[keyof typeof VARIABLE];

export function variableUrlParam(name: VariableName): string {
  return `var-${name}`;
}

/** Query parameters other than variables. `from` / `to` follow Grafana (ms epoch or `now-1h`). */
export const QUERY_PARAM = {
  from: 'from',
  to: 'to',
  timezone: 'timezone',
  refresh: 'refresh',
  /** The alert that sent the user here (for the banner on the landing page). */
  alertName: 'alertname',
  /** Trace page: the span whose details are open (16 hex). */
  span: 'span',
  /** Trace page: which view is shown (TRACE_VIEW). */
  traceView: 'view',
  /** Trace page: text searched within the trace. */
  traceSearch: 'q',
  /** Trace page: idle-gap compression of the time axis; on unless `off`. */
  compressGaps: 'compress',
  /** LLM traces: the time (epoch ms) of the trend point whose traces are wanted. */
  at: 'at',
  /** LLM traces: the step (ms) between the trend's points; the window is the one step that ends at `at`. */
  step: 'step',
} as const;

/** Views of the trace page (values of `QUERY_PARAM.traceView`): the stage-aware waterfall, or Grafana's traces panel. */
export const TRACE_VIEW = { waterfall: 'waterfall', raw: 'raw' } as const;
export type TraceView = (typeof TRACE_VIEW)[keyof typeof TRACE_VIEW];

/**
 * Labels an alert may carry to point at one trace or one provider job; an alert with either lands on the
 * trace page or the quantum-job page (the same names as the exemplar and log fields that carry those ids).
 */
export const ALERT_LINK_LABEL = { traceId: 'trace_id', jobId: 'job_id' } as const;

/** Routes that used to exist: old links are rewritten to the current route, parameters kept. */
export const LEGACY_ROUTES: ReadonlyArray<{ from: string; to: PageId }> = [
  { from: 'home', to: 'overview' },
  { from: 'slo/:slo', to: 'sloDetail' },
  { from: 'provider/:provider/:backend', to: 'providerDetail' },
  { from: 'runbooks/:playbook', to: 'playbook' },
];
