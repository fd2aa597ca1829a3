import { proxyGet } from '../../queries/datasourceProxy';
import { logsOfJobQuery } from '../../queries/logql';
import { traceOfJobQuery } from '../../queries/traceql';
import { queryLoki } from '../trace/traceLogs';

/** Provider job ids are opaque (UUIDs, Braket ARNs, IBM ids) but printable and short. */
export function isJobIdShape(id: string): boolean {
  return id.trim() !== '' && id.length <= 512 && !/[\u0000-\u001f\u007f]/.test(id);
}

export type JobTraceSource = 'tempo' | 'loki';

export interface JobTraceLookup {
  traceId?: string;
  foundBy?: JobTraceSource;
  /** What was searched and what each source said (shown when nothing was found). */
  attempts: Array<{ source: JobTraceSource; error?: string; found: boolean }>;
}

interface TempoSearch {
  traces?: Array<{ traceID?: string }>;
}

/**
 * The trace that holds a provider job: TraceQL on `quantum.job.id` in Tempo, else a log line with the job id in
 * Loki (it carries the trace id). Each source's failure is kept and reported, not hidden; a later source is still
 * asked when an earlier one fails.
 */
export async function findJobTrace(
  jobId: string,
  uids: { tempo: string; loki: string },
  fromMs: number,
  toMs: number
): Promise<JobTraceLookup> {
  const attempts: JobTraceLookup['attempts'] = [];
  try {
    const body = await proxyGet<TempoSearch>(uids.tempo, 'api/search', {
      q: traceOfJobQuery(jobId),
      start: String(Math.floor(fromMs / 1000)),
      end: String(Math.ceil(toMs / 1000)),
      limit: '5',
    });
    const traceId = body.traces?.find((tr) => typeof tr.traceID === 'string' && tr.traceID !== '')?.traceID;
    attempts.push({ source: 'tempo', found: traceId !== undefined });
    if (traceId) {
      return { traceId, foundBy: 'tempo', attempts };
    }
  } catch (error) {
    attempts.push({ source: 'tempo', found: false, error: (error as Error).message });
  }
  try {
    const lines = await queryLoki(uids.loki, logsOfJobQuery(jobId), fromMs, toMs, 20);
    const traceId = lines.find((l) => l.traceId)?.traceId;
    attempts.push({ source: 'loki', found: traceId !== undefined });
    if (traceId) {
      return { traceId, foundBy: 'loki', attempts };
    }
  } catch (error) {
    attempts.push({ source: 'loki', found: false, error: (error as Error).message });
  }
  return { attempts };
}
