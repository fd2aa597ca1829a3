import React from 'react';
import type { Locator, Page } from '@playwright/test';
import {
  DATASOURCE_UID,
  LABEL,
  PAGING_SEVERITIES,
  QUANTUM_PROVIDER,
  QUANTUM_PROVIDER_NAME,
  VARIABLE,
  parseAppUrl,
  variableUrlParam,
} from '@hybridlens/conventions';
import {
  ALL_SOURCES_READ_TEXT,
  CALIBRATION_UID,
  EXECUTIVE_SUMMARY_UID,
  INCIDENT_TABLE_TITLE,
  PAGED_INCIDENTS_TITLE,
  SRE_OVERVIEW_UID,
  UNREADABLE_SOURCES_TITLE,
  isEmptyWhenHealthy,
} from '@hybridlens/dashboards';
import { AppPageObject } from '../../pages';
import { flatPanels, readBundledDashboard } from '../dashboards/bundledDashboards';
import { DashboardHarness } from '../dashboards/DashboardHarness';
import type { DashboardJson, PanelJson } from '../dashboards/dashboardJson';
import { dashboardTestIds } from '../dashboards/dashboardTestIds';
import { parseDisplayedNumber } from '../dashboards/displayedNumber';
import { providerTextShown } from '../dashboards/providerIdsShown';
import { truncatedCellTexts } from '../dashboards/truncatedCells';
import { colouredColumns, hasDrawableSegment, latestCallFor, promRangeSeries } from '../dashboards/panelAnswers';
import type { AxisLabels } from '../panels/axisLabels';
import { harnessTestIds } from '../runtime/harnessTestIds';
import type { LoggedQuery } from '../runtime/queryLog';
import { prometheusUrl } from '../server/env';
import { expect, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

const NO_DATA = 'No data';

type ProviderId = (typeof QUANTUM_PROVIDER)[keyof typeof QUANTUM_PROVIDER];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The page's own call for a panel target: the logged expression is the target's with Grafana's range macros
 * interpolated (`$__range` → `<n>s`) and the dashboard's variables replaced.
 */
function loggedCallFor(queries: LoggedQuery[], expr: string): LoggedQuery | undefined {
  const pattern = new RegExp(`^${escapeRegExp(expr).replace(/\\\$__range/g, '\\d+s')}$`);
  return queries.find((q) => q.api === 'query' && q.time !== undefined && pattern.test(q.expr));
}

/** Waits until the page has made the call for `expr` (panels below slow ones start late on a busy machine). */
async function waitForCall(page: Page, expr: string): Promise<LoggedQuery> {
  await expect
    .poll(async () => loggedCallFor(await queryLog(page), expr) !== undefined, {
      message: `the page should query ${expr}`,
      timeout: 30_000,
    })
    .toBe(true);
  return loggedCallFor(await queryLog(page), expr)!;
}

/** The organize transformation's columns in order, as Grafana names them after it (renamed, excluded left out). */
function organizedColumns(panel: PanelJson): string[] {
  const organize = (panel.transformations ?? []).find((t) => t.id === 'organize')?.options as
    { indexByName?: Record<string, number>; renameByName?: Record<string, string> } | undefined;
  const order = Object.entries(organize?.indexByName ?? {}).sort(([, a], [, b]) => a - b);
  return order.map(([name]) => organize?.renameByName?.[name] || name);
}

/** The `noValue` text a field override gives the column `name`. */
function overrideNoValue(panel: PanelJson, name: string): string | undefined {
  const override = (panel.fieldConfig?.overrides ?? []).find((o) => o.matcher.options === name);
  return override?.properties.find((p) => p.id === 'noValue')?.value as string | undefined;
}

/** The header texts of a table panel, left to right. */
async function columnHeaders(region: Locator): Promise<string[]> {
  return (await region.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
}

/**
 * Bars on a panel's plot canvas: runs of pixel columns that hold a clearly coloured pixel (bars are filled in
 * the palette's colours; grid, axes and background are greys), separated by the gap between bars.
 */
async function barsDrawn(region: Locator): Promise<number> {
  return region
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let bars = 0;
      let inBar = false;
      for (let x = 0; x < width; x++) {
        let coloured = false;
        for (let y = 0; y < height && !coloured; y++) {
          const i = (y * width + x) * 4;
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          // Nearly transparent pixels (text antialiasing) un-premultiply to spurious colours: only solid ones count.
          coloured = a >= 100 && Math.max(r, g, b) - Math.min(r, g, b) > 40;
        }
        if (coloured && !inBar) {
          bars++;
        }
        inBar = coloured;
      }
      return bars;
    });
}

