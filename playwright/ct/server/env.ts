/** Environment variables the global setup sets for the test workers. */
export const PROMETHEUS_URL_ENV = 'HL_CT_PROMETHEUS_URL';
export const HISTORY_ENV = 'HL_CT_HISTORY';
/** A second Prometheus with the same raw history but no SLO series (the "rules never loaded" state). */
export const BARE_PROMETHEUS_URL_ENV = 'HL_CT_BARE_PROMETHEUS_URL';

/** Unix seconds of the loaded history. */
export interface HistoryWindow {
  start: number;
  end: number;
  /** "now" when the history was generated. */
  now: number;
  incidentStart: number;
  incidentEnd: number;
  /** Resolution of the history: the datasource stand-in's scrape interval (`timeInterval`). */
  stepSeconds: number;
}

export function prometheusUrl(): string {
  const url = process.env[PROMETHEUS_URL_ENV];
  if (!url) {
    throw new Error(
      `${PROMETHEUS_URL_ENV} is not set: run through playwright-ct.config.ts (its globalSetup starts Prometheus)`
    );
  }
  return url;
}

export function barePrometheusUrl(): string {
  const url = process.env[BARE_PROMETHEUS_URL_ENV];
  if (!url) {
    throw new Error(`${BARE_PROMETHEUS_URL_ENV} is not set: run through playwright-ct.config.ts`);
  }
  return url;
}

export function historyWindow(): HistoryWindow {
  const raw = process.env[HISTORY_ENV];
  if (!raw) {
    throw new Error(`${HISTORY_ENV} is not set: run through playwright-ct.config.ts`);
  }
  return JSON.parse(raw) as HistoryWindow;
}
