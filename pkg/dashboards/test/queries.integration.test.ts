import { describeWithBinary } from '@hybridlens/testkit';
import { ALL_SOURCES_READ_TEXT, CALIBRATION_UID, UNREADABLE_SOURCES_TITLE } from '../src';
import { allPanels, dashboardQueries, labelValuesVariables, type DashboardJson } from './support/dashboardQueries';
import { committedDashboards } from './support/committed';
import {
  type InterpolationContext,
  interpolate,
  intervalSeconds,
  relativeRangeSeconds,
} from './support/grafanaInterpolation';
import { type DashboardHistory, loadDashboardHistory } from './support/history';

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

  beforeAll(async () => {
    history = await loadDashboardHistory();
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
    const data = await history.prometheus.query(expr, history.now);
    expect(data.result.map((s) => ({ labels: s.metric, value: s.value?.[1] }))).toEqual([{ labels: {}, value: '0' }]);
    const mappings = panel.fieldConfig?.defaults.mappings ?? [];
    expect(mappings.map((m) => m.options['0']?.text)).toContain(ALL_SOURCES_READ_TEXT);
    expect(panel.description).not.toMatch(/\bvector\b|PromQL|increase\(/);
  });

  describe.each(committedDashboards().map((d) => [d.uid, d] as const))('%s', (_uid, dashboard) => {
    it('every query returns data over the default time range (unless its panel says "empty when healthy")', async () => {
      const rangeSeconds = relativeRangeSeconds(dashboard.time.from);
      const end = history.now;
      const failures: string[] = [];
      let checked = 0;
      for (const query of dashboardQueries(dashboard)) {
        const ctx: InterpolationContext = {
          rangeSeconds,
          scrapeSeconds: history.scrapeSeconds,
          ...(query.panel?.maxDataPoints ? { maxDataPoints: query.panel.maxDataPoints } : {}),
          ...(query.panel?.interval ? { minInterval: query.panel.interval } : {}),
          variables: allValues(dashboard),
        };
        const expr = interpolate(query.expr, ctx);
        const data = query.instant
          ? await history.prometheus.query(expr, end)
          : await history.prometheus.queryRange(expr, end - rangeSeconds, end, intervalSeconds(ctx));
        checked += 1;
        if (!hasValues(data) && !query.emptyWhenHealthy) {
          failures.push(`${query.where}: no data for ${expr}`);
        }
      }
      expect(checked).toBeGreaterThan(3);
      expect(failures).toEqual([]);
    }, 120_000);

    it('every variable finds values', async () => {
      const rangeSeconds = relativeRangeSeconds(dashboard.time.from);
      for (const variable of labelValuesVariables(dashboard)) {
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
        expect({ variable: variable.name, found: values.length > 0 }).toEqual({ variable: variable.name, found: true });
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
