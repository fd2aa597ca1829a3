import * as conventions from '@hybridlens/conventions';
import type { LogLevel, Stage } from '@hybridlens/conventions';
import { IsoTimeFormatter } from './isoTime';
import type { LogRecordSink } from './otlpLogs';

// Read once: re-exported bindings compile to getter chains in CommonJS, too slow on the per-request path.
const { LOG_EVENT, LOG_FIELD } = conventions;

/** The SDK's own event names, already as JSON strings (callers' other events are encoded per line). */
const EVENT_JSON = new Map<string, string>(Object.values(LOG_EVENT).map((e) => [e, JSON.stringify(e)]));

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
const ALLOWED_FIELDS = new Set<string>(Object.values(LOG_FIELD));
const F_TIMESTAMP = LOG_FIELD.timestamp;
const F_LEVEL = LOG_FIELD.level;
const F_MESSAGE = LOG_FIELD.message;
const F_SERVICE = LOG_FIELD.service;
const F_EVENT = LOG_FIELD.event;
const F_STAGE = LOG_FIELD.stage;
const F_TRACE_ID = LOG_FIELD.traceId;
const F_SPAN_ID = LOG_FIELD.spanId;
/** Fields the logger sets itself; callers cannot override them. */
const LOGGER_FIELDS = new Set<string>([
  F_TIMESTAMP,
  F_LEVEL,
  F_MESSAGE,
  F_SERVICE,
  F_EVENT,
  F_STAGE,
  F_TRACE_ID,
  F_SPAN_ID,
]);
const STDOUT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** A sink returns false when it dropped the line (counted as a dropped log item). */
export type LogSink = (line: string) => void | boolean;

export interface LogRecord {
  level: LogLevel;
  event: string;
  message: string;
  time: number;
  stage?: Stage;
  traceId?: string;
  spanId?: string;
  fields?: Readonly<Record<string, unknown>>;
}

/**
 * process.stdout as a sink that never lets a slow reader grow memory without bound: while more
 * than 4 MiB wait in its buffer, lines are dropped.
 */
export function stdoutSink(line: string): boolean {
  if (process.stdout.writableLength > STDOUT_MAX_BUFFERED_BYTES) {
    return false;
  }
  process.stdout.write(line + '\n');
  return true;
}

/** Structured JSON lines with the contract's LOG_FIELD names only. */
export class JsonLogger {
  private readonly minRank: number;
  private readonly serviceJson: string;
  private readonly timestamps = new IsoTimeFormatter();

  constructor(
    service: string,
    private readonly sink: LogSink,
    minLevel: LogLevel,
    private readonly onDropped: (count: number) => void,
    /** A second destination for every record written (OTLP), after the same filtering. */
    private readonly records?: LogRecordSink
  ) {
    this.minRank = LEVEL_RANK[minLevel];
    this.serviceJson = JSON.stringify(service);
  }

  enabled(level: LogLevel): boolean {
    return LEVEL_RANK[level] >= this.minRank;
  }

  write(record: LogRecord): void {
    if (LEVEL_RANK[record.level] < this.minRank) {
      return;
    }
    // Built by hand: JSON.stringify of a whole object costs about twice as much per line.
    const event = EVENT_JSON.get(record.event) ?? JSON.stringify(record.event);
    let text = `{"${F_TIMESTAMP}":"${this.timestamps.format(record.time)}","${F_LEVEL}":"${record.level}","${F_MESSAGE}":${JSON.stringify(record.message)},"${F_SERVICE}":${this.serviceJson},"${F_EVENT}":${event}`;
    if (record.stage) {
      text += `,"${F_STAGE}":"${record.stage}"`;
    }
    if (record.traceId) {
      text += `,"${F_TRACE_ID}":"${record.traceId}","${F_SPAN_ID}":"${record.spanId ?? ''}"`;
    }
    const fields = record.fields;
    let contractFields: Record<string, unknown> | undefined;
    if (fields) {
      for (const key in fields) {
        const value = fields[key];
        if (value !== undefined && ALLOWED_FIELDS.has(key) && !LOGGER_FIELDS.has(key)) {
          let json: string | undefined;
          try {
            json = JSON.stringify(value);
          } catch {
            json = undefined;
          }
          if (json !== undefined) {
            text += `,"${key}":${json}`;
            if (this.records) {
              (contractFields ??= {})[key] = value;
            }
          }
        }
      }
    }
    text += '}';
    try {
      if (this.sink(text) === false) {
        this.onDropped(1);
      }
    } catch {
      // A failing sink must not break the host; the line is lost and counted.
      this.onDropped(1);
    }
    this.records?.emit(record, contractFields);
  }
}
