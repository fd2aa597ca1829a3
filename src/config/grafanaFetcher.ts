import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import type { Fetcher } from './wiringChecks';

/** GET through Grafana's backend (datasource proxy), errors reduced to "HTTP <status> <message>". */
export const grafanaFetcher: Fetcher = async (path) => {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({ url: path, method: 'GET', showErrorAlert: false, showSuccessAlert: false })
    );
    return response.data;
  } catch (error) {
    const e = error as { status?: number; data?: { message?: string }; message?: string };
    throw new Error(`HTTP ${e.status ?? '?'} ${e.data?.message ?? e.message ?? 'request failed'}`.trim());
  }
};
