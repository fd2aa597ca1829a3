import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  ALL_METRICS,
  APP_BASE_PATH,
  CALIBRATION_DRIFT,
  CALIBRATION_DRIFT_TRACKED,
  DATASOURCE_UID,
  LABEL,
  PLAYBOOK,
  PROMETHEUS_ALERTS,
  SLO_SERIES,
  calibrationDriftSeries,
  SLO_WINDOWS,
  exposedSeriesNames,
  metricForSeries,
  parseAppUrl,
  sloBurnRateSeries,
  sloErrorRatioSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import { repoRoot } from '@hybridlens/testkit';
import { PROMETHEUS_VARIABLE } from '../src';
import {
  allPanels,
  dashboardQueries,
  labelValuesVariables,
  panelLinks,
  type DataSourceJson,
} from './support/dashboardQueries';
import { committedDashboards } from './support/committed';
import { interpolate } from './support/grafanaInterpolation';
import { promqlNames } from './support/promqlNames';

const dashboards = committedDashboards();

const provisioned = (
  parse(readFileSync(resolve(repoRoot, 'provisioning/datasources/datasources.yaml'), 'utf8')) as {
    datasources: Array<{ uid: string; type: string }>;
  }
).datasources;

/**
 * Every series name the contract defines: service and exporter metrics, SLO and calibration drift recordings,
 * Prometheus' ALERTS.
 */
const CONTRACT_SERIES = new Set<string>([
  CALIBRATION_DRIFT.couplerTwoQubitError,
  ...CALIBRATION_DRIFT_TRACKED.flatMap((tracked) => Object.values(calibrationDriftSeries(tracked))),
  ...ALL_METRICS.flatMap(exposedSeriesNames),
  ...Object.values(SLO_SERIES),
  ...SLO_WINDOWS.flatMap((w) => [
    sloErrorRatioSeries(w),
    sloBurnRateSeries(w),
    sloEventCountSeries('bad', w),
    sloEventCountSeries('total', w),
  ]),
  PROMETHEUS_ALERTS.series,
]);
const CONTRACT_LABELS = new Set<string>([
  ...Object.values(LABEL),
  PROMETHEUS_ALERTS.alertName,
  PROMETHEUS_ALERTS.alertState,
  'le',
]);

/** Any value will do for the reference check: only names matter. */
const anyValues = { rangeSeconds: 86_400, scrapeSeconds: 15, variables: { provider: '.*', backend: '.*' } };

describe.each(dashboards.map((d) => [d.uid, d] as const))('%s references only what exists', (_uid, dashboard) => {
  const queries = dashboardQueries(dashboard);
  const variables = labelValuesVariables(dashboard);
  const datasourceVariable = dashboard.templating.list.find((v) => v.name === PROMETHEUS_VARIABLE)!;

  function resolveDatasource(ref: DataSourceJson | undefined): { uid: string; type: string } {
    expect(ref?.uid).toBeDefined();
    const uid = ref!.uid === `\${${PROMETHEUS_VARIABLE}}` ? String(datasourceVariable.current!.value) : ref!.uid!;
    return { uid, type: ref!.type ?? datasourceVariable.query?.toString() ?? '' };
  }

  it('has queries to check', () => {
    expect(queries.length).toBeGreaterThan(3);
  });

  it('every datasource is provisioned with that uid and type (the contract uid by default)', () => {
    expect(datasourceVariable.type).toBe('datasource');
    expect(datasourceVariable.current!.value).toBe(DATASOURCE_UID.prometheus);
    const refs = [
      ...queries.map((q) => q.datasource),
      ...allPanels(dashboard)
        .filter((p) => p.type !== 'text')
        .map((p) => p.datasource),
      ...dashboard.templating.list.filter((v) => v.type === 'query').map((v) => v.datasource),
    ];
    for (const ref of refs) {
      const { uid, type } = resolveDatasource(ref);
      expect(provisioned).toContainEqual(expect.objectContaining({ uid, type }));
    }
  });

  it('every query parses as PromQL and names only contract series and labels', () => {
    const exprs = [
      ...queries.map((q) => ({ where: q.where, expr: q.expr })),
      ...variables.map((v) => ({ where: `variable ${v.name}`, expr: v.selector })),
    ];
    for (const { where, expr } of exprs) {
      const names = promqlNames(interpolate(expr, anyValues));
      expect({ where, errors: names.errors }).toEqual({ where, errors: [] });
      expect(names.selectors.length).toBeGreaterThan(0);
      for (const selector of names.selectors) {
        expect({ where, series: selector.metric, known: CONTRACT_SERIES.has(selector.metric) }).toEqual({
          where,
          series: selector.metric,
          known: true,
        });
        // A matcher on a contract metric must use a label that metric carries.
        const metric = metricForSeries(selector.metric);
        if (metric) {
          const carried = new Set<string>([...metric.labels, ...(selector.metric.endsWith('_bucket') ? ['le'] : [])]);
          for (const label of selector.labels) {
            expect({ where, series: selector.metric, label, carried: carried.has(label) }).toEqual({
              where,
              series: selector.metric,
              label,
              carried: true,
            });
          }
        }
      }
      for (const label of names.labels) {
        expect({ where, label, known: CONTRACT_LABELS.has(label) }).toEqual({ where, label, known: true });
      }
    }
    for (const v of variables) {
      expect(CONTRACT_LABELS).toContain(v.label);
    }
  });

  it('every link opens an app page of the contract, at the dashboard time, on its Prometheus', () => {
    const links = allPanels(dashboard).flatMap(panelLinks);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.url.startsWith(`${APP_BASE_PATH}/`)).toBe(true);
      // Grafana fills the ${...} values when the link is clicked; any value shows which page it opens.
      const parsed = parseAppUrl(link.url.replace(/\$\{[^}]+\}/g, 'x'));
      expect({ url: link.url, page: parsed?.page }).toEqual({ url: link.url, page: expect.any(String) });
      expect(link.url).toContain('from=${__from}&to=${__to}');
      expect(link.url).toContain(`var-${PROMETHEUS_VARIABLE}=\${${PROMETHEUS_VARIABLE}}`);
      if (parsed!.page === 'playbook') {
        expect(Object.values(PLAYBOOK)).toContain(parsed!.params.playbook);
      }
    }
  });
});
