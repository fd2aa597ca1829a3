import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { Badge, Checkbox, TextLink, useStyles2 } from '@grafana/ui';
import {
  CALIBRATION_QUANTITY,
  type CalibrationQuantity,
  PROVIDERS_PARAM,
  parseProvidersCompareParam,
  providersCompareParam,
} from '@hybridlens/conventions';
import { t } from '../../i18n';
import { linkFromScene } from '../../app/links';
import { testIds } from '../../ui/testIds';
import { formatAge, formatQuantity } from '../providerDetail/calibrationFormat';
import { type ProviderRow, buildProviderRows } from './providerRows';

interface ProvidersTableState extends SceneObjectState {
  compare: Array<{ provider: string; backend: string }>;
}

const sameBackend = (a: { provider: string; backend: string }, b: { provider: string; backend: string }) =>
  a.provider === b.provider && a.backend === b.backend;

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto', marginBottom: theme.spacing(3) }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    'td.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
});

const num = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const pct = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(1)} %`;

const seconds = (value: number | undefined) => (value === undefined ? '—' : `${num(value, 2)} s`);
const usd = (value: number | undefined) => (value === undefined ? '—' : `$${num(value, 2)}`);

const CALIBRATION_COLUMNS: CalibrationQuantity[] = Object.values(CALIBRATION_QUANTITY);

function withUncertainty(row: ProviderRow, q: CalibrationQuantity): string {
  const value = formatQuantity(q, row.medians[q]);
  const stderr = row.uncertainty[q];
  return stderr === undefined ? value : `${value} ± ${formatQuantity(q, stderr)}`;
}

function quantityHeader(q: CalibrationQuantity): string {
  return t('providers.table.median', 'Median {{quantity}}', { quantity: q });
}

/**
 * Every provider and backend of the range: jobs, errors by type, availability, queue, enqueue latency, rate-limit
 * headroom, shots, spend, and calibration medians with their age against the provider's cadence. Ticked backends
 * are compared side by side below (`compare` in the URL).
 */
export class ProvidersTable extends SceneObjectBase<ProvidersTableState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [PROVIDERS_PARAM.compare] });

  getUrlState(): SceneObjectUrlValues {
    return {
      [PROVIDERS_PARAM.compare]: this.state.compare.length > 0 ? providersCompareParam(this.state.compare) : undefined,
    };
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const raw = values[PROVIDERS_PARAM.compare];
    const compare = typeof raw === 'string' ? parseProvidersCompareParam(raw) : [];
    if (providersCompareParam(compare) !== providersCompareParam(this.state.compare)) {
      this.setState({ compare });
    }
  }

  toggle(backend: { provider: string; backend: string }) {
    const { compare } = this.state;
    this.setState({
      compare: compare.some((c) => sameBackend(c, backend))
        ? compare.filter((c) => !sameBackend(c, backend))
        : [...compare, { provider: backend.provider, backend: backend.backend }],
    });
  }

  static Component = ProvidersTableRenderer;
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

function ProvidersTableRenderer({ model }: SceneComponentProps<ProvidersTable>) {
  const { compare } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const { value: range } = sceneGraph.getTimeRange(model).useState();
  const styles = useStyles2(getStyles);
  const at = range.to.unix();
  const rows = useMemo(() => buildProviderRows(data?.series ?? [], at), [data?.series, at]);
  const compared = compare.map((c) => ({ ...c, row: rows.find((r) => sameBackend(r, c)) }));
  const backendLink = (r: ProviderRow) =>
    linkFromScene(model, { page: 'providerDetail', params: { provider: r.provider, backend: r.backend } });

  return (
    <div>
      <div className={styles.scroll}>
        {/* data-at / data-rows: the instant and the rows shown, for tests to wait on (not on time). */}
        <table className={styles.table} data-testid={testIds.providers.table} data-at={at} data-rows={rows.length}>
          <thead>
            <tr>
              <th>{t('providers.table.compare', 'Compare')}</th>
              <th>{t('providers.table.backend', 'Provider / backend')}</th>
              <th>{t('providers.table.availability', 'Availability')}</th>
              <th>{t('providers.table.jobs', 'Jobs')}</th>
              <th>{t('providers.table.error-rate', 'Failed')}</th>
              <th>{t('providers.table.errors', 'Errors by type')}</th>
              <th>{t('providers.table.queue', 'Queue / backlog')}</th>
              <th>{t('providers.table.enqueue', 'Enqueue p95')}</th>
              <th>{t('providers.table.headroom', 'Rate-limit headroom (429s)')}</th>
              <th>{t('providers.table.shots', 'Shots')}</th>
              <th>{t('providers.table.spend', 'Spend')}</th>
              {CALIBRATION_COLUMNS.map((q) => (
                <th key={q}>{quantityHeader(q)}</th>
              ))}
              <th>{t('providers.table.age', 'Calibration age / cadence')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const checked = compare.some((c) => sameBackend(c, r));
              return (
                <tr key={`${r.provider}/${r.backend}`} data-testid={testIds.providers.row}>
                  <td>
                    <Checkbox
                      value={checked}
                      aria-label={t('providers.table.compare-aria', 'Compare {{provider}}/{{backend}}', {
                        provider: r.provider,
                        backend: r.backend,
                      })}
                      onChange={() => model.toggle(r)}
                    />
                  </td>
                  <td>
                    <TextLink href={backendLink(r)} inline={false}>
                      {`${r.provider} / ${r.backend}`}
                    </TextLink>{' '}
                    {/* Beside the name, not in the last column: the wide table scrolls it out of view at 1440 px. */}
                    {r.stale && (
                      <span data-testid={testIds.providers.staleBadge}>
                        <Badge color="orange" text={t('providers.table.stale', 'stale')} />
                      </span>
                    )}
                  </td>
                  <td className="number">{pct(r.availability)}</td>
                  <td className="number">{num(r.jobs)}</td>
                  <td className="number">{pct(r.errorRate)}</td>
                  <td>{r.errorsByType.map((e) => `${e.type} ${num(e.count)}`).join(', ') || '—'}</td>
                  <td className="number">{`${num(r.queueLength)} / ${formatAge(r.queueBacklogSeconds)}`}</td>
                  <td className="number">{seconds(r.enqueueP95Seconds)}</td>
                  <td className="number">{`${num(r.rateLimitHeadroom)} (${num(r.rateLimited)})`}</td>
                  <td className="number">{num(r.shots)}</td>
                  <td className="number">{usd(r.spendUsd)}</td>
                  {CALIBRATION_COLUMNS.map((q) => (
                    <td key={q} className="number">
                      {withUncertainty(r, q)}
                    </td>
                  ))}
                  <td>
                    <CalibrationAge row={r} at={at} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('providers.compare.title', 'Side by side')}</h3>
      {compared.length === 0 ? (
        <p>
          {t(
            'providers.compare.none',
            'Tick backends in the table to compare them here (the choice is kept in the link).'
          )}
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid={testIds.providers.compare}>
            <thead>
              <tr>
                <th />
                {compared.map((c) => (
                  <th key={`${c.provider}/${c.backend}`}>{`${c.provider} / ${c.backend}`}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CALIBRATION_COLUMNS.map((q) => (
                <tr key={q}>
                  <th>{quantityHeader(q)}</th>
                  {compared.map((c) => (
                    <td key={`${c.provider}/${c.backend}`} className="number">
                      {c.row ? withUncertainty(c.row, q) : t('providers.compare.absent', 'not in this range')}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th>{t('providers.compare.methods', 'Measured by')}</th>
                {compared.map((c) => (
                  <td key={`${c.provider}/${c.backend}`}>
                    {c.row?.methods.map((m) => `${m.quantity}: ${m.method}`).join('; ') ||
                      t('providers.compare.no-method', 'not published')}
                  </td>
                ))}
              </tr>
              <tr>
                <th>{t('providers.table.error-rate', 'Failed')}</th>
                {compared.map((c) => (
                  <td key={`${c.provider}/${c.backend}`} className="number">
                    {pct(c.row?.errorRate)}
                  </td>
                ))}
              </tr>
              <tr>
                <th>{t('providers.compare.qubits', 'Qubits / layout')}</th>
                {compared.map((c) => (
                  <td key={`${c.provider}/${c.backend}`}>{`${num(c.row?.qubits)} / ${c.row?.layout ?? '—'}`}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
