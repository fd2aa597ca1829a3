/** One Prometheus API call the datasource stand-in made, as tests read it back from the page. */
export interface LoggedQuery {
  /** `query_range`, `query`, `series`, `labels`, `label_values`. */
  api: string;
  /** The PromQL (or match[] selector) exactly as sent, after variable interpolation. */
  expr: string;
  refId?: string;
  /** Unix seconds. */
  start?: number;
  end?: number;
  time?: number;
  step?: number;
  /** Set when Prometheus answered with an error. */
  error?: string;
  /** Series (or values) returned. */
  results?: number;
}

export interface HarnessWindow {
  queries: LoggedQuery[];
}

declare global {
  interface Window {
    __hybridlensHarness?: HarnessWindow;
  }
}

export function harnessState(): HarnessWindow {
  window.__hybridlensHarness ??= { queries: [] };
  return window.__hybridlensHarness;
}

export function logQuery(entry: LoggedQuery): LoggedQuery {
  harnessState().queries.push(entry);
  return entry;
}
