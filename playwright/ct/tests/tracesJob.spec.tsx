import React from 'react';
import { buildAppUrl } from '@hybridlens/conventions';
import { QuantumJobPage, TracePage } from '../../pages';
import { AppHarness } from '../runtime/AppHarness';
import { historyWindow } from '../server/env';
import { traceCatalog } from '../standins/standInEnv';
import { jobsOfSpans, standInSpans } from '../standins/standInQueries';
import { currentUrl, expect, saveScreenshot, test } from './fixtures';

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
    const jobs = jobsOfSpans(await standInSpans(twoJobs.traceId));
    const failed = jobs.find((j) => j.failed)!;
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

    await job.traceLink().click();
    await expect.poll(async () => (await currentUrl(page)).pathname).toContain(twoJobs.traceId);
    await expect(new TracePage(component).jobCard(failed.jobId)).toBeVisible({ timeout: 60_000 });
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
