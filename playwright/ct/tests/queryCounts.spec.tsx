import React from 'react';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LABEL, PAGE, type PageId, SLO_SERIES, buildAppUrl } from '@hybridlens/conventions';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { calibrationScene } from '../server/calibrationEnv';
import { traceCatalog } from '../standins/standInEnv';
import { expect, promInstant, queryKey, queryLog, test, waitForQueriesToSettle } from './fixtures';

/** Where each load's counts go; scripts/bench/pages.bench.ts reads them back. */
export const QUERY_COUNT_DIR = resolve(__dirname, '../../../test-results/page-queries');

const PAGES: PageId[] = [
  'overview',
  'slos',
  'sloDetail',
  'lifecycle',
  'providers',
  'llmQuality',
  'playbooks',
  'providerDetail',
  'trace',
];
/** Pages that must query Prometheus when they load. */
const DATA_PAGES = new Set<PageId>([
  'overview',
  'slos',
  'sloDetail',
  'lifecycle',
  'llmQuality',
  'playbooks',
  'providers',
  'providerDetail',
]);

test.describe('Prometheus queries per page', () => {
  for (const pageId of PAGES) {
    test(`${PAGE[pageId].title}: queries issued on load`, async ({ mount, page, harness }, testInfo) => {
      let params: Record<string, string> | undefined;
      if (pageId === 'sloDetail') {
        const [first] = await promInstant(SLO_SERIES.info);
        params = { slo: first!.labels[LABEL.slo]! };
      }
      if (pageId === 'providerDetail') {
        // A backend calibrated up to now (the simulator's), as a job card would link to it.
        const d = calibrationScene().devices.find((x) => x.source === 'simulator')!;
        params = { provider: d.provider, backend: d.backend };
      }
      if (pageId === 'trace') {
        // The trace page reads Prometheus (alerts at the trace's time, calibration) through the datasource proxy.
        params = { traceId: traceCatalog().twoJobs.traceId };
      }
      const component = await mount(<AppHarness url={buildAppUrl({ page: pageId, params })} />, {
        hooksConfig: harness,
      });
      await expect(component.getByTestId(harnessTestIds.pageTitle)).toBeVisible();
      if (DATA_PAGES.has(pageId)) {
        // A page may resolve its variables for over a second before its first query: settle only after it starts.
        await expect
          .poll(async () => (await queryLog(page)).filter((q) => q.api === 'query' || q.api === 'query_range').length, {
            timeout: 60_000,
          })
          .toBeGreaterThan(0);
      }
      await waitForQueriesToSettle(page, 1000);
      const queries = await queryLog(page);
      const distinct = new Set(queries.map(queryKey)).size;
      expect(queries.filter((q) => q.error)).toEqual([]);
      if (DATA_PAGES.has(pageId)) {
        expect(queries.filter((q) => q.api === 'query' || q.api === 'query_range').length).toBeGreaterThan(0);
      }
      const byApi: Record<string, number> = {};
      for (const q of queries) {
        byApi[q.api] = (byApi[q.api] ?? 0) + 1;
      }
      mkdirSync(QUERY_COUNT_DIR, { recursive: true });
      const file = join(QUERY_COUNT_DIR, `${pageId}-${testInfo.repeatEachIndex}.json`);
      writeFileSync(file, JSON.stringify({ page: pageId, total: queries.length, distinct, byApi }));
    });
  }
});
