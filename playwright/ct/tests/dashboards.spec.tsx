import React from 'react';
import type { Page } from '@playwright/test';
import { DATASOURCE_UID, VARIABLE, parseAppUrl, variableUrlParam } from '@hybridlens/conventions';
import { CALIBRATION_UID, EXECUTIVE_SUMMARY_UID, SRE_OVERVIEW_UID, isEmptyWhenHealthy } from '@hybridlens/dashboards';
import { AppPageObject } from '../../pages';
import { flatPanels, readBundledDashboard } from '../dashboards/bundledDashboards';
import { DashboardHarness } from '../dashboards/DashboardHarness';
import type { DashboardJson, PanelJson } from '../dashboards/dashboardJson';
import { dashboardTestIds } from '../dashboards/dashboardTestIds';
import { parseDisplayedNumber } from '../dashboards/displayedNumber';
import type { LoggedQuery } from '../runtime/queryLog';
import { expect, promInstant, queryLog, saveScreenshot, test, waitForQueriesToSettle } from './fixtures';

const NO_DATA = 'No data';

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
        const name = Object.entries(sample.labels).find(([k]) => k !== '__name__')?.[1];
        if (name) {
          await expect(region, `"${panel.title}" should list ${name}`).toContainText(name);
        }
      }
    }

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
    await saveScreenshot(page, 'executive-summary');
  });

  for (const uid of [SRE_OVERVIEW_UID, CALIBRATION_UID]) {
    test(`${uid}: every panel renders and queries Prometheus without errors`, async ({ mount, page, harness }) => {
      const dashboard = readBundledDashboard(uid);
      const component = await mount(<DashboardHarness dashboard={dashboard} expandRows />, { hooksConfig: harness });
      await expect(page.getByTestId(dashboardTestIds.scene)).toBeVisible();
      const view = new AppPageObject(component);
      const panels = flatPanels(dashboard).filter((p) => p.title);
      for (const panel of panels) {
        await expect(view.panel(panel.title!), `panel "${panel.title}"`).toBeVisible();
      }
      await waitForQueriesToSettle(page);
      for (const panel of panels) {
        for (const target of panel.targets ?? []) {
          const refId = target.refId as string;
          expect(
            (await queryLog(page)).some((q) => q.refId === refId && q.api.startsWith('query')),
            `"${panel.title}" should query Prometheus`
          ).toBe(true);
        }
      }
      expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
      const hrefs = await component
        .getByTestId(dashboardTestIds.panelLink)
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs).toHaveLength(panels.reduce((n, p) => n + (p.links ?? []).length, 0));
      for (const href of hrefs) {
        expect(parseAppUrl(href), `${href} should be an app page`).toBeDefined();
        expect(href).toContain(`${variableUrlParam(VARIABLE.prometheus)}=${DATASOURCE_UID.prometheus}`);
      }
      expect(await view.truncatedPanelTitles()).toEqual([]);
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
