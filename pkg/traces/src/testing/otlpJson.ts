import type { AttributeValue } from '../model';
/** The OTLP JSON shapes the generators write (the OpenTelemetry protobuf JSON mapping). */

export type OtlpAnyValue =
  | { stringValue: string }
  | { intValue: string | number }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: OtlpAnyValue[] } };

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number | string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events?: Array<{ name: string; timeUnixNano: string; attributes: OtlpKeyValue[] }>;
  status?: { code?: number | string; message?: string };
}

export interface OtlpDocument {
  resourceSpans: Array<{
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }>;
  }>;
}

export type AttributeInput = string | number | boolean | readonly string[] | readonly number[] | undefined;

/**
 * Integers as protobuf JSON writes int64 (strings), other values as themselves. Maps and nulls have no place in the
 * generators' value types: written as JSON text.
 */
export function otlpValue(value: Exclude<AttributeInput, undefined> | AttributeValue): OtlpAnyValue {
  if (typeof value === 'string') {
    return { stringValue: value };
  }
  if (typeof value === 'boolean') {
    return { boolValue: value };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (Array.isArray(value)) {
    return { arrayValue: { values: (value as readonly AttributeValue[]).map((v) => otlpValue(v)) } };
  }
  return { stringValue: JSON.stringify(value) };
}

export function otlpAttributes(attributes: Readonly<Record<string, AttributeInput>>): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      out.push({ key, value: otlpValue(value) });
    }
  }
  return out;
}

/**
 * Epoch ms (fractions allowed) as a nanosecond decimal string, without passing through numbers above 2^53. An
 * offset is added exactly: `nanos(t0, 12.345)` is t0 plus 12,345 µs to the nanosecond, where `nanos(t0 + 12.345)`
 * would carry the rounding of a double near 1.8e12 (a quarter microsecond).
 */
export function nanos(ms: number, offsetMs = 0): string {
  const wholeBase = Math.floor(ms);
  const wholeOffset = Math.floor(offsetMs);
  let whole = wholeBase + wholeOffset;
  let fraction = Math.round((ms - wholeBase) * 1e6) + Math.round((offsetMs - wholeOffset) * 1e6);
  while (fraction >= 1e6) {
    whole += 1;
    fraction -= 1e6;
  }
  return `${whole}${String(fraction).padStart(6, '0')}`;
}