/**
 * A panel that is not documented "Empty when healthy" draws something, and what it draws is finite: every query
 * it sent returns series on the harness Prometheus with no NaN or infinite value (a chart cannot draw them, a
 * table or stat shows them as "NaN"); every series of a chart has a segment to draw; the chart has coloured
 * pixels and readable axes (no two equal tick labels, a ratio axis within 0–100 %); a table has rows.
 */
async function expectPanelDrawsFiniteData(page: Page, view: AppPageObject, panel: PanelJson): Promise<void> {
  const title = panel.title!;
  const region = view.panel(title);
  await region.scrollIntoViewIfNeeded();
  for (const target of panel.targets ?? []) {
    const call = latestCallFor(await queryLog(page), target.refId as string, target.expr as string)!;
    if (call.api === 'query_range') {
      const series = await promRangeSeries(prometheusUrl(), call);
      expect(series.length, `"${title}" (${call.refId}): ${call.expr} returned no series`).toBeGreaterThan(0);
      for (const s of series) {
        const name = JSON.stringify(s.labels);
        const bad = s.points.filter(([, v]) => !Number.isFinite(v));
        expect(bad.length, `"${title}" ${name}: ${bad.length} of ${s.points.length} points not finite`).toBe(0);
        expect(hasDrawableSegment(s, call.step!), `"${title}" ${name}: no two neighbouring points to draw`).toBe(true);
      }
    } else {
      const answer = await promInstant(call.expr, call.time);
      expect(answer.length, `"${title}" (${call.refId}): ${call.expr} returned nothing`).toBeGreaterThan(0);
      const bad = answer.filter((a) => !Number.isFinite(a.value));
      expect(bad, `"${title}" (${call.refId}): values that are not finite`).toEqual([]);
    }
  }
  await expect(region.getByText(NO_DATA, { exact: true }), `"${title}"`).toHaveCount(0);
  if (panel.type === 'timeseries') {
    const chart = region.getByTestId(harnessTestIds.timeseries);
    await expect(chart).toHaveAttribute('data-axes', /.+/);
    await expect
      .poll(() => colouredColumns(region), { message: `"${title}" should draw its series` })
      .toBeGreaterThan(0);
    const axes = JSON.parse((await chart.getAttribute('data-axes'))!) as AxisLabels;
    for (const [scale, axis] of Object.entries(axes).filter(([scale]) => scale !== 'x')) {
      const labels = axis.labels.filter(Boolean);
      expect(new Set(labels).size, `"${title}" axis ${scale} repeats tick labels: ${labels.join(' ')}`).toBe(
        labels.length
      );
      if (panel.fieldConfig?.defaults?.unit === 'percentunit') {
        expect(axis.max!, `"${title}": a share drawn on an axis up to ${labels.at(-1)}`).toBeLessThanOrEqual(1);
      }
    }
  } else if (panel.type === 'table') {
    await expect
      .poll(() => region.getByRole('row').count(), { message: `"${title}" should list rows` })
      .toBeGreaterThan(1);
  }
}

/** Bounding boxes of every element a locator matches, in page coordinates. */
async function boxesOf(locator: Locator): Promise<Array<{ y: number; height: number }>> {
  return locator.evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { y: r.y, height: r.height };
    })
  );
}

/** Makes the viewport as tall as the dashboard, so a screenshot shows every panel as a reader scrolling would. */
async function fitViewportToDashboard(page: Page): Promise<void> {
  const height = await page.getByTestId(dashboardTestIds.scene).evaluate((el) => Math.ceil(el.scrollHeight) + 40);
  const width = page.viewportSize()?.width ?? 1440;
  await page.setViewportSize({ width, height: Math.max(height, 1000) });
}

