import {
  type FieldDisplay,
  type GrafanaTheme2,
  type PanelProps,
  ReducerID,
  type ReduceDataOptions,
  getFieldDisplayValues,
} from '@grafana/data';

export interface SingleStatOptions {
  reduceOptions?: Partial<ReduceDataOptions>;
}

/** The values a stat / gauge / bar gauge shows, computed by @grafana/data as Grafana's own panels do. */
export function singleStatValues(
  props: PanelProps<SingleStatOptions>,
  theme: GrafanaTheme2,
  sparkline: boolean
): FieldDisplay[] {
  const reduceOptions: ReduceDataOptions = {
    calcs: [ReducerID.lastNotNull],
    values: false,
    ...props.options.reduceOptions,
  };
  return getFieldDisplayValues({
    data: props.data.series,
    reduceOptions,
    fieldConfig: props.fieldConfig,
    replaceVariables: props.replaceVariables,
    theme,
    timeZone: props.timeZone,
    sparkline,
  });
}

/** Split a panel into equal cells for several values (Grafana's VizRepeater does the same, more cleverly). */
export function cellSize(
  count: number,
  width: number,
  height: number,
  horizontal: boolean
): { width: number; height: number } {
  const n = Math.max(1, count);
  return horizontal ? { width: Math.floor(width / n), height } : { width, height: Math.floor(height / n) };
}
