import React from 'react';
import { QUANTUM_ATTR, buildAppUrl, parseAppUrl } from '@hybridlens/conventions';
import { testIds, uiText } from '../../../src/ui';
import { calibrationMedians } from '../../../src/queries/lifecycle';
import { QuantumJobPage, TracePage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { historyWindow } from '../server/env';
import { traceCatalog } from '../standins/standInEnv';
import { jobsOfSpans, standInSpans } from '../standins/standInQueries';
import { currentUrl, expect, promInstant, saveScreenshot, test } from './fixtures';

/** The job page searches this window: the synthetic traces sit a few hours before the history's "now". */
function jobUrl(jobId: string): string {
  const { now } = historyWindow();
  return buildAppUrl({
    page: 'quantumJob',
    params: { jobId },
    time: { from: String((now - 8 * 3600) * 1000), to: String((now + 1800) * 1000) },
  });
}

test.describe('Quantum job page on the Tempo and Loki stand-ins', () => {
  test('found from the job id: the trace it is in, the job card with its state timeline, a link back to the trace', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const spans = await standInSpans(twoJobs.traceId);
    const failed = jobsOfSpans(spans).find((j) => j.failed)!;
    expect(failed.finalStatus).toBeTruthy();

    const component = await mount(<AppHarness url={jobUrl(failed.jobId)} />, { hooksConfig: harness });
    const job = new QuantumJobPage(component);
    await expect(job.foundBy()).toBeVisible({ timeout: 60_000 });
    await expect(job.foundBy()).toHaveAttribute('data-source', 'tempo');
    await expect(job.foundBy()).toContainText(twoJobs.traceId);
    await expect(job.jobCard()).toHaveAttribute('data-job-id', failed.jobId);
    await expect(job.jobCard()).toHaveAttribute('data-outcome', 'error');
    expect(await job.states().count()).toBeGreaterThan(1);
    await expect(job.states().last()).toHaveAttribute('data-state', failed.finalStatus!);
    await saveScreenshot(page, 'quantum-job');

    // The backend page at the job's time: its range starts before the job and ends after it started.
    const jobSpans = spans.filter((s) => s.attributes[QUANTUM_ATTR.jobId.key] === failed.jobId);
    const attr = (key: string) => jobSpans.map((s) => s.attributes[key]).find((v) => typeof v === 'string');
    const backendPage = parseAppUrl((await job.backendLink().getAttribute('href'))!);
    expect(backendPage?.page).toBe('providerDetail');
    expect(backendPage?.params).toEqual({
      provider: attr(QUANTUM_ATTR.provider.key),
      backend: attr(QUANTUM_ATTR.backend.key),
    });
    const jobStart = Math.min(...jobSpans.map((s) => s.startMs));
    expect(Number(backendPage?.time?.from)).toBeLessThan(jobStart);
    expect(Number(backendPage?.time?.to)).toBeGreaterThan(jobStart);

    await job.traceLink().click();
    await expect.poll(async () => (await currentUrl(page)).pathname).toContain(twoJobs.traceId);
    await expect(new TracePage(component).jobCard(failed.jobId)).toBeVisible({ timeout: 60_000 });
  });

  test('the calibration when each job ran: values where Prometheus holds them at that time, else a sentence saying there is none', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const spans = await standInSpans(twoJobs.traceId);
    const component = await mount(
      <AppHarness url={buildAppUrl({ page: 'trace', params: { traceId: twoJobs.traceId } })} />,
      { hooksConfig: harness }
    );
    const trace = new TracePage(component);
    const seen = new Set<string>();
    for (const job of jobsOfSpans(spans)) {
      const jobSpans = spans.filter((s) => s.attributes[QUANTUM_ATTR.jobId.key] === job.jobId);
      const attr = (key: string) => jobSpans.map((s) => s.attributes[key]).find((v) => typeof v === 'string') as string;
      const provider = attr(QUANTUM_ATTR.provider.key);
      const backend = attr(QUANTUM_ATTR.backend.key);
      const atSeconds = Math.floor(Math.min(...jobSpans.map((s) => s.startMs)) / 1000);
      const then = await promInstant(calibrationMedians(provider, backend), atSeconds);
      const now = await promInstant(calibrationMedians(provider, backend));
      const section = trace.jobCard(job.jobId).getByTestId(testIds.jobCard.calibration);
      if (then.length === 0 && now.length === 0) {
        seen.add('no series at all');
        await expect(section).toHaveAttribute('data-state', 'empty', { timeout: 60_000 });
        await expect(section).toContainText(`${provider} / ${backend}`);
        continue;
      }
      await expect(section).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
      if (then.length > 0) {
        seen.add('values');
        await expect(section).toHaveAttribute('data-then', 'values');
        await expect(section.getByRole('columnheader', { name: uiText('job-card.calibration.then') })).toBeVisible();
        // The median rows show the values Prometheus held when the job ran, not dashes.
        const medianCells = section
          .getByTestId(testIds.jobCard.calibrationRow)
          .filter({ hasText: /median/ })
          .locator('td:first-of-type');
        expect(await medianCells.count()).toBe(then.length);
        for (const text of await medianCells.allTextContents()) {
          expect(text).not.toContain('—');
        }
      } else {
        seen.add('none');
        await expect(section).toHaveAttribute('data-then', 'none');
        await expect(section.getByTestId(testIds.jobCard.calibrationThenMissing)).toContainText(
          `No calibration recorded for ${backend} before`
        );
        await expect(section.getByText('—')).toHaveCount(0);
      }
    }
    // Which cases the harness' data holds (printed, so a run says what it proved).
    console.log(`calibration cases seen on the harness trace: ${[...seen].join(', ')}`);
    await saveScreenshot(page, 'trace-job-calibration');
  });

  test('a job id no trace holds: both sources asked, the window and "no match" shown', async ({
    mount,
    page,
    harness,
  }) => {
    const { twoJobs } = traceCatalog();
    const unknown = `${twoJobs.jobIds[0]}-unknown`;
    const component = await mount(<AppHarness url={jobUrl(unknown)} />, { hooksConfig: harness });
    const job = new QuantumJobPage(component);
    await expect(job.jobNotFound()).toBeVisible({ timeout: 60_000 });
    await expect(job.jobNotFound()).toContainText(unknown);
    await expect(job.jobCard()).toHaveCount(0);
    await saveScreenshot(page, 'quantum-job-not-found');
  });
});
