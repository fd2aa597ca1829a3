import React from 'react';
import {
  ALERT_STATE,
  LABEL,
  METRIC,
  PROMETHEUS_ALERTS,
  SLI_TYPE,
  SLO_SERIES,
  VARIABLE,
  buildAppUrl,
  eq,
  range,
  selector,
} from '@hybridlens/conventions';
import { MIN_JOBS_TO_JUDGE, SPARSE_JOB_WINDOW } from '../../../src/queries/promql';
import { testIds } from '../../../src/ui';
import { OverviewPage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import type { AxisLabels } from '../panels/axisLabels';
import {
  expect,
  pageQueryTime,
  promInstant,
  queryKey,
  queryLog,
  saveScreenshot,
  test,
  waitForQueriesToSettle,
} from './fixtures';

/** A percentage tick label ("0%", "2.5%", "100 %") as a number; NaN when it is not one. */
function percentOf(label: string): number {
  const match = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(label.trim());
  return match ? Number(match[1]) : NaN;
}

test.describe('Overview', () => {
  test('shows the key SLOs, traffic tiles and the alerts firing in Prometheus', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    const overview = new OverviewPage(component);
    await expect(overview.heading('overview')).toBeVisible();
    await waitForQueriesToSettle(page);

    for (const title of OverviewPage.tileTitles()) {
      await expect(overview.panel(title)).toBeVisible();
    }
    const firing = await promInstant(
      `${PROMETHEUS_ALERTS.series}{${PROMETHEUS_ALERTS.alertState}="${ALERT_STATE.firing}"}`,
      await pageQueryTime(page, PROMETHEUS_ALERTS.series)
    );
    expect(firing.length, 'the harness history should make some alerts fire').toBeGreaterThan(0);
    await expect(overview.firingAlert).toHaveCount(firing.length);
    for (const name of new Set(firing.map((a) => a.labels[PROMETHEUS_ALERTS.alertName]!))) {
      await expect(overview.firingAlerts).toContainText(name);
    }
    // The key SLO tiles name the latency SLOs, which have budget data in the harness history.
    const latency = await promInstant(
      `${SLO_SERIES.errorBudgetRemaining} and on (${LABEL.slo}) ${SLO_SERIES.info}{${LABEL.sliType}="${SLI_TYPE.latency}"}`
    );
    expect(latency.length).toBeGreaterThan(0);
    for (const sample of latency) {
      await expect(overview.tile('keyBudget').getByText(sample.labels[LABEL.slo]!).first()).toBeVisible();
    }
    await expect(component.getByText('No data')).toHaveCount(0);
    // With every filter on All, no tile has a filter it ignores.
    await expect(component.getByTestId(testIds.tileFilterScope)).toHaveCount(0);
    await saveScreenshot(page, 'overview');

    const queries = await queryLog(page);
    expect(queries.filter((q) => q.error)).toEqual([]);
    const keys = queries.map(queryKey);
    expect(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      'identical queries issued twice'
    ).toEqual([]);
  });

  test('the error rate chart is a percentage from 0 to at most 100 %', async ({ mount, page, harness }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    const overview = new OverviewPage(component);
    const chart = overview.tile('errorRateTrend').getByTestId(harnessTestIds.timeseries);
    await expect(chart).toHaveAttribute('data-axes', /.+/);
    await waitForQueriesToSettle(page);
    const axes = JSON.parse((await chart.getAttribute('data-axes'))!) as AxisLabels;
    // The value axis is the one that is not time (`x`).
    const valueAxes = Object.entries(axes).filter(([scale]) => scale !== 'x');
    expect(valueAxes).toHaveLength(1);
    const [, axis] = valueAxes[0]!;
    expect(axis.labels.length, 'the axis should have tick labels').toBeGreaterThan(1);
    for (const label of axis.labels) {
      const value = percentOf(label);
      expect(value, `axis label "${label}" should be a percentage`).not.toBeNaN();
      expect(value, `axis label "${label}"`).toBeGreaterThanOrEqual(0);
      expect(value, `axis label "${label}"`).toBeLessThanOrEqual(100);
    }
    expect(axis.min).toBe(0);
    expect(axis.max).toBeLessThanOrEqual(1);
  });

  test('quantum job success draws one line per provider with enough jobs in a window', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    const overview = new OverviewPage(component);
    await expect(overview.heading('overview')).toBeVisible();
    await waitForQueriesToSettle(page);
    const query = (await queryLog(page)).find((q) => q.api === 'query_range' && q.refId === 'quantumSuccess');
    expect(query, 'the page should have queried quantum job success over the range').toBeDefined();
    const { start, end, step } = query as { start: number; end: number; step: number };
    // Independently of the page's query: providers whose jobs reached the minimum in some window of the range.
    const perWindow = `sum by (${LABEL.provider}) (increase(${range(METRIC.quantumJobs.name, SPARSE_JOB_WINDOW)}))`;
    const judged = await promInstant(
      `max_over_time((${perWindow})[${end - start + step}s:${step}s]) >= ${MIN_JOBS_TO_JUDGE}`,
      end
    );
    const providers = judged.map((s) => s.labels[LABEL.provider]!).sort();
    expect(providers.length, 'the harness history should have quantum jobs').toBeGreaterThan(0);
    const legend = overview.legendItems(OverviewPage.title('quantumSuccess'));
    await expect(legend).toHaveCount(providers.length);
    expect((await legend.allInnerTexts()).map((t) => t.trim()).sort()).toEqual(providers);
  });

  test('quantum job success says so when no window held enough jobs', async ({ mount, page, harness }) => {
    // Prometheus's answer when no provider reached the minimum anywhere in the range: an empty matrix.
    await page.route(
      (url) => url.pathname.endsWith('/api/v1/query_range'),
      async (route) => {
        const body = route.request().postData() ?? '';
        if (new URLSearchParams(body).get('query')?.includes(`>= ${MIN_JOBS_TO_JUDGE}`)) {
          await route.fulfill({
            json: { status: 'success', data: { resultType: 'matrix', result: [] } },
            headers: { 'access-control-allow-origin': '*' },
          });
        } else {
          await route.continue();
        }
      }
    );
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, { hooksConfig: harness });
    const overview = new OverviewPage(component);
    await expect(overview.tile('quantumSuccess')).toContainText(
      OverviewPage.tooFewJobsText(SPARSE_JOB_WINDOW, MIN_JOBS_TO_JUDGE)
    );
    await expect(overview.tile('quantumSuccess').getByTestId(harnessTestIds.timeseries)).toHaveCount(0);
  });

  for (const width of [1440, 1024]) {
    test(`no panel title is cut at ${width} px`, async ({ mount, page, harness }) => {
      await page.setViewportSize({ width, height: 1000 });
      const component = await mount(<AppHarness url={buildAppUrl({ page: 'overview' })} />, {
        hooksConfig: harness,
      });
      const overview = new OverviewPage(component);
      await expect(overview.heading('overview')).toBeVisible();
      await waitForQueriesToSettle(page);
      await expect(overview.panelTitles()).toHaveCount(OverviewPage.tileTitles().length);
      expect(await overview.truncatedPanelTitles()).toEqual([]);
      await saveScreenshot(page, `overview-${width}`);
    });
  }

  test('filters apply to the tiles that carry the label; the others say they ignore it', async ({
    mount,
    page,
    harness,
  }) => {
    // A real region of the history, with the regex metacharacter `-` that must reach Prometheus escaped.
    const regions = (await promInstant(`count by (${LABEL.region}) (${METRIC.requests.name})`)).map(
      (s) => s.labels[LABEL.region]!
    );
    const region = regions.find((r) => r.includes('-')) ?? regions[0];
    expect(region, 'the history should have request regions').toBeDefined();
    const url = buildAppUrl({ page: 'overview', variables: { [VARIABLE.region]: region! } });
    const component = await mount(<AppHarness url={url} />, { hooksConfig: harness });
    const overview = new OverviewPage(component);
    await expect(overview.heading('overview')).toBeVisible();
    await waitForQueriesToSettle(page);
    const queries = await queryLog(page);
    expect(queries.filter((q) => q.error)).toEqual([]);

    // Request volume: what Prometheus says for this region over the page's range, at the page's instant.
    const rps = queries.find((q) => q.api === 'query' && q.refId === 'rps')!;
    const rangeSeconds = /\[(\d+)s\]/.exec(rps.expr)![1];
    const [expected] = await promInstant(
      `sum(rate(${range(selector(METRIC.requests.name, [eq(LABEL.region, region!)]), `${rangeSeconds}s`)}))`,
      rps.time
    );
    const [unfiltered] = await promInstant(`sum(rate(${range(METRIC.requests.name, `${rangeSeconds}s`)}))`, rps.time);
    expect(expected!.value).toBeLessThan(unfiltered!.value);
    await expect(overview.tile('requestVolume')).toContainText(`${expected!.value.toFixed(2)} req/s`);

    // Tiles over quantum jobs, SLOs and fallbacks do not carry the region label and say so.
    for (const tile of ['spend', 'quantumSuccess', 'keyBudget', 'fallbacks'] as const) {
      await expect(overview.filterScope(tile)).toHaveAttribute('data-ignored', VARIABLE.region);
    }
    for (const tile of ['requestVolume', 'errorRate', 'p95', 'byOutcome', 'errorRateTrend', 'p95Trend'] as const) {
      await expect(overview.filterScope(tile)).toHaveCount(0);
    }
    await saveScreenshot(page, 'overview-filtered');
  });
});
