import {
  MappingType,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type ValueMapping,
} from '@grafana/grafana-foundation-sdk/dashboard';

export const COLOR = { good: 'green', warn: 'orange', bad: 'red', neutral: 'text', info: 'blue' } as const;

/** Colours by value: `steps` are [from, colour] pairs after the base colour. */
export function thresholds(base: string, ...steps: Array<[number, string]>): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps([{ value: null, color: base }, ...steps.map(([value, color]) => ({ value, color }))]);
}

/** A value range shown as a word and a colour instead of a number. */
export function rangeAsWord(from: number | null, to: number | null, text: string, color: string): ValueMapping {
  return { type: MappingType.RangeToText, options: { from, to, result: { text, color } } };
}

/** One exact value shown as a word and a colour instead of a number. */
export function valueAsWord(value: number, text: string, color: string): ValueMapping {
  return { type: MappingType.ValueToText, options: { [String(value)]: { text, color } } };
}
