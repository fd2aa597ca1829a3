import { LOG_FIELD, LOKI_STREAM_LABEL } from '@hybridlens/conventions';

/**
 * Every LogQL query the app sends to Loki. Services log over OTLP to Loki's native endpoint
 * (`provisioning/loki/loki.yaml`): the line is the record's body (the message), `service_name` the only stream
 * label, and `trace_id`, `span_id` and the contract's other log fields are structured metadata of each line. So the
 * id is matched with a label filter on that metadata, never on the line text (which does not contain it); Loki's
 * bloom filters on structured metadata make this the cheap way to find one id.
 */

/** A LogQL double-quoted string: backslash, quote and control characters escaped (Go syntax). */
export function logqlString(value: string): string {
  const escaped = value.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!
  );
  return `"${escaped}"`;
}

/** Every service's stream: the ids and fields are matched on each line's structured metadata after it. */
export const ANY_SERVICE = `{${LOKI_STREAM_LABEL.serviceName}=~".+"}`;

function byMetadata(field: string, value: string): string {
  return `${ANY_SERVICE} | ${field} = ${logqlString(value)}`;
}

/** The log lines of one trace (Loki's `trace_id` metadata, set from the OTLP record's trace context). */
export function logsOfTraceQuery(traceId: string): string {
  return byMetadata(LOG_FIELD.traceId, traceId);
}

/** The log lines about one provider job (they carry its trace id too). */
export function logsOfJobQuery(jobId: string): string {
  return byMetadata(LOG_FIELD.providerJobId, jobId);
}
