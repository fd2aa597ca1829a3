import React from 'react';
import {
  DATASOURCE_UID,
  EXEMPLAR_LABEL,
  LABEL,
  METRIC,
  ORCHESTRATOR_ATTR,
  SPAN,
  buildAppUrl,
  range,
} from '@hybridlens/conventions';
import { testIds } from '../../../src/ui/testIds';
import { uiText } from '../../../src/ui/uiText';
import { TracePage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { replayProxyCall } from '../standins/standInQueries';
import {
  currentUrl,
  expect,
  expectLoggedErrors,
  pageQueryTime,
  promInstant,
  queryLog,
  saveScreenshot,
  test,
  waitForQueriesToSettle,
} from './fixtures';

interface TempoSearch {
  traces?: Array<{ traceID: string }>;
}
interface TempoValue {
  stringValue?: string;
  intValue?: string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: TempoValue[] };
}
interface DecisionSearch {
  traces?: Array<{
    traceID: string;
    spanSets?: Array<{ spans?: Array<{ spanID: string; attributes?: Array<{ key: string; value: TempoValue }> }> }>;
  }>;
}

/** An attribute as the page's data attribute holds it, decoded here from Tempo's JSON on its own. */
function plainValue(v: TempoValue): unknown {
  if (v.arrayValue) {
    return (v.arrayValue.values ?? []).map((x) => String(plainValue(x)));
  }
  return v.stringValue ?? v.boolValue ?? (v.intValue !== undefined ? Number(v.intValue) : v.doubleValue);
}

/** The contract's decision attributes the examples show: every ORCHESTRATOR_ATTR but the row's path and reason. */
const INPUT_KEYS = new Set(
  Object.values(ORCHESTRATOR_ATTR)
    .map((a) => a.key)
    .filter((k) => k !== ORCHESTRATOR_ATTR.path.key && k !== ORCHESTRATOR_ATTR.reason.key)
);

interface ExemplarAnswer {
  data?: Array<{ exemplars: Array<{ labels: Record<string, string> }> }>;
}

