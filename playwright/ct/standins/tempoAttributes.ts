import type { Attributes } from '@hybridlens/traces';
import { otlpValue, type OtlpAnyValue } from '@hybridlens/traces/testing';

/** The span's values of `keys`, in Tempo's search-answer shape; keys the span does not carry are left out. */
export function tempoAttributes(
  attributes: Attributes,
  keys: readonly string[]
): Array<{ key: string; value: OtlpAnyValue }> {
  return keys.flatMap((key) => (key in attributes ? [{ key, value: otlpValue(attributes[key]!) }] : []));
}
