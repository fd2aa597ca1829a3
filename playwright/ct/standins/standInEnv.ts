import type { TraceCatalog } from './harnessTelemetry';

/** Environment the global setup sets for the test workers: the Tempo and Loki stand-in and what it serves. */
export const TEMPO_LOKI_URL_ENV = 'HL_CT_TEMPO_LOKI_URL';
export const TRACE_CATALOG_ENV = 'HL_CT_TRACE_CATALOG';
/** The Prometheus holding the history traces' exemplars (absent when it could not start: the page then has none). */
export const EXEMPLAR_PROMETHEUS_URL_ENV = 'HL_CT_EXEMPLAR_PROMETHEUS_URL';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run through playwright-ct.config.ts (its globalSetup starts the stand-ins)`);
  }
  return value;
}

export function tempoLokiUrl(): string {
  return required(TEMPO_LOKI_URL_ENV);
}

export function traceCatalog(): TraceCatalog {
  return JSON.parse(required(TRACE_CATALOG_ENV)) as TraceCatalog;
}

export function exemplarPrometheusUrl(): string | undefined {
  return process.env[EXEMPLAR_PROMETHEUS_URL_ENV] || undefined;
}
