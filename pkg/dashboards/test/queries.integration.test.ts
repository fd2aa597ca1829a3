import { describeWithBinary } from '@hybridlens/testkit';
import { ALL_SOURCES_READ_TEXT, CALIBRATION_UID, UNREADABLE_SOURCES_TITLE } from '../src';
import { LABEL, QUANTUM_PROVIDER_NAME } from '@hybridlens/conventions';
import {
  allPanels,
  dashboardQueries,
  labelValuesVariables,
  queryResultVariables,
  type DashboardJson,
} from './support/dashboardQueries';
import { committedDashboards } from './support/committed';
import {
  type InterpolationContext,
  interpolate,
  intervalSeconds,
  relativeRangeSeconds,
} from './support/grafanaInterpolation';
import { type DashboardHistory, loadDashboardHistory } from './support/history';
import { OnceEvaluator } from './support/onceEvaluator';
import { pickerOptions, queryResultLine } from './support/variableOptions';

/** "All" of a multi-value variable, as the dashboards define it. */
function allValues(dashboard: DashboardJson): Record<string, string> {
  return Object.fromEntries(
    dashboard.templating.list.filter((v) => v.type === 'query').map((v) => [v.name, v.allValue ?? '.*'])
  );
}

function hasValues(data: { result: Array<{ value?: [number, string]; values?: Array<[number, string]> }> }): boolean {
  const numbers = data.result.flatMap((s) => (s.values ?? (s.value ? [s.value] : [])).map(([, v]) => Number(v)));
  return numbers.some((n) => !Number.isNaN(n));
}

describeWithBinary('promtool', 'apt-get install prometheus', 'bundled dashboards on a real Prometheus', () => {
  let history: DashboardHistory;
  let prometheus: OnceEvaluator;

  beforeAll(async () => {
    history = await loadDashboardHistory();
    prometheus = new OnceEvaluator(history.prometheus);
  }, 600_000);

  afterAll(async () => {
    await history?.stop();
  });

  it('the calibration dashboard says in words that every calibration source was read', async () => {
    const dashboard = committedDashboards().find((d) => d.uid === CALIBRATION_UID)!;
    const panel = allPanels(dashboard).find((p) => p.title === UNREADABLE_SOURCES_TITLE)!;
    const [target] = panel.targets ?? [];
    const expr = interpolate(target!.expr, {
      rangeSeconds: relativeRangeSeconds(dashboard.time.from),
      scrapeSeconds: history.scrapeSeconds,
      variables: allValues(dashboard),
    });
    // The history's exporter read every source: one label-less 0, which the panel's value mapping puts in words.
    const data = await prometheus.evaluate({ expr, end: history.now });
    expect(data.result.map((s) => ({ labels: s.metric, value: s.value?.[1] }))).toEqual([{ labels: {}, value: '0' }]);
    const mappings = panel.fieldConfig?.defaults.mappings ?? [];
    expect(mappings.map((m) => m.options['0']?.text)).toContain(ALL_SOURCES_READ_TEXT);
    expect(panel.description).not.toMatch(/\bvector\b|PromQL|increase\(/);
  });

  describe.each(committedDashboards().map((d) => [d.uid, d] as const))('%s', (_uid, dashboard) => {
    it('every query returns data over the default time range (unless its panel says "empty when healthy")', async () => {
      const rangeSeconds = relativeRangeSeconds(dashboard.time.from);
      const end = history.now;
      const queries = dashboardQueries(dashboard);
      // All at once: Prometheus evaluates them concurrently, and an evaluation another panel or dashboard
      // already asked for is not run again.
      const failures = await Promise.all(
        queries.map(async (query) => {
          const ctx: InterpolationContext = {
            rangeSeconds,
            scrapeSeconds: history.scrapeSeconds,
            ...(query.panel?.maxDataPoints ? { maxDataPoints: query.panel.maxDataPoints } : {}),
            ...(query.panel?.interval ? { minInterval: query.panel.interval } : {}),
            variables: allValues(dashboard),
          };
          const expr = interpolate(query.expr, ctx);
          const data = await prometheus.evaluate(
            query.instant ? { expr, end } : { expr, start: end - rangeSeconds, end, step: intervalSeconds(ctx) }
          );
          return !hasValues(data) && !query.emptyWhenHealthy ? [`${query.where}: no data for ${expr}`] : [];
        })
      );
      expect(queries.length).toBeGreaterThan(3);
      expect(failures.flat()).toEqual([]);
    }, 120_000);

    it('every variable finds values', async () => {
      const rangeSeconds = relativeRangeSeconds(dashboard.time.from);
      const found = await Promise.all(
        labelValuesVariables(dashboard).map(async (variable) => {
          const selector = interpolate(variable.selector, {
            rangeSeconds,
            scrapeSeconds: history.scrapeSeconds,
            variables: allValues(dashboard),
          });
          const res = await fetch(
            `${history.prometheus.url}/api/v1/label/${variable.label}/values?${new URLSearchParams({
              'match[]': selector,
              start: String(history.now - rangeSeconds),
              end: String(history.now),
            })}`
          );
          const values = ((await res.json()) as { data: string[] }).data;
          return { variable: variable.name, found: values.length > 0 };
        })
      );
      expect(found.filter((v) => !v.found)).toEqual([]);
      expect(found.length).toBe(labelValuesVariables(dashboard).length);
    });

    it('every picker listing query results shows options, providers by name', async () => {
      const rangeSeconds = relativeRangeSeconds(dashboard.time.from);
      for (const variable of queryResultVariables(dashboard)) {
        const expr = interpolate(variable.expr, {
          rangeSeconds,
          scrapeSeconds: history.scrapeSeconds,
          variables: allValues(dashboard),
        });
        const data = await prometheus.evaluate({ expr, end: history.now });
        const lines = data.result.map((s) => queryResultLine(s.metric, s.value!));
        const options = pickerOptions(lines, variable.regex);
        expect({ variable: variable.name, options: options.length }).toEqual({
          variable: variable.name,
          options: lines.length,
        });
        expect(options.length).toBeGreaterThan(1);
        if (variable.name === LABEL.provider) {
          const names: Record<string, string> = QUANTUM_PROVIDER_NAME;
          expect(options.map((o) => o.text)).toEqual(options.map((o) => names[o.value] ?? o.value));
          expect(options.filter((o) => o.text === o.value)).toEqual([]);
        }
      }
    });

    it('panels without a query are only text', () => {
      for (const panel of allPanels(dashboard)) {
        if ((panel.targets ?? []).length === 0) {
          expect(panel.type).toBe('text');
        }
      }
    });
  });
});
