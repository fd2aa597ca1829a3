import { CalibrationInputError } from './errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Typed accessors that throw a CalibrationInputError naming the source and the JSON path. */
export class Reader {
  constructor(readonly source: string) {}

  fail(field: string, problem: string): never {
    throw new CalibrationInputError(this.source, field, problem);
  }

  object(value: unknown, field: string): JsonObject {
    if (!isObject(value)) {
      this.fail(field, `expected an object, got ${describe(value)}`);
    }
    return value;
  }

  array(value: unknown, field: string): Json[] {
    if (!Array.isArray(value)) {
      this.fail(field, `expected an array, got ${describe(value)}`);
    }
    return value as Json[];
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') {
      this.fail(field, `expected a string, got ${describe(value)}`);
    }
    return value;
  }

  /** A finite number (numeric strings accepted: IQM sends values as strings). */
  number(value: unknown, field: string): number {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      this.fail(field, `expected a finite number, got ${describe(value)}`);
    }
    return n;
  }

  /** Like number(), but null/undefined/"None" (IQM) give null. */
  optionalNumber(value: unknown, field: string): number | null {
    if (value === null || value === undefined || value === 'None' || value === 'null') {
      return null;
    }
    return this.number(value, field);
  }
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing (field missing)';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? text.slice(0, 40) + '…' : text}`;
}

/** Parse an ISO-ish timestamp ("2024-11-29 02:55:42.607368+00:00" too) to ISO 8601 UTC, or throw. */
export function isoTimestamp(reader: Reader, value: unknown, field: string): string {
  const text = reader
    .string(value, field)
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  // Date.parse rejects more than 3 fractional digits on some engines: trim microseconds.
  let trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  // A time without a zone is read as UTC, never as the machine's local time.
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)) {
    trimmed += 'Z';
  }
  const ms = Date.parse(trimmed);
  if (!Number.isFinite(ms)) {
    reader.fail(field, `not a timestamp: ${JSON.stringify(value)}`);
  }
  return new Date(ms).toISOString();
}
