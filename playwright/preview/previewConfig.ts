/** What the preview page is told at build time (Vite `define`). */
export interface PreviewPageConfig {
  prometheusUrl: string;
  /** The scrape interval of the history and of the live scrapes, e.g. `30s`. */
  scrapeInterval: string;
}

/** The global the preview build defines. */
export const PREVIEW_CONFIG_GLOBAL = '__HL_PREVIEW_CONFIG__';

/** Test id of the banner that says this is a preview, not Grafana. */
export const PREVIEW_BANNER_TEST_ID = 'hybridlens-preview-banner';
