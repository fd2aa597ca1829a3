import React from 'react';
import { QUANTUM_ATTR, QUERY_PARAM, SPAN, TRACE_VIEW, buildAppUrl } from '@hybridlens/conventions';
import { TRACE_FORMAT, type TraceSpan, formatSpanDuration } from '@hybridlens/traces';
import { MIN_SEGMENT_PERCENT } from '../../../src/components/waterfall/segmentWidth';
import { testIds, uiText } from '../../../src/ui';
import { logsOfTraceQuery } from '../../../src/queries/logql';
import { TracePage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { traceCatalog } from '../standins/standInEnv';
import { jobsOfSpans, standInFormat, standInLogLines, standInSpans, standInStatus } from '../standins/standInQueries';
import { currentUrl, expect, expectLoggedErrors, saveScreenshot, test } from './fixtures';

const traceUrl = (traceId: string, query?: Record<string, string>) =>
  buildAppUrl({ page: 'trace', params: { traceId }, query });

const PHASE_SPANS: readonly string[] = [SPAN.quantumEnqueue, SPAN.quantumCompile, SPAN.quantumExecute];
const phaseSpans = (spans: readonly TraceSpan[]) => spans.filter((s) => PHASE_SPANS.includes(s.name));

/**
 * The phase segments of one job's row: its span id, duration as stated, and its width and its track's, px. Rows
 * are virtualised, so the job is brought into view first by searching for its id.
 */
async function jobSegments(trace: TracePage, jobId: string) {
  await trace.search().fill(`${QUANTUM_ATTR.jobId.key}=${jobId}`);
  await expect(trace.jobRow(jobId)).toBeInViewport({ timeout: 15_000 });
  return trace
    .jobRow(jobId)
    .getByTestId(testIds.waterfall.jobPhase)
    .evaluateAll((els) =>
      els.map((el) => ({
        spanId: el.getAttribute('data-span-id')!,
        phase: el.getAttribute('data-phase')!,
        durationMs: Number(el.getAttribute('data-duration-ms')),
        width: el.getBoundingClientRect().width,
        trackWidth: el.parentElement!.getBoundingClientRect().width,
      }))
    );
}

/** Chromium logs a failed fetch as a console error, and the fixtures record the response: both are expected here. */
const notFoundOn = (api: string) => [new RegExp(`HTTP 404 GET .*/${api}/`), /status of 404/];

test.describe('Trace page on the Tempo and Loki stand-ins', () => {
  test('a trace with two quantum jobs: the waterfall, a card per job with the failed one marked, its log lines, the raw trace', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const spans = await standInSpans(twoJobs.traceId);
    const jobs = jobsOfSpans(spans);
    expect(jobs.map((j) => j.failed)).toContain(true);
    expect(jobs.map((j) => j.failed)).toContain(false);

    const component = await mount(<AppHarness url={traceUrl(twoJobs.traceId)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.waterfall()).toBeVisible({ timeout: 60_000 });
    // One row per span, but a quantum job is one row until opened (its phase spans are its bar's segments).
    expect(await trace.rowCount()).toBeGreaterThanOrEqual(spans.length - phaseSpans(spans).length + jobs.length);
    await expect(trace.jobCards()).toHaveCount(jobs.length);
    for (const job of jobs) {
      await expect(trace.jobCard(job.jobId)).toHaveAttribute('data-outcome', job.failed ? 'error' : 'success');
    }
    // Loki's lines for the trace id (matched on its trace_id metadata, as OTLP ingestion stores it): each one's
    // body, in time order, is a line of the page.
    const lines = await standInLogLines(logsOfTraceQuery(twoJobs.traceId));
    expect(lines.length).toBeGreaterThan(0);
    await expect(trace.logLines()).toHaveCount(lines.length);
    const bodies = [...lines].sort((a, b) => (BigInt(a[0]) < BigInt(b[0]) ? -1 : 1)).map(([, body]) => body);
    for (const [i, body] of bodies.entries()) {
      await expect(trace.logLines().nth(i)).toContainText(body);
    }
    await saveScreenshot(page, 'trace-two-jobs');

    await trace
      .viewTabs()
      .getByRole('radio', { name: uiText('trace.view.raw') })
      .check();
    const raw = trace.raw().getByTestId(harnessTestIds.tracesPanel);
    await expect(raw).toHaveAttribute('data-spans', String(spans.length), { timeout: 30_000 });
    expect((await currentUrl(page)).searchParams.get(QUERY_PARAM.traceView)).toBe(TRACE_VIEW.raw);
    await saveScreenshot(page, 'trace-raw');
  });

  test('each quantum job is one bar of queue, compile and execute segments as long as the served phase spans; idle gaps still compress the queue', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const spans = await standInSpans(twoJobs.traceId);
    const phases = phaseSpans(spans);
    const traceStart = Math.min(...spans.map((s) => s.startMs));
    const traceMs = Math.max(...spans.map((s) => s.endMs)) - traceStart;
    const served = new Map(phases.map((s) => [s.spanId, s]));
    expect(new Set(phases.map((s) => s.name)).size).toBe(3);

    // Compression off: the axis is linear, so each segment's width is its phase span's share of the trace
    // (a phase too short to see keeps the narrowest width a segment has).
    const linear = await mount(<AppHarness url={traceUrl(twoJobs.traceId, { [QUERY_PARAM.compressGaps]: 'off' })} />, {
      hooksConfig: harness,
    });
    let trace = new TracePage(linear);
    await expect(trace.waterfall()).toBeVisible({ timeout: 60_000 });
    const jobs = jobsOfSpans(spans);
    expect(jobs).toHaveLength(2);
    const flat = [];
    for (const job of jobs) {
      flat.push(...(await jobSegments(trace, job.jobId)));
    }
    expect(flat.map((g) => g.spanId).sort()).toEqual([...served.keys()].sort());
    for (const g of flat) {
      const span = served.get(g.spanId)!;
      expect(g.phase).toBe(span.name.split('.').at(-1));
      expect(g.durationMs).toBeCloseTo(span.endMs - span.startMs, 3);
      const expected = g.trackWidth * Math.max((span.endMs - span.startMs) / traceMs, MIN_SEGMENT_PERCENT / 100);
      expect(Math.abs(g.width - expected), `${g.phase} ${g.spanId}: ${g.width} px vs ${expected} px`).toBeLessThan(1.5);
    }
    const longest = flat.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    expect(longest.phase).toBe('enqueue');
    expect(longest.durationMs).toBeGreaterThanOrEqual(3_600_000);
    await saveScreenshot(page, 'trace-jobs-linear');
    await linear.unmount();

    // Compression on (the default): the hour in the queue shrinks to a break, the work gets the width back,
    // and each segment still states its real duration.
    const compressed = await mount(<AppHarness url={traceUrl(twoJobs.traceId)} />, { hooksConfig: harness });
    trace = new TracePage(compressed);
    await expect(trace.waterfall()).toBeVisible({ timeout: 60_000 });
    await expect(trace.rulerBreaks().first()).toBeAttached();
    const squeezed = new Map<string, (typeof flat)[number]>();
    for (const job of jobs) {
      (await jobSegments(trace, job.jobId)).forEach((g) => squeezed.set(g.spanId, g));
    }
    const queue = squeezed.get(longest.spanId)!;
    expect(queue.durationMs).toBe(longest.durationMs);
    expect(queue.width).toBeLessThan(longest.width / 5);
    const work = flat.filter((g) => g.phase !== 'enqueue');
    expect(work.reduce((sum, g) => sum + squeezed.get(g.spanId)!.width, 0)).toBeGreaterThan(
      2 * work.reduce((sum, g) => sum + g.width, 0)
    );

    // Keyboard: a segment is a button; Enter opens its phase span (the job opens to show it) and the detail pane
    // lists the job's phases with their durations.
    const lastJob = trace.jobRow(jobs.at(-1)!.jobId);
    const execute = lastJob.getByTestId(testIds.waterfall.jobPhase).and(page.locator('[data-phase="execute"]'));
    const executeId = (await execute.getAttribute('data-span-id'))!;
    const jobPhaseIds = await lastJob
      .getByTestId(testIds.waterfall.jobPhase)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-span-id')!));
    await execute.focus();
    await page.keyboard.press('Enter');
    await expect(trace.spanRow(executeId)).toHaveAttribute('aria-selected', 'true');
    const items = trace.detailJobPhases().getByRole('listitem');
    await expect(items).toHaveCount(jobPhaseIds.length);
    for (const [k, id] of jobPhaseIds.entries()) {
      const span = served.get(id)!;
      await expect(items.nth(k)).toContainText(formatSpanDuration(span.endMs - span.startMs));
    }
    await saveScreenshot(page, 'trace-job-phase-selected');
  });

  test('failed spans are surfaced: a collapsed ancestor counts them, the header walks to each, the ruler never repeats a time', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const spans = await standInSpans(twoJobs.traceId);
    const ids = new Set(spans.map((s) => s.spanId));
    const root = spans.find((s) => !s.parentSpanId || !ids.has(s.parentSpanId))!;
    const failed = spans.filter((s) => s.status === 'error');
    const failedBelowRoot = failed.filter((s) => s.spanId !== root.spanId);
    expect(failedBelowRoot.length).toBeGreaterThan(0);

    const component = await mount(<AppHarness url={traceUrl(twoJobs.traceId)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.waterfall()).toBeVisible({ timeout: 60_000 });

    // The ruler: real offsets, strictly increasing, each label once; a compressed gap is a break with its length.
    const offsets = (
      await trace.rulerTicks().evaluateAll((els) => els.map((e) => e.getAttribute('data-offset-ms')))
    ).map(Number);
    expect(offsets.length).toBeGreaterThanOrEqual(3);
    offsets.slice(1).forEach((o, i) => expect(o).toBeGreaterThan(offsets[i]!));
    const labels = await trace.rulerTicks().allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    // A break close to the previous one keeps its band but not its label (they would print over each other).
    for (const text of (await trace.rulerBreaks().allTextContents()).filter(Boolean)) {
      expect(text).toMatch(/^⋯ .+ ⋯$/);
    }

    // Collapse the whole request: its row now carries the count of failed spans it hides.
    await expect(trace.subtreeErrors(root.spanId)).toHaveCount(0);
    await trace
      .spanRow(root.spanId)
      .getByRole('button', { name: uiText('waterfall.collapse', { name: root.name }) })
      .click();
    await expect(trace.spanRows()).toHaveCount(1);
    await expect(trace.subtreeErrors(root.spanId)).toHaveAttribute('data-count', String(failedBelowRoot.length));
    await expect(trace.failedSpans()).toHaveAttribute('data-count', String(failed.length));
    await expect(trace.failedSpans()).toContainText(
      uiText(failed.length === 1 ? 'trace.summary.failed-spans_one' : 'trace.summary.failed-spans_other', {
        count: failed.length,
      })
    );
    await saveScreenshot(page, 'trace-failed-collapsed');

    // The header's button opens the tree down to the first failed span and selects it; Enter goes to the next.
    await trace.nextFailed().click();
    const selected = trace.spanRows().and(trace.root.locator('[aria-selected="true"]'));
    await expect(selected).toHaveAttribute('data-error', 'true');
    await expect(selected).toBeVisible();
    const first = await selected.getAttribute('data-span-id');
    expect(failed.map((s) => s.spanId)).toContain(first);
    expect((await currentUrl(page)).searchParams.get(QUERY_PARAM.span)).toBe(first);
    await expect(trace.spanDetail()).toBeVisible();
    await saveScreenshot(page, 'trace-failed-selected');
    if (failed.length > 1) {
      await trace.nextFailed().focus();
      await page.keyboard.press('Enter');
      await expect(selected).not.toHaveAttribute('data-span-id', first!);
      await expect(selected).toHaveAttribute('data-error', 'true');
    }
  });

  const fixtureCases = [
    {
      catalogKey: 'jaeger',
      format: TRACE_FORMAT.jaeger,
      title: 'a Jaeger query service answer (made from a real OTLP fixture)',
    },
    { catalogKey: 'tempoV1', format: TRACE_FORMAT.tempoV1, title: 'a Tempo v1 answer (real fixture)' },
  ] as const;
  for (const { catalogKey, format, title } of fixtureCases) {
    test(`${title} renders through the v1 fallback, read as ${format}`, async ({
      mount,
      page,
      harness,
      consoleErrors,
    }) => {
      const catalog = traceCatalog();
      const traceId = catalog[catalogKey];
      test.skip(!traceId, catalog.fixturesMissing ?? `no ${catalogKey} fixture`);
      const spans = await standInSpans(traceId!);
      expect(spans.length).toBeGreaterThan(0);
      expect(await standInStatus(traceId!)).toEqual({ v2: 404, v1: 200 });
      expect(await standInFormat(traceId!)).toBe(format);

      const component = await mount(<AppHarness url={traceUrl(traceId!)} />, { hooksConfig: harness });
      const trace = new TracePage(component);
      await expect(trace.waterfall()).toBeVisible({ timeout: 60_000 });
      await expect(trace.header()).toHaveAttribute('data-format', format);
      await expect(trace.header()).toHaveAttribute('data-api', 'v1');
      expect(await trace.rowCount()).toBeGreaterThanOrEqual(spans.length);
      // Every span is a row under its own name (a few spans: all rendered), the root first.
      const byStart = [...spans].sort((a, b) => a.startMs - b.startMs);
      for (const span of byStart) {
        await expect(trace.spanRow(span.spanId)).toBeVisible();
        await expect(trace.spanRow(span.spanId)).toContainText(span.name);
      }
      await expect(trace.spanRows().first()).toHaveAttribute('data-span-id', byStart[0]!.spanId);
      await saveScreenshot(page, `trace-${catalogKey}`);
      expectLoggedErrors(consoleErrors, notFoundOn('api/v2/traces'));
    });
  }

  test('a 10,000-span trace renders, search within it finds a span, the waterfall scrolls', async ({
    mount,
    page,
    harness,
  }) => {
    // Reading and laying out 10,000 spans takes most of a minute on a loaded 2-core machine.
    test.slow();
    const { large } = traceCatalog();
    const spans = await standInSpans(large.traceId);
    expect(spans.length).toBe(large.spanCount);
    const component = await mount(<AppHarness url={traceUrl(large.traceId)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.waterfall()).toBeVisible({ timeout: 90_000 });
    expect(await trace.rowCount()).toBeGreaterThanOrEqual(spans.length - phaseSpans(spans).length);
    // Virtualised: far fewer rows in the DOM than in the trace.
    expect(await trace.spanRows().count()).toBeLessThan(spans.length / 10);

    // A span late in the trace, found by its id (the search reads names, services, ids and attribute values):
    // exactly one match, and its row is brought into the viewport.
    const late = [...spans].sort((a, b) => a.startMs - b.startMs)[Math.floor(spans.length * 0.9)]!;
    await trace.search().fill(late.spanId);
    await expect(trace.searchCount()).toHaveText(uiText('trace.search.count_one', { current: 1, count: 1 }));
    await trace.search().press('Enter');
    await expect(trace.spanRow(late.spanId)).toBeInViewport({ timeout: 15_000 });
    await saveScreenshot(page, 'trace-large-search');

    await trace.search().fill('');
    const viewport = trace.viewport();
    const before = await trace.spanRows().first().getAttribute('data-span-id');
    await viewport.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect.poll(async () => viewport.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => trace.spanRows().first().getAttribute('data-span-id')).not.toBe(before);
    await saveScreenshot(page, 'trace-large-scrolled');
  });

  test('an unknown trace id: a clear not-found state naming the id', async ({
    mount,
    page,
    harness,
    consoleErrors,
  }) => {
    const { twoJobs } = traceCatalog();
    // An id Tempo does not hold: the known one with its digits reversed.
    const unknown = [...twoJobs.traceId].reverse().join('');
    expect(await standInStatus(unknown)).toEqual({ v2: 404, v1: 404 });
    const component = await mount(<AppHarness url={traceUrl(unknown)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.traceNotFound()).toBeVisible({ timeout: 60_000 });
    await expect(trace.traceNotFound()).toContainText(unknown);
    await expect(trace.waterfall()).toHaveCount(0);
    await saveScreenshot(page, 'trace-not-found');
    expectLoggedErrors(consoleErrors, [...notFoundOn('api/v2/traces'), ...notFoundOn('api/traces')]);
  });

  test('a malformed trace id: an error naming the id, Tempo is not asked', async ({ mount, page, harness }) => {
    const malformed = 'not-a-trace-id-zz';
    const component = await mount(<AppHarness url={traceUrl(malformed)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.malformed()).toBeVisible({ timeout: 60_000 });
    await expect(trace.malformed()).toContainText(malformed);
    await saveScreenshot(page, 'trace-malformed');
  });

  test('a trace id with markup is shown as text: no element, no script, no dialog', async ({
    mount,
    page,
    harness,
  }) => {
    const markup = '<img src=x onerror="window.__hlXss=1;alert(1)">';
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const component = await mount(<AppHarness url={traceUrl(markup)} />, { hooksConfig: harness });
    const trace = new TracePage(component);
    await expect(trace.malformed()).toBeVisible({ timeout: 60_000 });
    await expect(trace.malformed()).toContainText(markup);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hlXss?: number }).__hlXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await saveScreenshot(page, 'trace-markup-id');
  });
});
