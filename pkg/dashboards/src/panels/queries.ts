import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PROMETHEUS } from '../datasource';

export interface QuerySpec {
  refId: string;
  expr: string;
  /** Legend, e.g. `{{provider}}`. */
  legend?: string;
}

/** A query evaluated once, at the end of the time range (stat, table and bar gauge panels). */
export function instantQuery(spec: QuerySpec, format: PromQueryFormat = PromQueryFormat.TimeSeries): DataqueryBuilder {
  const query = new DataqueryBuilder()
    .datasource(PROMETHEUS)
    .refId(spec.refId)
    .expr(spec.expr)
    .instant()
    .format(format);
  return spec.legend ? query.legendFormat(spec.legend) : query;
}

/** A query evaluated over the time range, one point per step (time series panels). */
export function rangeQuery(spec: QuerySpec): DataqueryBuilder {
  const query = new DataqueryBuilder().datasource(PROMETHEUS).refId(spec.refId).expr(spec.expr).range();
  return spec.legend ? query.legendFormat(spec.legend) : query;
}

/** `{{label}}` legends. */
export function legendOf(...labels: string[]): string {
  return labels.map((label) => `{{${label}}}`).join(' / ');
}
