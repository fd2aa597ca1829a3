import { LABEL } from './labels';

/** Windows for which each SLI's error ratio is recorded. */
export const SLO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

/** The compliance period of every shipped SLO. */
export const SLO_PERIOD: SloWindow = '30d';

/** Queueing SLO threshold: a quantum job's enqueue phase should finish within this (a histogram bucket sits on it). */
export const ENQUEUE_SLO_THRESHOLD_SECONDS = 1;

/**
 * The one severity scheme of every alert, carried as the `severity` label: the ops guide's priorities.
 * P0 pages immediately, P1 pages the on-call engineer when sustained, P2 notifies a channel or dashboard.
 */
export const ALERT_SEVERITY = { p0: 'P0', p1: 'P1', p2: 'P2' } as const;
export type AlertSeverity = (typeof ALERT_SEVERITY)[keyof typeof ALERT_SEVERITY];
/** Severities that page a human (Alertmanager routes them to the pager; the rest to the notification channel). */
export const PAGING_SEVERITIES: readonly AlertSeverity[] = [ALERT_SEVERITY.p0, ALERT_SEVERITY.p1];

/**
 * SRE Workbook multiwindow, multi-burn-rate tiers. A budget burning 14.4x its sustainable rate is gone in
 * two days (P0); 6x in five days (P1); the slow tiers are tickets (P2).
 */
export const BURN_RATE_TIERS = [
  { tier: 'page-fast', severity: ALERT_SEVERITY.p0, burnRate: 14.4, longWindow: '1h', shortWindow: '5m' },
  { tier: 'page-slow', severity: ALERT_SEVERITY.p1, burnRate: 6, longWindow: '6h', shortWindow: '30m' },
  { tier: 'ticket-fast', severity: ALERT_SEVERITY.p2, burnRate: 3, longWindow: '1d', shortWindow: '2h' },
  { tier: 'ticket-slow', severity: ALERT_SEVERITY.p2, burnRate: 1, longWindow: '3d', shortWindow: '6h' },
] as const satisfies ReadonlyArray<{
  tier: string;
  severity: AlertSeverity;
  burnRate: number;
  longWindow: SloWindow;
  shortWindow: SloWindow;
}>;
export type BurnRateTier = (typeof BURN_RATE_TIERS)[number];

export const SLI_TYPE = {
  latency: 'latency',
  quantumJobSuccess: 'quantum_job_success',
  schemaCompliance: 'schema_compliance',
  queueing: 'queueing',
  fallback: 'fallback',
  custom: 'custom',
} as const;
export type SliType = (typeof SLI_TYPE)[keyof typeof SLI_TYPE];

/**
 * Names of the series the SLO rules record. Every series carries the `slo` label; the app
 * discovers SLOs from {@link SLO_SERIES.info} alone.
 */
export const SLO_SERIES = {
  /** Metadata: value 1, labels slo, slo_service, sli_type, objective, window, playbook (+ name). */
  info: 'hybridlens_slo_info',
  /** The objective as a value (e.g. 0.99), so it can be plotted against the SLI. */
  objective: 'hybridlens_slo_objective_ratio',
  /** 5-minute increases of bad and total events: the exact base of every long window. */
  badIncrease5m: 'slo:sli_bad:increase5m',
  totalIncrease5m: 'slo:sli_total:increase5m',
  errorBudgetRemaining: 'slo:error_budget_remaining:ratio',
  /** Burn rate over the whole period so far (= consumed budget fraction). */
  periodBurnRate: 'slo:period_burn_rate:ratio',
} as const;

/** `slo:sli_error:ratio_rate<window>` — error ratio of an SLI over one window. */
export function sloErrorRatioSeries(window: SloWindow): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/** `slo:burn_rate:<window>` — error ratio divided by the error budget (1 − objective). */
export function sloBurnRateSeries(window: SloWindow): string {
  return `slo:burn_rate:${window}`;
}

/** `slo:sli_bad:sum<window>` / `slo:sli_total:sum<window>` — event counts over a long window. */
export function sloEventCountSeries(kind: 'bad' | 'total', window: SloWindow): string {
  return `slo:sli_${kind}:sum${window}`;
}

export const SLO_INFO_LABELS = [
  LABEL.slo,
  LABEL.sloService,
  LABEL.sliType,
  LABEL.objective,
  LABEL.window,
  LABEL.playbook,
] as const;

/** Names of the alerts the SLO engine generates; the app reads their state by these names. */
export const ALERT = {
  sloBurnRate: 'HybridSLOBurnRate',
  endToEndErrorRate: 'HybridEndToEndErrorRateHigh',
  quantumHardwareFailures: 'HybridQuantumHardwareFailures',
  quantumBacklogCritical: 'HybridQuantumBacklogCritical',
  llmHallucinationRate: 'HybridLLMHallucinationRateHigh',
  latencyP95OverSlo: 'HybridLatencyP95OverSLO',
  providerRateLimited: 'HybridProviderRateLimited',
  calibrationDrift: 'HybridCalibrationDrift',
  /** The provider's own status API reports a backend down: the "provider SLA breach reported" half of the hardware P0. */
  providerOutageReported: 'HybridQuantumProviderOutageReported',
} as const;
export type AlertName = (typeof ALERT)[keyof typeof ALERT];

/** Annotation keys every generated alert carries. */
export const ALERT_ANNOTATION = {
  summary: 'summary',
  description: 'description',
  runbookUrl: 'runbook_url',
  drilldownUrl: 'drilldown_url',
} as const;

/** Prometheus's own alert-state series (`ALERTS{alertname, alertstate, <rule labels>}`); the app reads firing / pending from it. */
export const PROMETHEUS_ALERTS = { series: 'ALERTS', alertName: 'alertname', alertState: 'alertstate' } as const;
export const ALERT_STATE = { firing: 'firing', pending: 'pending' } as const;
export type AlertState = (typeof ALERT_STATE)[keyof typeof ALERT_STATE];
