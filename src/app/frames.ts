import { FieldType, type DataFrame } from '@grafana/data';

export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/**
 * Samples of an instant query, whichever shape the datasource returned: one frame per series with
 * labels on the value field (time-series format), or one row per series with label columns (table format).
 */
export function instantSamples(frames: readonly DataFrame[]): InstantSample[] {
  const out: InstantSample[] = [];
  for (const frame of frames) {
    const numbers = frame.fields.filter((f) => f.type === FieldType.number);
    const labelColumns = frame.fields.filter((f) => f.type === FieldType.string);
    if (labelColumns.length > 0) {
      const valueField = numbers[numbers.length - 1];
      for (let row = 0; row < frame.length; row++) {
        const labels: Record<string, string> = {};
        for (const column of labelColumns) {
          labels[column.name] = String(column.values[row] ?? '');
        }
        out.push({ labels, value: Number(valueField?.values[row]) });
      }
      continue;
    }
    for (const field of numbers) {
      const values = field.values;
      if (values.length > 0) {
        out.push({ labels: { ...(field.labels ?? {}) }, value: Number(values[values.length - 1]) });
      }
    }
  }
  return out;
}

/** Samples of one refId. */
export function samplesOf(frames: readonly DataFrame[], refId: string): InstantSample[] {
  return instantSamples(frames.filter((f) => f.refId === refId));
}
