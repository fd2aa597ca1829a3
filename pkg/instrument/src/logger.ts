import { LOG_FIELD, type LogLevel, type Stage } from '@hybridlens/conventions';

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
const ALLOWED_FIELDS = new Set<string>(Object.values(LOG_FIELD));
/** Fields the logger sets itself; callers cannot override them. */
const RESERVED_FIELDS = new Set<string>([LOG_FIELD.timestamp, LOG_FIELD.level, LOG_FIELD.message, LOG_FIELD.service, LOG_FIELD.event]);
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

  constructor(
    private readonly service: string,
    private readonly sink: LogSink,
    minLevel: LogLevel,
    private readonly onDropped: (count: number) => void
  ) {
    this.minRank = LEVEL_RANK[minLevel];
  }

  enabled(level: LogLevel): boolean {
    return LEVEL_RANK[level] >= this.minRank;
  }

  write(record: LogRecord): void {
    if (!this.enabled(record.level)) {
      return;
    }
    const line: Record<string, unknown> = {
      [LOG_FIELD.timestamp]: new Date(record.time).toISOString(),
      [LOG_FIELD.level]: record.level,
      [LOG_FIELD.message]: record.message,
      [LOG_FIELD.service]: this.service,
      [LOG_FIELD.event]: record.event,
    };
    if (record.stage) {
      line[LOG_FIELD.stage] = record.stage;
    }
    if (record.traceId) {
      line[LOG_FIELD.traceId] = record.traceId;
      line[LOG_FIELD.spanId] = record.spanId;
    }
    if (record.fields) {
      for (const [key, value] of Object.entries(record.fields)) {
        if (value !== undefined && ALLOWED_FIELDS.has(key) && !RESERVED_FIELDS.has(key) && !(key in line)) {
          line[key] = value;
        }
      }
    }
    let text: string;
    try {
      text = JSON.stringify(line);
    } catch {
      this.onDropped(1);
      return;
    }
    try {
      if (this.sink(text) === false) {
        this.onDropped(1);
      }
    } catch {
      // A failing sink must not break the host; the line is lost and counted.
      this.onDropped(1);
    }
  }
}
