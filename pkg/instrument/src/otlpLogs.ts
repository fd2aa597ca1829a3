import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { type AnyValue, type Logger, type LogAttributes, SeverityNumber } from '@opentelemetry/api-logs';
import {
  type LogRecordExporter,
  type LogRecordProcessor,
  LoggerProvider,
  type ReadWriteLogRecord,
} from '@opentelemetry/sdk-logs';
import { LOG_FIELD, type LogLevel } from '@hybridlens/conventions';
import { BoundedExportQueue, type ExportQueueOptions } from './exportQueue';
import { otlpLogExporter } from './lazyExporters';
import type { LogRecord } from './logger';
import { contractResource, type ServiceIdentity } from './resource';

const LOGGER_NAME = '@hybridlens/instrument';
const F_STAGE = LOG_FIELD.stage;
const F_EVENT = LOG_FIELD.event;

const SEVERITY: Readonly<Record<LogLevel, SeverityNumber>> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

export interface OtlpLogsOptions extends ServiceIdentity, ExportQueueOptions {
  exporter?: LogRecordExporter;
  /** OTLP/HTTP protobuf endpoint, e.g. Loki's http://loki:3100/otlp/v1/logs or a collector's /v1/logs. */
  url?: string;
}

/** Where the logger hands each record it wrote; `fields` are already reduced to contract fields. */
export interface LogRecordSink {
  emit(record: LogRecord, fields: Readonly<Record<string, unknown>> | undefined): void;
}

export interface OtlpLogs extends LogRecordSink {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Hands every emitted record to the bounded queue: no copy, no timer of the SDK's own. */
class QueueProcessor implements LogRecordProcessor {
  constructor(private readonly queue: BoundedExportQueue<ReadWriteLogRecord>) {}

  onEmit(record: ReadWriteLogRecord): void {
    this.queue.enqueueOne(record);
  }

  forceFlush(): Promise<void> {
    return this.queue.flush();
  }

  shutdown(): Promise<void> {
    return this.queue.shutdown();
  }
}

/** OTLP attribute values: primitives and arrays as they are, anything else as compact JSON. */
function attributeValue(value: unknown): AnyValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    return value;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Log records over OTLP/HTTP (protobuf) with the OpenTelemetry logs SDK: trace and span ids in the
 * record's own fields, the level as severity, the message as body, the contract's other log fields
 * as attributes and the service on the resource.
 */
export function createOtlpLogs(options: OtlpLogsOptions): OtlpLogs {
  const exporter =
    options.exporter ?? otlpLogExporter({ url: options.url ?? '', timeoutMillis: options.exportTimeoutMillis });
  const queue = new BoundedExportQueue<ReadWriteLogRecord>(exporter, options);
  const provider = new LoggerProvider({ resource: contractResource(options), processors: [new QueueProcessor(queue)] });
  const logger: Logger = provider.getLogger(LOGGER_NAME);
  return {
    emit(record, fields) {
      const attributes: LogAttributes = {};
      if (record.stage) {
        attributes[F_STAGE] = record.stage;
      }
      attributes[F_EVENT] = record.event;
      if (fields) {
        for (const key in fields) {
          const value = attributeValue(fields[key]);
          if (value !== undefined) {
            attributes[key] = value;
          }
        }
      }
      try {
        logger.emit({
          timestamp: record.time,
          severityNumber: SEVERITY[record.level],
          severityText: record.level,
          body: record.message,
          attributes,
          ...(record.traceId && record.spanId
            ? {
                context: trace.setSpanContext(ROOT_CONTEXT, {
                  traceId: record.traceId,
                  spanId: record.spanId,
                  traceFlags: TraceFlags.SAMPLED,
                }),
              }
            : {}),
        });
      } catch {
        // Telemetry never throws into its host; the record is lost and counted.
        options.onDropped(1);
      }
    },
    async flush() {
      try {
        await provider.forceFlush();
      } catch {
        // flush never throws into the host
      }
    },
    async shutdown() {
      try {
        await provider.shutdown();
      } catch {
        // shutdown never throws into the host
      }
    },
  };
}
