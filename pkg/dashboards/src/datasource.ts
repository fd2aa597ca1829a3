import { DATASOURCE_TYPE, DATASOURCE_UID, VARIABLE } from '@hybridlens/conventions';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/**
 * Panels read Prometheus through the dashboard's datasource variable, so a user whose Prometheus has another
 * uid picks it once at the top; the variable defaults to the provisioned datasource of the contract.
 */
export const PROMETHEUS_VARIABLE = VARIABLE.prometheus;

export const PROMETHEUS: DataSourceRef = { type: DATASOURCE_TYPE.prometheus, uid: `\${${PROMETHEUS_VARIABLE}}` };

/** The provisioned Prometheus, as the variable's default. */
export const PROVISIONED_PROMETHEUS = { type: DATASOURCE_TYPE.prometheus, uid: DATASOURCE_UID.prometheus } as const;
