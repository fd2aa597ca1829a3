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
import { Badge, Checkbox, Field, RadioButtonGroup, TextLink, useStyles2 } from '@grafana/ui';
import {
  PROVIDERS_PARAM,
  type ProvidersColumnGroup,
  parseProvidersCompareParam,
  providersCompareParam,
} from '@hybridlens/conventions';
import { t } from '../../i18n';
import { linkFromScene } from '../../app/links';
import { backendDisplayName } from '../../ui/providerNames';
import { testIds } from '../../ui/testIds';
import { layoutLabel, methodsText } from '../providerDetail/quantityLabels';
import { COLUMN_GROUPS, DEFAULT_COLUMN_GROUP, columnGroupLabel, parseColumnGroup } from './columnGroups';
import { type ProviderRow, buildProviderRows } from './providerRows';
import { COMPARE_ONLY, PROVIDER_COLUMNS, columnsOf, num } from './providerColumns';

interface ProvidersTableState extends SceneObjectState {
  compare: Array<{ provider: string; backend: string }>;
  /** The column group on screen (`columns` in the URL); the overview when absent. */
  columns?: ProvidersColumnGroup;
}

const sameBackend = (a: { provider: string; backend: string }, b: { provider: string; backend: string }) =>
  a.provider === b.provider && a.backend === b.backend;

const getStyles = (theme: GrafanaTheme2) => ({
  // Kept for narrow screens (1024 px); at 1440 px every column group fits without it (browser-tested).
  scroll: css({ overflowX: 'auto', marginBottom: theme.spacing(3) }),
  wrap: css({ whiteSpace: 'normal !important' as 'normal', minWidth: 160 }),
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
    'td.number, th.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
});

/**
 * Every provider and backend of the range: jobs, errors by type, availability, queue, enqueue latency, rate-limit
 * headroom, shots, spend, and calibration medians with their age against the provider's cadence. Ticked backends
 * are compared side by side below (`compare` in the URL).
 */
export class ProvidersTable extends SceneObjectBase<ProvidersTableState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [PROVIDERS_PARAM.compare, PROVIDERS_PARAM.columns] });

  getUrlState(): SceneObjectUrlValues {
    const columns = this.state.columns ?? DEFAULT_COLUMN_GROUP;
    return {
      [PROVIDERS_PARAM.compare]: this.state.compare.length > 0 ? providersCompareParam(this.state.compare) : undefined,
      [PROVIDERS_PARAM.columns]: columns === DEFAULT_COLUMN_GROUP ? undefined : columns,
    };
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const raw = values[PROVIDERS_PARAM.compare];
    const compare = typeof raw === 'string' ? parseProvidersCompareParam(raw) : [];
    const columns = parseColumnGroup(values[PROVIDERS_PARAM.columns]);
    if (
      providersCompareParam(compare) !== providersCompareParam(this.state.compare) ||
      columns !== (this.state.columns ?? DEFAULT_COLUMN_GROUP)
    ) {
      this.setState({ compare, columns });
    }
  }

  showColumns(columns: ProvidersColumnGroup) {
    this.setState({ columns });
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

function ProvidersTableRenderer({ model }: SceneComponentProps<ProvidersTable>) {
  const { compare, columns: group = DEFAULT_COLUMN_GROUP } = model.useState();
  const columns = columnsOf(group);
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
      <Field label={t('providers.columns.label', 'Columns')}>
        <div data-testid={testIds.providers.columns}>
          <RadioButtonGroup
            options={COLUMN_GROUPS.map((g) => ({ label: columnGroupLabel(g), value: g }))}
            value={group}
            onChange={(g) => model.showColumns(g)}
          />
        </div>
      </Field>
      <div className={styles.scroll} data-testid={testIds.providers.tableScroll}>
        {/* data-at / data-rows: the instant and the rows shown, for tests to wait on (not on time). */}
        <table
          className={styles.table}
          data-testid={testIds.providers.table}
          data-at={at}
          data-rows={rows.length}
          data-columns={group}
        >
          <thead>
            <tr>
              <th>{t('providers.table.compare', 'Compare')}</th>
              <th>{t('providers.table.backend', 'Provider / backend')}</th>
              {columns.map((c) => (
                <th key={c.id} className={c.numeric ? 'number' : undefined}>
                  {c.header()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const checked = compare.some((c) => sameBackend(c, r));
              return (
                <tr
                  key={`${r.provider}/${r.backend}`}
                  data-testid={testIds.providers.row}
                  data-provider={r.provider}
                  data-backend={r.backend}
                >
                  <td>
                    <Checkbox
                      value={checked}
                      aria-label={t('providers.table.compare-backend-aria', 'Compare {{backend}}', {
                        backend: backendDisplayName(r.provider, r.backend),
                      })}
                      onChange={() => model.toggle(r)}
                    />
                  </td>
                  <td>
                    <TextLink href={backendLink(r)} inline={false}>
                      {backendDisplayName(r.provider, r.backend)}
                    </TextLink>{' '}
                    {/* Beside the name, not in the last column: the wide table scrolls it out of view at 1440 px. */}
                    {r.stale && (
                      <span data-testid={testIds.providers.staleBadge}>
                        <Badge color="orange" text={t('providers.table.stale', 'stale')} />
                      </span>
                    )}
                  </td>
                  {columns.map((c) => (
                    <td key={c.id} className={c.numeric ? 'number' : c.wraps ? styles.wrap : undefined}>
                      {c.cell(r, at)}
                    </td>
                  ))}
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
                  <th key={`${c.provider}/${c.backend}`}>{backendDisplayName(c.provider, c.backend)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Every column of the table, whichever group it is shown in, then what only the comparison adds. */}
              {PROVIDER_COLUMNS.map((column) => (
                <tr key={column.id}>
                  <th>{column.header()}</th>
                  {compared.map((c) => (
                    <td
                      key={`${c.provider}/${c.backend}`}
                      className={column.numeric ? 'number' : styles.wrap}
                      data-testid={testIds.providers.compareCell}
                      data-column={column.id}
                      data-provider={c.provider}
                      data-backend={c.backend}
                    >
                      {c.row ? column.cell(c.row, at) : t('providers.compare.absent', 'not in this range')}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th>{t('providers.compare.methods', 'Measured by')}</th>
                {compared.map((c) => (
                  <td
                    key={`${c.provider}/${c.backend}`}
                    data-testid={testIds.providers.compareCell}
                    data-column={COMPARE_ONLY.methods}
                    data-provider={c.provider}
                    data-backend={c.backend}
                  >
                    {methodsText(c.row?.methods ?? []) || t('providers.compare.no-method', 'not published')}
                  </td>
                ))}
              </tr>
              <tr>
                <th>{t('providers.compare.qubits', 'Qubits / layout')}</th>
                {compared.map((c) => (
                  <td
                    key={`${c.provider}/${c.backend}`}
                    data-testid={testIds.providers.compareCell}
                    data-column={COMPARE_ONLY.qubits}
                    data-provider={c.provider}
                    data-backend={c.backend}
                  >{`${num(c.row?.qubits)} / ${layoutLabel(c.row?.layout)}`}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
