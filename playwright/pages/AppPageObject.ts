import type { Locator, Page } from '@playwright/test';
import type { PageId } from '@hybridlens/conventions';
import { type UiTextKey, testIds, uiText } from '../../src/ui';

/** Where a page object looks: the whole browser page (Grafana e2e) or the mounted app (page harness). */
export type Root = Page | Locator;

const TITLE_KEY: Readonly<Record<PageId, UiTextKey>> = {
  overview: 'pages.overview.title',
  lifecycle: 'pages.lifecycle.title',
  providers: 'pages.providers.title',
  providerDetail: 'pages.provider-detail.title',
  slos: 'pages.slos.title',
  sloDetail: 'pages.slo-detail.title',
  llmQuality: 'pages.llm-quality.title',
  llmTraces: 'pages.llm-traces.title',
  playbooks: 'pages.playbooks.title',
  playbook: 'pages.playbook.title',
  trace: 'pages.trace.title',
  quantumJob: 'pages.quantum-job.title',
};

/** A page's title as the app renders it (Grafana shows it as the page heading). */
export function pageTitleText(page: PageId): string {
  return uiText(TITLE_KEY[page]);
}

/**
 * What every page of the app has, found by test id, role or the app's own UI text (src/ui), never by text
 * typed into a test. Used by the page harness (playwright/ct) and the Grafana e2e specs (playwright/e2e).
 */
export class AppPageObject {
  constructor(readonly root: Root) {}

  /** The page heading: Grafana's page chrome (or the harness' stand-in of it) renders the title as h1. */
  heading(page: PageId): Locator {
    return this.root.getByRole('heading', { name: pageTitleText(page), exact: true });
  }

  /** A panel by its title (Grafana's panel chrome labels the panel region with it). */
  panel(title: string): Locator {
    return this.root.getByRole('region', { name: title, exact: true });
  }

  /** The legend entries of a time series panel (one per series drawn). */
  legendItems(title: string): Locator {
    return this.panel(title).locator('[data-testid^="data-testid VizLegend series"]');
  }

  /** The title elements of every panel on the page. */
  panelTitles(): Locator {
    return this.root.locator('section[aria-labelledby] h2');
  }

  /** Titles that do not fit their panel header (cut with an ellipsis). */
  async truncatedPanelTitles(): Promise<string[]> {
    return this.panelTitles().evaluateAll((titles) =>
      titles.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent ?? '')
    );
  }

  get loading(): Locator {
    return this.root.getByTestId(testIds.states.loading);
  }

  get error(): Locator {
    return this.root.getByTestId(testIds.states.error);
  }

  get errorDetail(): Locator {
    return this.root.getByTestId(testIds.states.errorDetail);
  }

  get empty(): Locator {
    return this.root.getByTestId(testIds.states.empty);
  }

  get alertBanner(): Locator {
    return this.root.getByTestId(testIds.alertBanner);
  }

  get notFound(): Locator {
    return this.root.getByTestId(testIds.notFound);
  }

  get pageError(): Locator {
    return this.root.getByTestId(testIds.pageError.container);
  }

  get pageErrorDetail(): Locator {
    return this.root.getByTestId(testIds.pageError.detail);
  }

  get pageErrorBack(): Locator {
    return this.root.getByTestId(testIds.pageError.back);
  }

  get loadError(): Locator {
    return this.root.getByTestId(testIds.loadError.container);
  }

  get loadErrorReload(): Locator {
    return this.root.getByTestId(testIds.loadError.reload);
  }

  /** A tile's "open" link in its header, by the page it opens (`data-page` is the contract's page id). */
  tileLink(to: PageId): Locator {
    return this.root.locator(`[data-testid="${testIds.tileLink}"][data-page="${to}"]`);
  }
}
