import { QUANTUM_ATTR } from '@hybridlens/conventions';
import { type TraceFormat, type TraceSpan, readTrace } from '@hybridlens/traces';
import { tempoLokiUrl } from './standInEnv';

/**
 * What the Tempo and Loki stand-ins answer, asked from Node by the specs: the expected values of a browser test
 * come from here (the same HTTP API the page calls), never typed in.
 */

async function get(path: string): Promise<Response> {
  return fetch(`${tempoLokiUrl()}/${path.replace(/^\/+/, '')}`);
}

/** The spans of one trace as Tempo serves it (v2, else v1 as the page falls back). */
export async function standInSpans(traceId: string): Promise<TraceSpan[]> {
  for (const api of ['api/v2/traces', 'api/traces']) {
    const res = await get(`${api}/${encodeURIComponent(traceId)}`);
    if (res.ok) {
      const trace = readTrace(await res.json()).traces.find((t) => t.traceId.endsWith(traceId.toLowerCase()));
      return trace?.spans ?? [];
    }
  }
  return [];
}

/** The format the trace package reads in Tempo's answer for a trace id (v2, else v1), e.g. `jaeger`. */
export async function standInFormat(traceId: string): Promise<TraceFormat | undefined> {
  for (const api of ['api/v2/traces', 'api/traces']) {
    const res = await get(`${api}/${encodeURIComponent(traceId)}`);
    if (res.ok) {
      return readTrace(await res.json()).format;
    }
  }
  return undefined;
}

/** The status of a trace id on Tempo's v2 and v1 APIs (404 for an id it does not hold). */
export async function standInStatus(traceId: string): Promise<{ v2: number; v1: number }> {
  const [v2, v1] = await Promise.all([
    get(`api/v2/traces/${encodeURIComponent(traceId)}`),
    get(`api/traces/${encodeURIComponent(traceId)}`),
  ]);
  return { v2: v2.status, v1: v1.status };
}

export interface ExpectedJob {
  jobId: string;
  failed: boolean;
  /** The provider's final job status, as the job's span reports it. */
  finalStatus?: string;
}

/** The quantum jobs of a trace from its raw spans: each job id in start order, failed when one of its spans failed. */
export function jobsOfSpans(spans: readonly TraceSpan[]): ExpectedJob[] {
  const jobs = new Map<string, ExpectedJob>();
  for (const s of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const jobId = s.attributes[QUANTUM_ATTR.jobId.key];
    if (typeof jobId !== 'string') {
      continue;
    }
    const job = jobs.get(jobId) ?? { jobId, failed: false };
    job.failed ||= s.status === 'error';
    const status = s.attributes[QUANTUM_ATTR.jobStatus.key];
    if (typeof status === 'string') {
      job.finalStatus = status;
    }
    jobs.set(jobId, job);
  }
  return [...jobs.values()];
}

/** Replays a datasource proxy call the page made (`/api/datasources/proxy/uid/<uid>/<path>?<query>`) on the stand-in. */
export async function replayProxyCall<T>(proxyUrl: string): Promise<T> {
  const path = proxyUrl.replace(/^.*\/api\/datasources\/proxy\/uid\/[^/]+\//, '');
  const res = await get(path);
  if (!res.ok) {
    throw new Error(`stand-in ${path}: HTTP ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

/** Loki lines for a LogQL query over all time, as the stand-in answers it. */
export async function standInLogLines(query: string): Promise<Array<[string, string]>> {
  // The history runs past "now": its last lines are in the future.
  const end = `${Date.now() + 86_400_000}000000`;
  const params = new URLSearchParams({ query, start: '0', end, limit: '5000', direction: 'forward' });
  const body = (await replayProxyCall<{ data: { result: Array<{ values: Array<[string, string]> }> } }>(
    `/api/datasources/proxy/uid/loki/loki/api/v1/query_range?${params.toString()}`
  )) as { data: { result: Array<{ values: Array<[string, string]> }> } };
  return body.data.result.flatMap((r) => r.values);
}
