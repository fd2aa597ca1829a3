import {
  BURN_RATE_TIERS,
  CALIBRATION_METRIC,
  LOKI_STREAM_LABEL,
  METRIC,
  type MetricDef,
  SLO_SERIES,
  SPAN,
  exposedSeriesNames,
  sloBurnRateSeries,
} from '@hybridlens/conventions';
import { t } from '../i18n';
import { SLO_GENERATE_COMMAND } from '../pages/slos/sloGenerate';

/** GET a Grafana API path and return the parsed JSON; rejects with an Error whose message names the status. */
export type Fetcher = (path: string) => Promise<unknown>;

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface CheckResult {
  datasource: 'Prometheus' | 'Tempo' | 'Loki';
  uid: string;
  status: CheckStatus;
  /** One sentence per finding: what is missing and how to fix it. */
  findings: string[];
}

const proxy = (uid: string, path: string) => `/api/datasources/proxy/uid/${encodeURIComponent(uid)}${path}`;

async function reachable(
  fetcher: Fetcher,
  kind: CheckResult['datasource'],
  uid: string
): Promise<CheckResult | undefined> {
  try {
    await fetcher(`/api/datasources/uid/${encodeURIComponent(uid)}`);
    return undefined;
  } catch (error) {
    return {
      datasource: kind,
      uid,
      status: 'error',
      findings: [
        t(
          'config.checks.no-datasource',
          'No {{kind}} datasource with uid "{{uid}}" ({{error}}). Pick an existing one above, or provision it (provisioning/datasources).',
          { kind, uid, error: message(error) }
        ),
      ],
    };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function missingMetrics(present: ReadonlySet<string>, metrics: readonly MetricDef[]): string[] {
  return metrics.filter((m) => !exposedSeriesNames(m).some((series) => present.has(series))).map((m) => m.name);
}

function stringList(value: unknown, field: string): string[] {
  const list = (value as Record<string, unknown> | null)?.[field];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

const list = (names: readonly string[], max = 6) =>
  names.length > max
    ? t('config.checks.list-more', '{{names}} and {{count}} more', {
        names: names.slice(0, max).join(', '),
        count: names.length - max,
      })
    : names.join(', ');

/** Prometheus: reachable, and which contract metrics and SLO series it stores. */
export async function checkPrometheus(fetcher: Fetcher, uid: string): Promise<CheckResult> {
  const unreachable = await reachable(fetcher, 'Prometheus', uid);
  if (unreachable) {
    return unreachable;
  }
  let names: string[];
  try {
    names = stringList(await fetcher(proxy(uid, '/api/v1/label/__name__/values')), 'data');
  } catch (error) {
    return {
      datasource: 'Prometheus',
      uid,
      status: 'error',
      findings: [
        t(
          'config.checks.prometheus-unanswered',
          'Prometheus "{{uid}}" did not answer the metric-name query ({{error}}). Check its URL and that Grafana can reach it.',
          { uid, error: message(error) }
        ),
      ],
    };
  }
  const present = new Set(names);
  const findings: string[] = [];
  const service = missingMetrics(
    present,
    // The mitigation series exists only while a mitigation is in force: its absence is the normal state.
    Object.values(METRIC).filter((m) => m.emitter === 'service' && m !== METRIC.mitigationApplied)
  );
  if (service.length > 0) {
    findings.push(
      t(
        'config.checks.missing-service-metrics',
        'Missing {{count}} service metric(s): {{names}}. Send telemetry with @hybridlens/instrument (or run the simulator: docker compose up) and check that Prometheus scrapes it.',
        { count: service.length, names: list(service) }
      )
    );
  }
  const sloSeries = [
    SLO_SERIES.info,
    SLO_SERIES.errorBudgetRemaining,
    ...new Set(BURN_RATE_TIERS.flatMap((t) => [sloBurnRateSeries(t.longWindow), sloBurnRateSeries(t.shortWindow)])),
  ];
  const missingSlo = sloSeries.filter((s) => !present.has(s));
  if (missingSlo.length > 0) {
    findings.push(
      t(
        'config.checks.missing-slo-series',
        'Missing SLO series: {{names}}. Generate the rules with `{{command}}`, load the file in prometheus.yml rule_files and reload Prometheus.',
        { names: list(missingSlo), command: SLO_GENERATE_COMMAND }
      )
    );
  }
  const calibration = missingMetrics(present, [
    CALIBRATION_METRIC.info,
    CALIBRATION_METRIC.medianT1,
    CALIBRATION_METRIC.median2qError,
  ]);
  if (calibration.length > 0) {
    findings.push(
      t(
        'config.checks.missing-calibration',
        'Missing calibration metrics: {{names}}. Run the calibration exporter (@hybridlens/calibration) and add it as a Prometheus scrape target.',
        { names: list(calibration) }
      )
    );
  }
  return { datasource: 'Prometheus', uid, status: findings.length === 0 ? 'ok' : 'warning', findings };
}

/** Tempo: reachable, and which lifecycle span names it has seen. */
export async function checkTempo(fetcher: Fetcher, uid: string): Promise<CheckResult> {
  const unreachable = await reachable(fetcher, 'Tempo', uid);
  if (unreachable) {
    return unreachable;
  }
  let names: string[];
  try {
    const body = (await fetcher(proxy(uid, '/api/v2/search/tag/name/values'))) as {
      tagValues?: Array<{ value?: unknown }>;
    } | null;
    names = (body?.tagValues ?? []).map((t) => t.value).filter((v): v is string => typeof v === 'string');
  } catch (error) {
    return {
      datasource: 'Tempo',
      uid,
      status: 'error',
      findings: [
        t(
          'config.checks.tempo-unanswered',
          'Tempo "{{uid}}" did not answer the span-name query ({{error}}). Check its URL and that Grafana can reach it.',
          { uid, error: message(error) }
        ),
      ],
    };
  }
  const present = new Set(names);
  const missing = Object.values(SPAN).filter((s) => !present.has(s));
  const findings =
    missing.length === 0
      ? []
      : [
          t(
            'config.checks.missing-spans',
            'Missing spans: {{names}}. Export traces over OTLP to Tempo with @hybridlens/instrument (or run the simulator); Tempo lists span names of recent traces only.',
            { names: list(missing, 7) }
          ),
        ];
  return { datasource: 'Tempo', uid, status: missing.length === 0 ? 'ok' : 'warning', findings };
}

/** Loki: reachable, and whether the contract's stream labels exist. */
export async function checkLoki(fetcher: Fetcher, uid: string): Promise<CheckResult> {
  const unreachable = await reachable(fetcher, 'Loki', uid);
  if (unreachable) {
    return unreachable;
  }
  let labels: string[];
  try {
    labels = stringList(await fetcher(proxy(uid, '/loki/api/v1/labels')), 'data');
  } catch (error) {
    return {
      datasource: 'Loki',
      uid,
      status: 'error',
      findings: [
        t(
          'config.checks.loki-unanswered',
          'Loki "{{uid}}" did not answer the label query ({{error}}). Check its URL and that Grafana can reach it.',
          { uid, error: message(error) }
        ),
      ],
    };
  }
  const present = new Set(labels);
  const missing = Object.values(LOKI_STREAM_LABEL).filter((l) => !present.has(l));
  const findings =
    missing.length === 0
      ? []
      : [
          t(
            'config.checks.missing-log-labels',
            'Missing log stream labels: {{names}}. Send the logs over OTLP to Loki (@hybridlens/instrument `otlpLogsUrl`; service.name becomes service_name), or run the simulator.',
            { names: list(missing) }
          ),
        ];
  return { datasource: 'Loki', uid, status: missing.length === 0 ? 'ok' : 'warning', findings };
}

/** All three checks, run side by side; one failing never hides the others. */
export function checkWiring(
  fetcher: Fetcher,
  uids: { prometheusUid: string; tempoUid: string; lokiUid: string }
): Promise<CheckResult[]> {
  return Promise.all([
    checkPrometheus(fetcher, uids.prometheusUid),
    checkTempo(fetcher, uids.tempoUid),
    checkLoki(fetcher, uids.lokiUid),
  ]);
}
