import type { AttributeValue, Attributes, SpanEvent, SpanKind, SpanStatusCode } from '../model';

/**
 * Epoch milliseconds from a count of `unitsPerMs`-ths of a millisecond (1e6 for nanoseconds, 1e3 for
 * microseconds), given as a number or a decimal string. Long strings are split so the value never passes
 * through an integer above 2^53. Undefined for anything else, for zero and for negative values.
 */
export function epochMsFrom(value: unknown, unitsPerMs: 1e3 | 1e6): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 ? value / unitsPerMs : undefined;
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > 30) {
    return undefined;
  }
  // Digits above the unit's last `digits` places are whole milliseconds, the rest a fraction: read both
  // in one pass without substrings, so no part passes through an integer above 2^53.
  const digits = unitsPerMs === 1e6 ? 6 : 3;
  const split = value.length - digits;
  let whole = 0;
  let fraction = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return undefined;
    }
    if (i < split) {
      whole = whole * 10 + d;
    } else {
      fraction = fraction * 10 + d;
    }
  }
  const ms = whole + fraction / unitsPerMs;
  return ms > 0 ? ms : undefined;
}

/** A number given as a number or as a numeric string (protobuf JSON writes 64-bit ints as strings). */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function emptyAttributes(): Attributes {
  return {};
}

/** Most spans have no events: they share this (frozen) list. */
export const NO_EVENTS: SpanEvent[] = Object.freeze([]) as unknown as SpanEvent[];

/** The one key an assignment would treat as the prototype: never stored. */
export const PROTO_KEY = '__proto__';

/** An OTLP AnyValue (`{stringValue}`, `{intValue: "12"}`, `{arrayValue: {values}}`, ...) as a plain value. */
export function anyValue(value: unknown, depth = 0): AttributeValue {
  if (!isRecord(value)) {
    return null;
  }
  if ('stringValue' in value) {
    return typeof value.stringValue === 'string' ? value.stringValue : String(value.stringValue);
  }
  if ('intValue' in value) {
    return numberFrom(value.intValue) ?? null;
  }
  if ('doubleValue' in value) {
    const d = value.doubleValue;
    // Protobuf JSON writes NaN and infinities as strings.
    return typeof d === 'string' && (d === 'NaN' || d === 'Infinity' || d === '-Infinity')
      ? d
      : (numberFrom(d) ?? null);
  }
  if ('boolValue' in value) {
    return value.boolValue === true || value.boolValue === 'true';
  }
  // Nested values are bounded: a hostile document cannot make the reader recurse without end.
  if (depth > 8) {
    return null;
  }
  if ('arrayValue' in value) {
    const values = isRecord(value.arrayValue) ? value.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map((v) => anyValue(v, depth + 1)) : [];
  }
  if ('kvlistValue' in value) {
    const values = isRecord(value.kvlistValue) ? value.kvlistValue.values : undefined;
    const out = emptyAttributes();
    if (Array.isArray(values)) {
      for (const kv of values) {
        if (isRecord(kv) && typeof kv.key === 'string' && kv.key !== PROTO_KEY) {
          out[kv.key] = anyValue(kv.value, depth + 1);
        }
      }
    }
    return out;
  }
  if ('bytesValue' in value) {
    return typeof value.bytesValue === 'string' ? value.bytesValue : null;
  }
  return null;
}

const KIND_BY_NUMBER: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Span kind from the OTLP enum number, its protobuf name (`SPAN_KIND_SERVER`) or a plain name (`server`). */
export function spanKindFrom(value: unknown): SpanKind {
  const n = numberFrom(value);
  if (n !== undefined) {
    return KIND_BY_NUMBER[n] ?? 'unspecified';
  }
  if (typeof value === 'string') {
    const name = value.toLowerCase().replace(/^span_kind_/, '');
    return (KIND_BY_NUMBER as readonly string[]).includes(name) ? (name as SpanKind) : 'unspecified';
  }
  return 'unspecified';
}

const STATUS_BY_NUMBER: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** Status code from the OTLP enum number, its protobuf name (`STATUS_CODE_ERROR`) or a plain name (`ERROR`). */
export function statusCodeFrom(value: unknown): SpanStatusCode {
  const n = numberFrom(value);
  if (n !== undefined) {
    return STATUS_BY_NUMBER[n] ?? 'unset';
  }
  if (typeof value === 'string') {
    const name = value.toLowerCase().replace(/^status_code_/, '');
    return (STATUS_BY_NUMBER as readonly string[]).includes(name) ? (name as SpanStatusCode) : 'unset';
  }
  return 'unset';
}
