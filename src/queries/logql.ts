import { LOG_FIELD, LOKI_STREAM_LABEL } from '@hybridlens/conventions';

/**
 * Every LogQL query the app sends to Loki. The stream selector is the contract's low-cardinality label (any
 * service); the id is first a line filter (cheap: Loki skips chunks without it), then an exact field match
 * after `| json`, so an id that merely appears inside another field does not count.
 */

/** A LogQL double-quoted string: backslash, quote and control characters escaped (Go syntax). */
export function logqlString(value: string): string {
  const escaped = value.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!
  );
  return `"${escaped}"`;
}

const ANY_SERVICE = `{${LOKI_STREAM_LABEL.serviceName}=~".+"}`;

function byField(field: string, value: string): string {
  const literal = logqlString(value);
  return `${ANY_SERVICE} |= ${literal} | json | ${field} = ${literal}`;
}

/** The JSON log lines of one trace. */
export function logsOfTraceQuery(traceId: string): string {
  return byField(LOG_FIELD.traceId, traceId);
}

/** The JSON log lines about one provider job (they carry its trace id too). */
export function logsOfJobQuery(jobId: string): string {
  return byField(LOG_FIELD.providerJobId, jobId);
}