test.describe('Bundled dashboards in Scenes', () => {
  test('executive summary: every panel has data, big numbers are what Prometheus answers, every link opens an app page', async ({
    mount,
    page,
    harness,
  }) => {
    const dashboard = readBundledDashboard(EXECUTIVE_SUMMARY_UID);
    const component = await mount(<DashboardHarness dashboard={dashboard} />, { hooksConfig: harness });
    await expect(page.getByTestId(dashboardTestIds.scene)).toBeVisible();
    const view = new AppPageObject(component);
    const panels = flatPanels(dashboard).filter((p) => p.title);
    for (const panel of panels) {
      await expect(view.panel(panel.title!), `panel "${panel.title}"`).toBeVisible();
    }
    await waitForQueriesToSettle(page);

    // Big numbers: the stat panels show what Prometheus answers for the same query at the same instant.
    for (const panel of panels.filter((p) => p.type === 'stat')) {
      const expr = panel.targets![0]!.expr as string;
      const call = await waitForCall(page, expr);
      const answer = await promInstant(call.expr, call.time);
      const region = view.panel(panel.title!);
      if (answer.length === 0) {
        // Only a comparison with the period before may lack data: the harness history (26 h) is shorter
        // than two default ranges (2 × 7 days); the panel then says so in its own words.
        expect(expr, `"${panel.title}": Prometheus answered nothing`).toContain('offset $__range');
        const noValue = panel.fieldConfig?.defaults?.noValue;
        expect(noValue, `"${panel.title}" should say why it is empty`).toBeTruthy();
        await expect(region).toContainText(noValue!);
        continue;
      }
      expect(answer, `"${panel.title}" is one number`).toHaveLength(1);
      const shown =
        (await region.innerText())
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .pop() ?? '';
      const displayed = parseDisplayedNumber(shown.replace(/\s+/g, ' '));
      expect(displayed, `"${panel.title}" shows "${shown}", not a number`).toBeDefined();
      expect(
        Math.abs(displayed!.value - answer[0]!.value),
        `"${panel.title}" shows "${shown}"; Prometheus answers ${answer[0]!.value}`
      ).toBeLessThanOrEqual(displayed!.tolerance);
    }

    // Tables and the bar gauge list what Prometheus lists.
    for (const panel of panels.filter((p) => p.type === 'table' || p.type === 'bargauge')) {
      const first = panel.targets![0]!.expr as string;
      const call = await waitForCall(page, first);
      const answer = await promInstant(call.expr, call.time);
      const region = view.panel(panel.title!);
      if (answer.length === 0) {
        expect(isEmptyWhenHealthy(panel.description), `"${panel.title}": Prometheus answered nothing`).toBe(true);
        continue;
      }
      for (const sample of answer) {
        const [label, value] = Object.entries(sample.labels).find(([k]) => k !== '__name__') ?? [];
        if (label && value) {
          // A provider is listed by its name, as the app names it.
          const name = label === LABEL.provider ? QUANTUM_PROVIDER_NAME[value as ProviderId] : value;
          await expect(region, `"${panel.title}" should list ${name}`).toContainText(name);
        }
      }
    }

    // Key service levels: columns named and ordered as the dashboard's organize step says, and an objective
    // that counted no event says so in each of its empty cells.
    const slo = panels.find((p) => p.title === 'Key service levels')!;
    const sloRegion = view.panel(slo.title!);
    await expect.poll(() => columnHeaders(sloRegion)).toEqual(organizedColumns(slo));
    const [objectives, budgets] = await Promise.all(
      ['A', 'C'].map(async (refId) => {
        const call = await waitForCall(page, slo.targets!.find((t) => t.refId === refId)!.expr as string);
        return (await promInstant(call.expr, call.time)).map((s) => s.labels.slo!);
      })
    );
    // Every key SLO has a row, and every row is inside the panel: a weekly reader does not scroll a table.
    await expect(sloRegion.getByRole('row')).toHaveCount(objectives!.length + 1);
    const sloPanelBox = (await sloRegion.boundingBox())!;
    for (const [i, box] of (await boxesOf(sloRegion.getByRole('row'))).entries()) {
      expect(
        box.y + box.height,
        `"${slo.title}" row ${i} of ${objectives!.length} is below the panel's edge`
      ).toBeLessThanOrEqual(sloPanelBox.y + sloPanelBox.height);
    }
    const unmeasured = objectives!.filter((name) => !budgets!.includes(name));
    const budgetColumn = organizedColumns(slo).at(-1)!;
    for (const name of unmeasured) {
      const row = sloRegion.getByRole('row').filter({ hasText: name });
      await expect(row, `${name} counted no event`).toContainText(overrideNoValue(slo, budgetColumn)!);
    }
    for (const name of budgets!) {
      await expect(sloRegion.getByRole('row').filter({ hasText: name })).not.toContainText(
        overrideNoValue(slo, budgetColumn)!
      );
    }

    // Comparisons with the 7 days before agree: all say there is no earlier data, or all show a figure.
    const comparisons = panels.filter((p) => p.type === 'stat' && /vs the 7 days before$/.test(p.title!));
    expect(comparisons).toHaveLength(4);
    const noEarlier = await Promise.all(
      comparisons.map(async (p) => (await view.panel(p.title!).innerText()).includes(p.fieldConfig!.defaults!.noValue!))
    );
    expect(
      new Set(noEarlier).size,
      `comparisons disagree: ${comparisons.map((p, i) => `${p.title}: ${noEarlier[i] ? 'no earlier data' : 'a figure'}`).join('; ')}`
    ).toBe(1);

    // Incidents: one row per incident Prometheus lists, under the dashboard's column names.
    const incidents = panels.find((p) => p.title === INCIDENT_TABLE_TITLE)!;
    const incidentsCall = await waitForCall(page, incidents.targets![0]!.expr as string);
    const firing = await promInstant(incidentsCall.expr, incidentsCall.time);
    const incidentRegion = view.panel(incidents.title!);
    if (firing.length > 0) {
      // Below the first screen: the grid renders a panel once it is scrolled into view, as a reader would.
      await incidentRegion.scrollIntoViewIfNeeded();
      await expect.poll(() => columnHeaders(incidentRegion)).toEqual(organizedColumns(incidents));
      await expect(incidentRegion.getByRole('row')).toHaveCount(firing.length + 1);
      for (const sample of firing) {
        await expect(incidentRegion.getByRole('row').filter({ hasText: sample.labels.alertname! })).not.toHaveCount(0);
      }
      // At the reader's 1440 px, every alert and service level name is shown whole: the short columns have their
      // widths (`custom.width`) and the names the rest of the row.
      expect(page.viewportSize()?.width).toBe(1440);
      expect(await truncatedCellTexts(incidentRegion)).toEqual([]);
    }
    // The big number and the table agree: the incidents of a paging priority in the table are those counted above.
    const pagedPanel = panels.find((p) => p.title === PAGED_INCIDENTS_TITLE)!;
    const pagedCall = await waitForCall(page, pagedPanel.targets![0]!.expr as string);
    const [paged] = await promInstant(pagedCall.expr, pagedCall.time);
    expect(
      firing.filter((s) => (PAGING_SEVERITIES as readonly string[]).includes(s.labels[LABEL.severity]!)).length,
      `"${incidents.title}" lists the incidents of priority ${PAGING_SEVERITIES.join(' or ')} that "${pagedPanel.title}" counts`
    ).toBe(paged!.value);

    for (const panel of panels.filter((p) => !isEmptyWhenHealthy(p.description))) {
      await expect(view.panel(panel.title!).getByText(NO_DATA, { exact: true }), `"${panel.title}"`).toHaveCount(0);
    }

    // Every panel link opens an app page at the dashboard's time range, on the same Prometheus.
    const hrefs = await component
      .getByTestId(dashboardTestIds.panelLink)
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(panels.reduce((n, p) => n + (p.links ?? []).length, 0));
    const lastCall = (await queryLog(page)).filter((q) => q.time !== undefined).pop()!;
    for (const href of hrefs) {
      const link = parseAppUrl(href);
      expect(link, `${href} should be an app page`).toBeDefined();
      expect(href.startsWith('/a/'), href).toBe(true);
      expect(link!.variables[VARIABLE.prometheus], href).toEqual([DATASOURCE_UID.prometheus]);
      const from = Number(link!.time?.from);
      const to = Number(link!.time?.to);
      // Absolute milliseconds of the dashboard's range: 7 days ending at the page's "now".
      expect(to - from, href).toBe(7 * 24 * 3600 * 1000);
      expect(Math.abs(to / 1000 - lastCall.time!), href).toBeLessThan(600);
    }
    expect(await view.truncatedPanelTitles()).toEqual([]);

    const queries = await queryLog(page);
    expect(queries.filter((q) => q.error)).toEqual([]);
    await fitViewportToDashboard(page);
    await waitForQueriesToSettle(page);
    // Providers by name everywhere (the bar gauge and the incidents' Provider column), never by label value.
    expect((await providerTextShown(page.getByTestId(dashboardTestIds.scene))).rawIds).toEqual([]);
    await saveScreenshot(page, 'executive-summary');
  });

  // Issue 14, defect 2: the stand-in panels registered their custom field-config keys as `custom.custom.<key>`
  // (Grafana's registry adds the `custom.` prefix itself), so Scenes removed every `custom.*` key of every panel
  // as undeclared: these bars were drawn as a line through one point between nulls, which shows nothing.
  test('executive summary: "Requests per day" draws a bar for each day with data', async ({ mount, page, harness }) => {
    const dashboard = readBundledDashboard(EXECUTIVE_SUMMARY_UID);
    const component = await mount(<DashboardHarness dashboard={dashboard} />, { hooksConfig: harness });
    const view = new AppPageObject(component);
    const perDay = flatPanels(dashboard).find((p) => p.title === 'Requests per day')!;
    await expect(view.panel(perDay.title!)).toBeVisible();
    await waitForQueriesToSettle(page);
    const call = (await queryLog(page)).find(
      (q) => q.api === 'query_range' && q.refId === perDay.targets![0]!.refId && q.step === 86_400
    );
    expect(call, 'Requests per day should query one point per day').toBeDefined();
    // The days with data, as Prometheus answers the page's own call.
    const [requests] = await promRangeSeries(prometheusUrl(), call!);
    const days = (requests?.points ?? []).filter(([, value]) => Number.isFinite(value) && value > 0);
    expect(days.length, 'the harness history should have at least one day of requests').toBeGreaterThan(0);
    const region = view.panel(perDay.title!);
    await expect.poll(() => barsDrawn(region), { message: 'one bar per day with data' }).toBe(days.length);
  });

  for (const uid of [SRE_OVERVIEW_UID, CALIBRATION_UID]) {
    test(`${uid}: every panel renders and queries Prometheus without errors`, async ({ mount, page, harness }) => {
      const dashboard = readBundledDashboard(uid);
      // Opened as saved: a reader sees every panel without opening a row first.
      const component = await mount(<DashboardHarness dashboard={dashboard} />, { hooksConfig: harness });
      await expect(page.getByTestId(dashboardTestIds.scene)).toBeVisible();
      const view = new AppPageObject(component);
      const panels = flatPanels(dashboard).filter((p) => p.title);
      for (const panel of panels) {
        await expect(view.panel(panel.title!), `panel "${panel.title}"`).toBeVisible();
      }
      await waitForQueriesToSettle(page);
      for (const panel of panels) {
        for (const target of panel.targets ?? []) {
          // Polled: a panel below slow ones may send its queries after the others settled.
          await expect
            .poll(async () => latestCallFor(await queryLog(page), target.refId as string, target.expr as string), {
              message: `"${panel.title}" should query Prometheus (${target.refId as string})`,
            })
            .toBeDefined();
        }
      }
      expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
      for (const panel of panels.filter((p) => !isEmptyWhenHealthy(p.description))) {
        await expectPanelDrawsFiniteData(page, view, panel);
      }
      const latestTables = panels.filter(
        (p) => p.type === 'table' && (p.targets?.[0]?.expr as string | undefined)?.includes('last_over_time(')
      );
      for (const table of latestTables) {
        // Every backend (or series) with a sample anywhere in the time range has a row, not only those reported
        // in the last minutes.
        // The logged call has the dashboard's variables replaced: found by its series, then read back.
        const series = /last_over_time\(([a-zA-Z_:0-9]+)\{/.exec(table.targets![0]!.expr as string)![1]!;
        const logged = async () =>
          (await queryLog(page)).find((q) => q.api === 'query' && q.expr.includes(`last_over_time(${series}{`));
        await expect
          .poll(async () => (await logged()) !== undefined, { message: `the page should query ${series}` })
          .toBe(true);
        const call = (await logged())!;
        // Not anchored at the end: the calibration table's queries are wrapped in label_replace (its provider ids).
        const selector = /\(last_over_time\((.+)\[\d+s\]\)\)/.exec(call.expr)?.[1];
        if (selector) {
          const window = /\[(\d+s)\]\)\)/.exec(call.expr)![1];
          const inRange = await promInstant(
            `count by (provider, backend) (count_over_time(${selector}[${window}]))`,
            call.time
          );
          expect(inRange.length, `"${table.title}": backends calibrated in the range`).toBeGreaterThan(1);
          await expect(view.panel(table.title!).getByRole('row')).toHaveCount(inRange.length + 1);
        }
      }
      const unreadable = panels.find((p) => p.title === UNREADABLE_SOURCES_TITLE);
      if (unreadable) {
        // Every source read: Prometheus answers one label-less 0 and the panel says so in words, never "No data".
        const call = await waitForCall(page, unreadable.targets![0]!.expr as string);
        const answer = await promInstant(call.expr, call.time);
        const region = view.panel(unreadable.title!);
        await expect(region.getByText(NO_DATA, { exact: true })).toHaveCount(0);
        if (answer.length === 1 && answer[0]!.value === 0 && Object.keys(answer[0]!.labels).length === 0) {
          await expect(region).toContainText(ALL_SOURCES_READ_TEXT);
        } else {
          for (const sample of answer) {
            await expect(region, `"${unreadable.title}" should name ${sample.labels[LABEL.source]}`).toContainText(
              sample.labels[LABEL.source]!
            );
          }
        }
      }
      const hrefs = await component
        .getByTestId(dashboardTestIds.panelLink)
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs).toHaveLength(panels.reduce((n, p) => n + (p.links ?? []).length, 0));
      for (const href of hrefs) {
        expect(parseAppUrl(href), `${href} should be an app page`).toBeDefined();
        expect(href).toContain(`${variableUrlParam(VARIABLE.prometheus)}=${DATASOURCE_UID.prometheus}`);
      }
      expect(await view.truncatedPanelTitles()).toEqual([]);
      await fitViewportToDashboard(page);
      // The taller viewport lays the grid out again: the screenshot waits until the tables have their rows back.
      await waitForQueriesToSettle(page);
      for (const table of panels.filter((p) => p.type === 'table' && !isEmptyWhenHealthy(p.description))) {
        await expect.poll(() => view.panel(table.title!).getByRole('row').count()).toBeGreaterThan(1);
      }
      if (uid === CALIBRATION_UID) {
        // The Provider column shows names (a value mapping), and a backend's link still carries the provider's id.
        const table = panels.find((p) => p.type === 'table')!;
        const hrefs = await view
          .panel(table.title!)
          .getByRole('link')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
          .then((all) => all.filter((href) => parseAppUrl(href)?.page === 'providerDetail'));
        expect(hrefs.length, `"${table.title}" links each backend`).toBeGreaterThan(0);
        for (const href of hrefs) {
          expect(Object.values(QUANTUM_PROVIDER), href).toContain(parseAppUrl(href)?.params.provider);
        }
      }
      // Providers by name in every table cell and series name (legends and tooltips), never by label value.
      const shown = await providerTextShown(page.getByTestId(dashboardTestIds.scene));
      expect(shown.rawIds).toEqual([]);
      expect(
        shown.seriesNames.filter((name) => Object.values(QUANTUM_PROVIDER_NAME).some((n) => name.includes(n))),
        'some series are named by their provider'
      ).not.toEqual([]);
      await saveScreenshot(page, uid.replace(/^hybridlens-/, ''));
    });
  }

  test('a panel type the harness cannot draw fails by name, before anything renders', async ({
    mount,
    page,
    harness,
  }) => {
    const dashboard = readBundledDashboard(EXECUTIVE_SUMMARY_UID);
    const broken: DashboardJson = {
      ...dashboard,
      panels: [...(dashboard.panels ?? []), { ...(flatPanels(dashboard)[1] as PanelJson), type: 'piechart', id: 99 }],
    };
    await mount(<DashboardHarness dashboard={broken} />, { hooksConfig: harness });
    const error = page.getByTestId(dashboardTestIds.loadError);
    await expect(error).toContainText('"piechart"');
    await expect(error).toContainText(`"${flatPanels(dashboard)[1]!.title}"`);
    await expect(page.getByTestId(dashboardTestIds.scene)).toHaveCount(0);
  });
});
