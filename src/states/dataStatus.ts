import { type DataFrame, LoadingState, type PanelData } from '@grafana/data';

/** Where a query's answer stands, as every page shows it. */
export type DataStatus =
  | { kind: 'loading' }
  | { kind: 'error'; messages: string[] }
  | { kind: 'empty' }
  | { kind: 'ready'; series: DataFrame[] };

/**
 * The status of a data provider's answer. A refresh keeps showing the previous answer instead of flashing
 * "loading"; an error wins over data (partial data next to an error would hide that something is missing).
 */
export function dataStatus(
  data: PanelData | undefined,
  isEmpty: (series: DataFrame[]) => boolean = (series) => series.length === 0
): DataStatus {
  if (!data || data.state === LoadingState.NotStarted) {
    return { kind: 'loading' };
  }
  const errors = data.errors ?? [];
  if (errors.length > 0 || data.state === LoadingState.Error) {
    const messages = errors.map((e) => e.message ?? '').filter((m) => m !== '');
    return { kind: 'error', messages };
  }
  if (data.state === LoadingState.Loading && data.series.length === 0) {
    return { kind: 'loading' };
  }
  return isEmpty(data.series) ? { kind: 'empty' } : { kind: 'ready', series: data.series };
}
