import type { Locator } from '@playwright/test';
import { testIds } from '../../src/ui';
import { AppPageObject } from './AppPageObject';

/** The trace page (`traces/:traceId`): its load states, the waterfall, search, the views and the job cards. */
export class TracePage extends AppPageObject {
  malformed(): Locator {
    return this.root.getByTestId(testIds.trace.malformed);
  }

  traceNotFound(): Locator {
    return this.root.getByTestId(testIds.trace.notFound);
  }

  traceLoadError(): Locator {
    return this.root.getByTestId(testIds.trace.loadError);
  }

  /** The summary above the waterfall: `data-api` (the Tempo API that answered) and `data-format` (what it sent). */
  header(): Locator {
    return this.root.getByTestId(testIds.trace.header);
  }

  waterfall(): Locator {
    return this.root.getByTestId(testIds.waterfall.container);
  }

  /** The scrolling part of the waterfall (rows are virtualised inside it). */
  viewport(): Locator {
    return this.root.getByTestId(testIds.waterfall.viewport);
  }

  /** Span rows currently rendered (virtualised: only those near the viewport). */
  spanRows(): Locator {
    return this.root.getByTestId(testIds.waterfall.spanRow);
  }

  spanRow(spanId: string): Locator {
    return this.root.locator(`[data-testid="${testIds.waterfall.spanRow}"][data-span-id="${spanId}"]`);
  }

  /** A quantum job's row: one bar whose segments are its phases (`data-outcome`; segments: `data-phase`, `data-span-id`, `data-duration-ms`). */
  jobRow(jobId: string): Locator {
    return this.root.locator(`[data-testid="${testIds.waterfall.jobRow}"][data-job-id="${jobId}"]`);
  }

  /** The span detail pane's list of the selected phase span's job phases. */
  detailJobPhases(): Locator {
    return this.root.getByTestId(testIds.waterfall.jobPhases);
  }

  /** Rows the waterfall holds in all (`data-rows`), rendered or not. */
  async rowCount(): Promise<number> {
    return Number(await this.waterfall().getAttribute('data-rows'));
  }

  search(): Locator {
    return this.root.getByTestId(testIds.trace.search);
  }

  searchCount(): Locator {
    return this.root.getByTestId(testIds.trace.searchCount);
  }

  viewTabs(): Locator {
    return this.root.getByTestId(testIds.trace.viewTabs);
  }

  raw(): Locator {
    return this.root.getByTestId(testIds.trace.raw);
  }

  jobCards(): Locator {
    return this.root.getByTestId(testIds.jobCard.container);
  }

  jobCard(jobId: string): Locator {
    return this.root.locator(`[data-testid="${testIds.jobCard.container}"][data-job-id="${jobId}"]`);
  }

  logLines(): Locator {
    return this.root.getByTestId(testIds.trace.logLine);
  }

  /** The ruler's tick labels (real offsets from the trace start) and its break marks for compressed gaps. */
  rulerTicks(): Locator {
    return this.root.getByTestId(testIds.waterfall.rulerTick);
  }

  rulerBreaks(): Locator {
    return this.root.getByTestId(testIds.waterfall.compressedGap);
  }

  /** The error marker a collapsed row shows when spans below it failed. */
  subtreeErrors(spanId: string): Locator {
    return this.spanRow(spanId).getByTestId(testIds.waterfall.subtreeErrors);
  }

  /** The header's "N spans failed" line and its button that walks to each failed span. */
  failedSpans(): Locator {
    return this.root.getByTestId(testIds.trace.failedSpans);
  }

  nextFailed(): Locator {
    return this.root.getByTestId(testIds.trace.nextFailed);
  }

  spanDetail(): Locator {
    return this.root.getByTestId(testIds.waterfall.detail);
  }
}

/** The quantum job page (`jobs/:jobId`): the lookup's states and the job card. */
export class QuantumJobPage extends AppPageObject {
  searching(): Locator {
    return this.root.getByTestId(testIds.quantumJob.searching);
  }

  jobNotFound(): Locator {
    return this.root.getByTestId(testIds.quantumJob.notFound);
  }

  foundBy(): Locator {
    return this.root.getByTestId(testIds.quantumJob.foundBy);
  }

  jobCard(): Locator {
    return this.root.getByTestId(testIds.jobCard.container);
  }

  states(): Locator {
    return this.root.getByTestId(testIds.jobCard.state);
  }

  traceLink(): Locator {
    return this.root.getByTestId(testIds.jobCard.traceLink);
  }

  backendLink(): Locator {
    return this.root.getByTestId(testIds.jobCard.backendLink);
  }
}
