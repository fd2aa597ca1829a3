import { type DataFrame, FieldType, createDataFrame } from '@grafana/data';

export interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
  value?: [number, string];
}

export type PromData =
  | { resultType: 'matrix' | 'vector'; result: PromSeries[] }
  | { resultType: 'scalar' | 'string'; result: [number, string] };

export interface FrameOptions {
  refId: string;
  legendFormat?: string;
  format?: string;
  expr: string;
  /** Step of a range query, in ms: Grafana's datasource sets it as the time field's `interval`. */
  stepMs?: number;
}

/** Prometheus sample strings: "NaN", "+Inf", "-Inf" or a decimal. */
export function sampleValue(raw: string): number {
  if (raw === '+Inf') {
    return Infinity;
  }
  if (raw === '-Inf') {
    return -Infinity;
  }
  return Number(raw);
}

/** `{{label}}` placeholders of a legend format, as Grafana's Prometheus datasource renders them. */
export function renderLegend(format: string | undefined, labels: Record<string, string>): string | undefined {
  if (!format || format === '__auto') {
    return undefined;
  }
  return format.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

function seriesName(labels: Record<string, string>): string {
  const { __name__: name, ...rest } = labels;
  const inner = Object.entries(rest)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `${name ?? ''}{${inner}}`;
}

function seriesFrame(series: PromSeries, points: Array<[number, string]>, options: FrameOptions): DataFrame {
  const legend = renderLegend(options.legendFormat, series.metric);
  const { __name__: _ignored, ...labels } = series.metric;
  return createDataFrame({
    refId: options.refId,
    name: legend ?? seriesName(series.metric),
    meta: { executedQueryString: `Expr: ${options.expr}` },
    fields: [
      {
        name: 'Time',
        type: FieldType.time,
        values: points.map(([t]) => Math.round(t * 1000)),
        // The time series panel sizes bars and breaks lines at gaps by it: without it a one-point bar is not drawn.
        config: { interval: options.stepMs },
      },
      {
        name: 'Value',
        type: FieldType.number,
        values: points.map(([, v]) => sampleValue(v)),
        labels,
        config: legend !== undefined ? { displayNameFromDS: legend } : {},
      },
    ],
  });
}

/** An instant vector as one table: a column per label, then the value (Grafana names it `Value #<refId>`). */
function tableFrame(result: PromSeries[], options: FrameOptions): DataFrame {
  const labelNames = [...new Set(result.flatMap((s) => Object.keys(s.metric)))].filter((n) => n !== '__name__').sort();
  return createDataFrame({
    refId: options.refId,
    meta: { executedQueryString: `Expr: ${options.expr}` },
    fields: [
      { name: 'Time', type: FieldType.time, values: result.map((s) => Math.round((s.value?.[0] ?? 0) * 1000)) },
      ...labelNames.map((name) => ({ name, type: FieldType.string, values: result.map((s) => s.metric[name] ?? '') })),
      {
        name: `Value #${options.refId}`,
        type: FieldType.number,
        values: result.map((s) => sampleValue(s.value?.[1] ?? 'NaN')),
      },
    ],
  });
}

/** Prometheus HTTP API `data` → Grafana data frames, one per series (or one table for `format: table`). */
export function promDataToFrames(data: PromData, options: FrameOptions): DataFrame[] {
  switch (data.resultType) {
    case 'matrix':
      return data.result.map((s) => seriesFrame(s, s.values ?? [], options));
    case 'vector':
      if (options.format === 'table') {
        return [tableFrame(data.result, options)];
      }
      return data.result.map((s) => seriesFrame(s, s.value ? [s.value] : [], options));
    case 'scalar':
    case 'string':
      return [seriesFrame({ metric: {} }, [data.result], options)];
  }
}
