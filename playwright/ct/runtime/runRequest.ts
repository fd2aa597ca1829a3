import {
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  LoadingState,
  type PanelData,
} from '@grafana/data';
import { toDataQueryError } from '@grafana/runtime';
import { type Observable, catchError, from, map, of, startWith } from 'rxjs';

/** Grafana's runRequest, reduced to what a page needs: loading → data (or errors) from the datasource. */
export function runRequestStandIn(datasource: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const loading: PanelData = { state: LoadingState.Loading, series: [], timeRange: request.range, request };
  const response = datasource.query(request) as Promise<DataQueryResponse> | Observable<DataQueryResponse>;
  return from(response).pipe(
    map((res): PanelData => {
      const errors = res.errors ?? (res.error ? [res.error] : undefined);
      return {
        state: errors?.length ? LoadingState.Error : (res.state ?? LoadingState.Done),
        series: res.data,
        errors,
        timeRange: request.range,
        request,
      };
    }),
    catchError((error: unknown) =>
      of<PanelData>({
        state: LoadingState.Error,
        series: [],
        errors: [toDataQueryError(error)],
        timeRange: request.range,
        request,
      })
    ),
    startWith(loading)
  );
}
