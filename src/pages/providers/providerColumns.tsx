import React, { type ReactNode } from 'react';
import {
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
  PROVIDERS_COLUMN_GROUP,
  type ProvidersColumnGroup,
} from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { formatAge, formatQuantity } from '../providerDetail/calibrationFormat';
import { quantityInPhrase } from '../providerDetail/quantityLabels';
import type { ProviderRow } from './providerRows';

const G = PROVIDERS_COLUMN_GROUP;

/** One column of the Providers table and the column groups that show it. */
export interface ProviderColumn {
  id: string;
  header: () => string;
  cell: (row: ProviderRow, at: number) => ReactNode;
  groups: readonly ProvidersColumnGroup[];
  numeric?: boolean;
  /** A list that may wrap (errors by type) instead of widening the table. */
  wraps?: boolean;
}

export const num = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
export const pct = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(1)} %`;
export const seconds = (value: number | undefined) => (value === undefined ? '—' : `${num(value, 2)} s`);
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const usd = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '—' : USD.format(value);

export function quantityHeader(q: CalibrationQuantity): string {
  return t('providers.table.median', 'Median {{quantity}}', { quantity: quantityInPhrase(q) });
}

export function withUncertainty(row: ProviderRow, q: CalibrationQuantity): string {
  const value = formatQuantity(q, row.medians[q]);
  const stderr = row.uncertainty[q];
  return stderr === undefined ? value : `${value} ± ${formatQuantity(q, stderr)}`;
}

/**
 * Each error type's share of the jobs finished in the range ("queue_timeout 2.0 %"), most frequent first; a type
 * seen without any finished job in the range has no rate and shows its count.
 */
export function errorRatesText(row: Pick<ProviderRow, 'errorsByType'>): string {
  return (
    row.errorsByType
      .map((e) =>
        e.rate === undefined
          ? t('providers.table.errors-without-jobs', '{{type}}: {{errors}} errors, no jobs', {
              type: e.type,
              errors: num(e.count),
            })
          : `${e.type} ${pct(e.rate)}`
      )
      .join(', ') || '—'
  );
}

function CalibrationAge({ row, at }: { row: ProviderRow; at: number }) {
  if (row.calibratedAt === undefined) {
    return <>—</>;
  }
  return (
    <span data-testid={testIds.providers.age}>
      {formatAge(at - row.calibratedAt)}
      {row.cadenceSeconds !== undefined && ` / ${formatAge(row.cadenceSeconds)}`}
    </span>
  );
}

const medianColumn = (q: CalibrationQuantity, groups: readonly ProvidersColumnGroup[]): ProviderColumn => ({
  id: `median-${q}`,
  header: () => quantityHeader(q),
  cell: (r) => withUncertainty(r, q),
  groups,
  numeric: true,
});

/**
 * Every column, in table order. The overview holds the key figure of each group (availability, failures, queue,
 * enqueue latency, spend, median 2q error, calibration age) so every backend fits one 1440 px screen; each other
 * group shows its own figures in full. The backend page and the side-by-side table show the rest.
 */
export const PROVIDER_COLUMNS: readonly ProviderColumn[] = [
  {
    id: 'availability',
    header: () => t('providers.table.availability', 'Availability'),
    cell: (r) => pct(r.availability),
    groups: [G.overview, G.operations],
    numeric: true,
  },
  {
    id: 'jobs',
    header: () => t('providers.table.jobs', 'Jobs'),
    cell: (r) => num(r.jobs),
    groups: [G.overview, G.operations, G.cost],
    numeric: true,
  },
  {
    id: 'failed',
    header: () => t('providers.table.error-rate', 'Failed'),
    cell: (r) => pct(r.errorRate),
    groups: [G.overview, G.operations],
    numeric: true,
  },
  {
    id: 'errors',
    header: () => t('providers.table.error-rates', 'Error rate by type (% of jobs)'),
    cell: (r) => errorRatesText(r),
    groups: [G.operations],
    wraps: true,
  },
  {
    id: 'queue',
    header: () => t('providers.table.queue', 'Queue / backlog'),
    cell: (r) => `${num(r.queueLength)} / ${formatAge(r.queueBacklogSeconds)}`,
    groups: [G.overview, G.operations],
    numeric: true,
  },
  {
    id: 'enqueue',
    header: () => t('providers.table.enqueue', 'Enqueue p95'),
    cell: (r) => seconds(r.enqueueP95Seconds),
    groups: [G.overview, G.operations],
    numeric: true,
  },
  {
    id: 'headroom',
    header: () => t('providers.table.headroom', 'Rate-limit headroom (429s)'),
    cell: (r) => `${num(r.rateLimitHeadroom)} (${num(r.rateLimited)})`,
    groups: [G.operations],
    numeric: true,
  },
  {
    id: 'shots',
    header: () => t('providers.table.shots', 'Shots'),
    cell: (r) => num(r.shots),
    groups: [G.cost],
    numeric: true,
  },
  {
    id: 'spend',
    header: () => t('providers.table.spend', 'Spend'),
    cell: (r) => usd(r.spendUsd),
    groups: [G.overview, G.cost],
    numeric: true,
  },
  {
    id: 'spend-per-job',
    header: () => t('providers.table.spend-per-job', 'Spend per job'),
    cell: (r) => usd(r.spendUsd !== undefined && r.jobs ? r.spendUsd / r.jobs : undefined),
    groups: [G.cost],
    numeric: true,
  },
  medianColumn(CALIBRATION_QUANTITY.t1, [G.calibration]),
  medianColumn(CALIBRATION_QUANTITY.t2, [G.calibration]),
  medianColumn(CALIBRATION_QUANTITY.readoutError, [G.calibration]),
  medianColumn(CALIBRATION_QUANTITY.oneQubitError, [G.calibration]),
  medianColumn(CALIBRATION_QUANTITY.twoQubitError, [G.overview, G.calibration]),
  {
    id: 'age',
    header: () => t('providers.table.age', 'Calibration age / cadence'),
    cell: (r, at) => <CalibrationAge row={r} at={at} />,
    groups: [G.overview, G.calibration],
  },
];

/** Rows only the side-by-side table has, by the `data-column` its cells carry. */
export const COMPARE_ONLY = { methods: 'methods', qubits: 'qubits-layout' } as const;

export function columnsOf(group: ProvidersColumnGroup): ProviderColumn[] {
  return PROVIDER_COLUMNS.filter((c) => c.groups.includes(group));
}
