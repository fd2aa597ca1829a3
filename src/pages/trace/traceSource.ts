import { type TraceLifecycle, TraceFormatError, loadTrace } from '@hybridlens/traces';
import { DatasourceHttpError, proxyGet } from '../../queries/datasourceProxy';

/** Hex (W3C 32, Jaeger 16, or shorter with leading zeros dropped) or base64 of 16 bytes (Tempo v1 ids). */
const HEX_ID = /^[0-9a-fA-F]{1,32}$/;
const BASE64_ID = /^[A-Za-z0-9+/_-]{22}(==)?$/;

export function isTraceIdShape(id: string): boolean {
  return HEX_ID.test(id) || BASE64_ID.test(id);
}

export type TraceLoad =
  | { kind: 'malformed'; traceId: string }
  | { kind: 'notFound'; traceId: string }
  | { kind: 'error'; traceId: string; message: string }
  | { kind: 'notATrace'; traceId: string; message: string }
  | { kind: 'ready'; traceId: string; lifecycle: TraceLifecycle; api: 'v2' | 'v1' };

/**
 * Reads one trace from Tempo through the datasource proxy: `/api/v2/traces/<id>` (with PARTIAL status), and
 * `/api/traces/<id>` when v2 answers 404 (an older Tempo, or a Jaeger query service behind the datasource).
 * Whatever the backend returns goes through `loadTrace`, so every format it knows renders.
 */
export async function loadTraceFromTempo(tempoUid: string, traceId: string): Promise<TraceLoad> {
  const id = traceId.trim();
  if (!isTraceIdShape(id)) {
    return { kind: 'malformed', traceId };
  }
  let body: unknown;
  let api: 'v2' | 'v1' = 'v2';
  try {
    body = await proxyGet<unknown>(tempoUid, `api/v2/traces/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof DatasourceHttpError) || error.status !== 404) {
      return { kind: 'error', traceId, message: (error as Error).message };
    }
    try {
      api = 'v1';
      body = await proxyGet<unknown>(tempoUid, `api/traces/${encodeURIComponent(id)}`);
    } catch (v1Error) {
      if (v1Error instanceof DatasourceHttpError && v1Error.status === 404) {
        return { kind: 'notFound', traceId };
      }
      return { kind: 'error', traceId, message: (v1Error as Error).message };
    }
  }
  try {
    const lifecycle = loadTrace(body, { traceId: id });
    return lifecycle.spans.length === 0 ? { kind: 'notFound', traceId } : { kind: 'ready', traceId, lifecycle, api };
  } catch (error) {
    if (error instanceof TraceFormatError) {
      return { kind: 'notATrace', traceId, message: error.message };
    }
    if ((error as Error).name === 'TraceNotFoundError') {
      return { kind: 'notFound', traceId };
    }
    throw error;
  }
}