test.describe('Lifecycle', () => {
  test('one column per served path Prometheus saw in the window, stage rows and the tail stage marked', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'lifecycle' })} />, { hooksConfig: harness });
    const waterfall = component.getByTestId(testIds.lifecycle.waterfall);
    await expect(waterfall).toBeVisible({ timeout: 30_000 });
    await waitForQueriesToSettle(page);
    const at = await pageQueryTime(page, METRIC.requestSpanDuration.name);
    // The page's default window is 6 h: the paths that finished requests in it.
    const served = await promInstant(
      `sum by (${LABEL.path}) (increase(${range(`${METRIC.requestDuration.name}_count`, '6h')}))`,
      at
    );
    const expected = served.filter((s) => s.value > 0).map((s) => s.labels[LABEL.path]);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await component
      .getByTestId(testIds.lifecycle.pathColumn)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(new Set(shown)).toEqual(new Set(expected));
    await expect(component.getByTestId(testIds.lifecycle.stageRow).first()).toBeVisible();
    expect(await component.getByTestId(testIds.lifecycle.tailMark).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'lifecycle');
    expect((await queryLog(page)).filter((q) => q.error)).toEqual([]);
  });

  test('slowest and failed requests: the exemplars Prometheus holds and the Tempo search, each opening its trace', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'lifecycle' })} />, { hooksConfig: harness });
    const requests = component.getByTestId(testIds.lifecycle.requests);
    await expect(requests).toBeVisible({ timeout: 60_000 });
    // What the stand-in and Prometheus answer to the page's own calls (replayed from Node) is what the list must show.
    await waitForQueriesToSettle(page);
    const calls = (await queryLog(page)).filter((q) => q.api === 'proxy GET').map((q) => q.expr);
    // The list reloads as the variables resolve (each load sends the failed and the slow search together): the
    // last two searches are those of the load shown.
    const searches = calls
      .filter((url) => url.includes(`/uid/${DATASOURCE_UID.tempo}/api/search`))
      // The request searches (on the ingress span), not the decision rows' searches.
      .filter((url) => new URL(url, 'http://harness').searchParams.get('q')?.includes(`"${SPAN.ingress}"`))
      .slice(-2);
    expect(searches.length).toBe(2);
    const fromTempo = new Set<string>();
    for (const url of searches) {
      for (const tr of (await replayProxyCall<TempoSearch>(url)).traces ?? []) {
        fromTempo.add(tr.traceID);
      }
    }
    expect(fromTempo.size).toBeGreaterThan(0);
    const exemplarCall = calls.filter((url) => url.includes('/api/v1/query_exemplars')).pop();
    expect(exemplarCall).toBeDefined();
    const exemplarAnswer = (await (
      await fetch(
        `${harness.exemplarPrometheusUrl ?? harness.prometheusUrl}/${exemplarCall!.replace(/^.*\/api\/datasources\/proxy\/uid\/[^/]+\//, '')}`
      )
    ).json()) as ExemplarAnswer;
    const fromExemplars = new Set(
      (exemplarAnswer.data ?? []).flatMap((s) => s.exemplars.map((e) => e.labels[EXEMPLAR_LABEL.traceId]))
    );

    const shown = await component
      .getByTestId(testIds.lifecycle.request)
      .evaluateAll((els) =>
        els.map((e) => ({ traceId: e.getAttribute('data-trace-id')!, source: e.getAttribute('data-source')! }))
      );
    // Each list shows at most SHOWN_REQUESTS (12) entries of what its source answered.
    const shownTempo = new Set(shown.filter((r) => r.source !== 'exemplar').map((r) => r.traceId));
    const shownExemplars = new Set(shown.filter((r) => r.source === 'exemplar').map((r) => r.traceId));
    expect([...shownTempo].filter((id) => !fromTempo.has(id))).toEqual([]);
    expect(shownTempo.size).toBe(Math.min(fromTempo.size, 12));
    expect([...shownExemplars].filter((id) => !fromExemplars.has(id))).toEqual([]);
    expect(shownExemplars.size).toBe(Math.min(fromExemplars.size, 12));
    expect(fromExemplars.size).toBeGreaterThan(0);
    // Failed requests get the badge: the harness history keeps failed requests' traces (the simulator samples
    // errors first), so Tempo's search for failed requests in the window answers some.
    const failedSearch = searches.find((url) =>
      new URL(url, 'http://harness').searchParams.get('q')?.includes('status = error')
    );
    expect(failedSearch).toBeDefined();
    const failedIds = new Set(
      ((await replayProxyCall<TempoSearch>(failedSearch!)).traces ?? []).map((tr) => tr.traceID)
    );
    expect(failedIds.size).toBeGreaterThan(0);
    const shownFailed = component.locator(`[data-testid="${testIds.lifecycle.request}"][data-source="tempo-failed"]`);
    // The failed search's entries come first in the Tempo list.
    await expect(shownFailed).toHaveCount(Math.min(failedIds.size, 12));
    await expect(shownFailed.first()).toContainText(uiText('lifecycle.requests.failed'));
    await saveScreenshot(page, 'lifecycle-requests');

    const first = shown.find((r) => r.source !== 'exemplar')!;
    await component
      .locator(`[data-testid="${testIds.lifecycle.request}"][data-trace-id="${first.traceId}"] a`)
      .first()
      .click();
    await expect.poll(async () => (await currentUrl(page)).pathname).toContain(first.traceId);
    await expect(new TracePage(component).waterfall()).toBeVisible({ timeout: 60_000 });
  });

  test('orchestrator decisions: per path and reason, the decisions Tempo holds with their inputs, each opening its trace', async ({
    mount,
    page,
    harness,
  }) => {
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'lifecycle' })} />, { hooksConfig: harness });
    const table = component.getByTestId(testIds.lifecycle.decisions);
    await expect(table).toBeVisible({ timeout: 60_000 });
    await waitForQueriesToSettle(page);
    await expect(component.getByTestId(testIds.lifecycle.decisionExample).first()).toBeVisible({ timeout: 30_000 });
    const rows = await component
      .getByTestId(testIds.lifecycle.decision)
      .evaluateAll((els) =>
        els.map((e) => ({ path: e.getAttribute('data-path')!, reason: e.getAttribute('data-reason')! }))
      );
    expect(rows.length).toBeGreaterThan(0);
    // The page's own searches, through the Tempo datasource (which sends each through Grafana's datasource proxy):
    // one per row and sent once, on the decision span, each carrying that row's path and reason.
    const searches = (await queryLog(page))
      .filter((q) => q.api === 'proxy GET' && q.expr.includes(`/uid/${DATASOURCE_UID.tempo}/api/search`))
      .map((q) => q.expr)
      .filter((url) => new URL(url, 'http://harness').searchParams.get('q')?.includes(SPAN.orchestrator));
    console.log(`decisions section: ${searches.length} Tempo searches for ${rows.length} rows`);
    expect(searches).toHaveLength(rows.length);
    let examplesInTempo = 0;
    for (const row of rows) {
      const call = searches
        .filter((url) => {
          const q = new URL(url, 'http://harness').searchParams.get('q')!;
          return q.includes(`= "${row.path}"`) && q.includes(`= "${row.reason}"`);
        })
        .pop();
      expect(call, `a Tempo search for ${row.path} / ${row.reason}`).toBeDefined();
      const answer = await replayProxyCall<DecisionSearch>(call!);
      const expected = (answer.traces ?? []).flatMap((tr) =>
        (tr.spanSets ?? []).flatMap((set) =>
          (set.spans ?? []).map((sp) => ({
            traceId: tr.traceID,
            spanId: sp.spanID,
            inputs: Object.fromEntries(
              (sp.attributes ?? []).filter((a) => INPUT_KEYS.has(a.key)).map((a) => [a.key, plainValue(a.value)])
            ),
          }))
        )
      );
      examplesInTempo += expected.length;
      const shown = await table
        .locator(`[data-testid="${testIds.lifecycle.decision}"][data-path="${row.path}"][data-reason="${row.reason}"]`)
        .getByTestId(testIds.lifecycle.decisionExample)
        .evaluateAll((els) =>
          els.map((e) => ({
            traceId: e.getAttribute('data-trace-id')!,
            spanId: e.getAttribute('data-span-id')!,
            inputs: JSON.parse(e.getAttribute('data-inputs')!) as Record<string, unknown>,
          }))
        );
      const byId = (a: { spanId: string }, b: { spanId: string }) => a.spanId.localeCompare(b.spanId);
      expect(shown.sort(byId)).toEqual(expected.sort(byId));
    }
    // The harness' kept traces hold decisions: some row has examples with the orchestrator's inputs.
    expect(examplesInTempo).toBeGreaterThan(0);
    await saveScreenshot(page, 'lifecycle-decisions');

    const first = component.getByTestId(testIds.lifecycle.decisionExample).first();
    const traceId = (await first.getAttribute('data-trace-id'))!;
    await first.locator('a').click();
    await expect.poll(async () => (await currentUrl(page)).pathname).toContain(traceId);
    await expect(new TracePage(component).waterfall()).toBeVisible({ timeout: 60_000 });
  });
  test('a failing Tempo search: the decisions stay, and the table says once what Tempo answered', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    // Tempo refuses every decision search (as it answers a query it cannot run: 400, the reason as plain text).
    const refusal = 'invalid TraceQL query: injected by the test';
    await page.route('**/api/search?**', (route) =>
      new URL(route.request().url()).searchParams.get('q')?.includes(SPAN.orchestrator)
        ? route.fulfill({
            status: 400,
            body: refusal,
            contentType: 'text/plain',
            headers: { 'access-control-allow-origin': '*' },
          })
        : route.fallback()
    );
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'lifecycle' })} />, { hooksConfig: harness });
    const section = component.getByTestId(testIds.lifecycle.decisions).locator('..');
    await expect(section.getByTestId(testIds.states.error)).toBeVisible({ timeout: 60_000 });
    await expect(section.getByTestId(testIds.states.error)).toHaveCount(1);
    await expect(section.getByTestId(testIds.states.error)).toContainText(uiText('lifecycle.decisions.examples-error'));
    await expect(section.getByTestId(testIds.states.errorDetail)).toHaveText(refusal);
    expect(await component.getByTestId(testIds.lifecycle.decision).count()).toBeGreaterThan(0);
    await expect(component.getByTestId(testIds.lifecycle.decisionExample)).toHaveCount(0);
    await expect(section.getByTestId(testIds.states.loading)).toHaveCount(0);
    // The browser reports each refused request too.
    expectLoggedErrors(consoleErrors, [
      /HTTP 400 GET .*\/api\/search\?/,
      /Failed to load resource: the server responded with a status of 400 .*\/api\/search\?/,
    ]);
  });
});
