import { LOG_LEVEL, STAGE, type Stage } from '@hybridlens/conventions';
import type { LogEntry } from './api';
import { requireOneOf, requireString, timeOr } from './errors';
import type { LogRecord } from './logger';

/** A caller's log entry as a logger record; unknown fields are filtered later by the logger. */
export function entryToRecord(call: string, entry: LogEntry, now: () => number): Omit<LogRecord, 'traceId' | 'spanId'> {
  const level = requireOneOf(call, 'level', entry.level, LOG_LEVEL);
  const event = requireString(call, 'event', entry.event);
  const message = requireString(call, 'message', entry.message);
  const time = timeOr(call, 'time', entry.time, now);
  const stage =
    typeof entry.stage === 'string' ? (requireOneOf(call, 'stage', entry.stage, STAGE) as Stage) : undefined;
  const { level: _l, event: _e, message: _m, time: _t, stage: _s, ...fields } = entry;
  return { level, event, message, time, ...(stage ? { stage } : {}), fields };
}
