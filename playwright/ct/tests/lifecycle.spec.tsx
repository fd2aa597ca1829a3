import React from 'react';
import { DATASOURCE_UID, EXEMPLAR_LABEL, LABEL, METRIC, buildAppUrl, range } from '@hybridlens/conventions';
import { testIds } from '../../../src/ui/testIds';
import { uiText } from '../../../src/ui/uiText';
import { TracePage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { replayProxyCall } from '../standins/standInQueries';
import {
  currentUrl,
  expect,
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
    const searches = calls.filter((url) => url.includes(`/uid/${DATASOURCE_UID.tempo}/api/search`)).slice(-2);
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
});
