import { LOG_FIELD } from '@hybridlens/conventions';
import { proxyGet } from '../../queries/datasourceProxy';

export interface LogLine {
  timeMs: number;
  level: string;
  stage?: string;
  event?: string;
  message: string;
  spanId?: string;
  traceId?: string;
  providerJobId?: string;
}

interface LokiStreams {
  data?: { resultType?: string; result?: Array<{ stream: Record<string, string>; values: Array<[string, string]> }> };
}

/** A field of the JSON line as text (anything else is not shown: lines are data, never markup). */
function field(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Loki's `query_range` answer → log lines in time order; lines that are not JSON keep their raw text. */
export function parseLokiStreams(body: LokiStreams): LogLine[] {
  const out: LogLine[] = [];
  for (const stream of body.data?.result ?? []) {
    for (const [ns, line] of stream.values ?? []) {
      let obj: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(line);
        obj = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
      } catch {
        obj = {};
      }
      out.push({
        timeMs: Number(ns) / 1e6,
        level: field(obj, LOG_FIELD.level) ?? stream.stream[LOG_FIELD.level] ?? '',
        stage: field(obj, LOG_FIELD.stage),
        event: field(obj, LOG_FIELD.event),
        message: field(obj, LOG_FIELD.message) ?? line,
        spanId: field(obj, LOG_FIELD.spanId),
        traceId: field(obj, LOG_FIELD.traceId),
        providerJobId: field(obj, LOG_FIELD.providerJobId),
      });
    }
  }
  return out.sort((a, b) => a.timeMs - b.timeMs);
}

/** Log lines of a LogQL query between two instants (epoch ms), through the Loki datasource's proxy. */
export async function queryLoki(
  lokiUid: string,
  query: string,
  fromMs: number,
  toMs: number,
  limit = 500
): Promise<LogLine[]> {
  const body = await proxyGet<LokiStreams>(lokiUid, 'loki/api/v1/query_range', {
    query,
    start: String(Math.floor(fromMs) * 1e6),
    end: String(Math.ceil(toMs) * 1e6),
    limit: String(limit),
    direction: 'forward',
  });
  return parseLokiStreams(body);
}
