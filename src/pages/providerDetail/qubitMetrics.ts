import { QUBIT_MAP_METRIC, type QubitMapMetric } from '@hybridlens/conventions';

/** The per-qubit quantities of the map, the tables and the CSV, in display order. */
export const QUBIT_METRICS: readonly QubitMapMetric[] = Object.values(QUBIT_MAP_METRIC);
