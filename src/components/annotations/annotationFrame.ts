import { type DataFrame, DataTopic, FieldType, createDataFrame } from '@grafana/data';

/** One marker on the time series panels of a page. */
export interface AnnotationMark {
  timeMs: number;
  /** End of a region annotation (a band from timeMs to here); none for a point in time. */
  timeEndMs?: number;
  text: string;
  /** Shown as the marker's heading where the panel has one; default: the text. */
  title?: string;
  tags: string[];
}

/** Grafana draws a row as a region when `isRegion` is set and `timeEnd` follows `time`. */
function regionFields(marks: readonly AnnotationMark[]) {
  return [
    { name: 'timeEnd', type: FieldType.time, values: marks.map((m) => m.timeEndMs ?? null) },
    { name: 'isRegion', type: FieldType.boolean, values: marks.map((m) => m.timeEndMs !== undefined) },
  ];
}

/**
 * Marks as one annotation frame, the shape Grafana's time series panels draw (time, optional timeEnd and isRegion, title, text, tags; `dataTopic:
 * annotations` so a frame among a panel's data is drawn as markers, not as a series).
 */
export function annotationFrame(name: string, marks: readonly AnnotationMark[], color?: string): DataFrame {
  return createDataFrame({
    name,
    meta: { dataTopic: DataTopic.Annotations },
    fields: [
      { name: 'time', type: FieldType.time, values: marks.map((m) => m.timeMs) },
      ...(marks.some((m) => m.timeEndMs !== undefined) ? regionFields(marks) : []),
      { name: 'title', type: FieldType.string, values: marks.map((m) => m.title ?? m.text) },
      { name: 'text', type: FieldType.string, values: marks.map((m) => m.text) },
      { name: 'tags', type: FieldType.other, values: marks.map((m) => m.tags) },
      ...(color ? [{ name: 'color', type: FieldType.string, values: marks.map(() => color) }] : []),
    ],
  });
}
