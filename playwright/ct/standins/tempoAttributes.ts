import type { AttributeValue, Attributes } from '@hybridlens/traces';

/** One attribute value as Tempo's JSON writes it (OTLP AnyValue; int64 as a decimal string). */
export type TempoAnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: TempoAnyValue[] } };

function anyValue(value: AttributeValue): TempoAnyValue | undefined {
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
    return { arrayValue: { values: value.map(anyValue).filter((v): v is TempoAnyValue => v !== undefined) } };
  }
  return undefined;
}

/** The span's values of `keys`, in Tempo's search-answer shape; keys the span does not carry are left out. */
export function tempoAttributes(
  attributes: Attributes,
  keys: readonly string[]
): Array<{ key: string; value: TempoAnyValue }> {
  return keys.flatMap((key) => {
    const v = key in attributes ? anyValue(attributes[key]!) : undefined;
    return v === undefined ? [] : [{ key, value: v }];
  });
}
