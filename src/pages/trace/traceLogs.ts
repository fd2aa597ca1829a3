import { LOG_FIELD, LOKI_OTLP_METADATA } from '@hybridlens/conventions';
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

type Labels = Record<string, string>;
/** With `X-Loki-Response-Encoding-Flags: categorize-labels` a value carries its structured metadata and parsed labels. */
type Categorized = { structuredMetadata?: Labels; parsed?: Labels };
type LokiValue = [string, string] | [string, string, Categorized];

interface LokiStreams {
  data?: { resultType?: string; result?: Array<{ stream: Labels; values: LokiValue[] }> };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Loki's `query_range` answer → log lines in time order. The line is the record's body (shown as text, never markup);
 * the fields come from the labels Loki returns with it: by default the stream labels hold the line's structured
 * metadata too (`trace_id`, `span_id`, `stage`, ...); with categorized labels they come as the value's third element.
 */
export function parseLokiStreams(body: LokiStreams): LogLine[] {
  const out: LogLine[] = [];
  for (const stream of body.data?.result ?? []) {
    for (const [ns, line, categorized] of stream.values ?? []) {
      const labels: Labels = { ...stream.stream, ...categorized?.structuredMetadata, ...categorized?.parsed };
      const get = (key: string) => nonEmpty(labels[key]);
      out.push({
        timeMs: Number(ns) / 1e6,
        level:
          get(LOKI_OTLP_METADATA.detectedLevel) ?? get(LOKI_OTLP_METADATA.severityText) ?? get(LOG_FIELD.level) ?? '',
        stage: get(LOG_FIELD.stage),
        event: get(LOG_FIELD.event),
        message: line,
        spanId: get(LOG_FIELD.spanId),
        traceId: get(LOG_FIELD.traceId),
        providerJobId: get(LOG_FIELD.providerJobId),
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
