import { LOG_FIELD, LOG_LEVEL, type LogLevel } from '@hybridlens/conventions';

export const SERVICE_NAME = 'hybridlens-calibration';

export type Logger = (level: LogLevel, event: string, message: string, extra?: Record<string, string>) => void;

/** One JSON object per line on stderr (stdout stays clean for `normalize` output). */
export const stderrLogger: Logger = (level, event, message, extra = {}) => {
  const line = {
    [LOG_FIELD.timestamp]: new Date().toISOString(),
    [LOG_FIELD.level]: level,
    [LOG_FIELD.message]: message,
    [LOG_FIELD.service]: SERVICE_NAME,
    [LOG_FIELD.event]: event,
    ...extra,
  };
  process.stderr.write(JSON.stringify(line) + '\n');
};

export const silentLogger: Logger = () => undefined;

export { LOG_LEVEL };
