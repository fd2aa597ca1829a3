import React, { useMemo, useState } from 'react';
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
import { Badge, Button, Field, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import {
  CALIBRATION_QUANTITY,
  PROVIDER_DETAIL_PARAM,
  QUBIT_MAP_METRIC,
  type QubitMapMetric,
  jobQubitsParam,
  parseJobQubitsParam,
} from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { vendorDisplayName } from '../../ui/providerNames';
import { QubitMap } from '../../components/qubitMap/QubitMap';
import { type ChainCandidate, bestChain, bestPairs, compareUsedQubits } from './bestQubits';
import { formatAge, formatQuantity, isoTime, measuredTimeText } from './calibrationFormat';
import { qubitValueState, qubitValueText } from './qubitValueState';
import { layoutLabel, methodsText, quantityInPhrase, quantityLabel } from './quantityLabels';
import { Distribution } from './Distribution';
import { DroppedValues } from './DroppedValues';
import { DEFAULT_DRIFT_FACTOR, flagsOf, parseDriftFactor } from './flags';
import { qubitFlagText } from './flagText';
import { couplerTableCsv, qubitTableCsv } from './qubitCsv';
import {
  type BackendSnapshot,
  QUBIT_METRICS,
  STALE_FACTOR,
  buildSnapshot,
  calibrationAge,
  isListLayout,
  isStale,
} from './snapshot';

export const DEFAULT_CHAIN_LENGTH = 5;
const MAX_CHAIN_LENGTH = 40;
const BEST_PAIRS = 5;

interface BackendCalibrationState extends SceneObjectState {
  provider: string;
  backend: string;
  metric: QubitMapMetric;
  chainLength: number;
  driftFactor: number;
  jobQubits: string[];
  qubit?: string;
}

const P = PROVIDER_DETAIL_PARAM;

export function parseQubitMetric(raw: unknown): QubitMapMetric {
  return QUBIT_METRICS.find((m) => m === raw) ?? QUBIT_MAP_METRIC.t1;
}

export function parseChainLength(raw: unknown): number {
  const value = typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= 2 && value <= MAX_CHAIN_LENGTH ? value : DEFAULT_CHAIN_LENGTH;
}

/**
 * The calibration of one backend at the end of the time range: facts and staleness, medians and their drift,
 * the qubit map, what is called out, the best qubits now, and the per-qubit table (CSV). Its own state (picked
 * metric, chain length, drift factor, a job's qubits, the pinned qubit) lives in the URL.
 */
export class BackendCalibration extends SceneObjectBase<BackendCalibrationState> {
  protected _urlSync = new SceneObjectUrlSyncConfig(this, {
    keys: [P.qubitMetric, P.chainLength, P.driftFactor, P.jobQubits, P.qubit],
  });

  getUrlState(): SceneObjectUrlValues {
    const s = this.state;
    return {
      [P.qubitMetric]: s.metric === QUBIT_MAP_METRIC.t1 ? undefined : s.metric,
      [P.chainLength]: s.chainLength === DEFAULT_CHAIN_LENGTH ? undefined : String(s.chainLength),
      [P.driftFactor]: s.driftFactor === DEFAULT_DRIFT_FACTOR ? undefined : String(s.driftFactor),
      [P.jobQubits]: s.jobQubits.length > 0 ? jobQubitsParam(s.jobQubits) : undefined,
      [P.qubit]: s.qubit,
    };
  }

  updateFromUrl(values: SceneObjectUrlValues): void {
    const jobRaw = values[P.jobQubits];
    const qubitRaw = values[P.qubit];
    const next = {
      metric: parseQubitMetric(values[P.qubitMetric]),
      chainLength: parseChainLength(values[P.chainLength]),
      driftFactor: parseDriftFactor(values[P.driftFactor]),
      jobQubits: typeof jobRaw === 'string' ? parseJobQubitsParam(jobRaw) : [],
      qubit: typeof qubitRaw === 'string' && qubitRaw !== '' ? qubitRaw : undefined,
    };
    const s = this.state;
    if (
      next.metric !== s.metric ||
      next.chainLength !== s.chainLength ||
      next.driftFactor !== s.driftFactor ||
      next.qubit !== s.qubit ||
      jobQubitsParam(next.jobQubits) !== jobQubitsParam(s.jobQubits)
    ) {
      this.setState(next);
    }
  }

  static Component = BackendCalibrationRenderer;
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(3) }),
  facts: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1, 3), marginBottom: theme.spacing(2) }),
  // A long value (Google's calibration version is a sha256) wraps inside the page instead of running off it.
  fact: css({ display: 'flex', flexDirection: 'column', minWidth: 120, maxWidth: '100%', overflowWrap: 'anywhere' }),
  factLabel: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  mapRow: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-start' }),
  mapBox: css({ flex: '3 1 480px', minWidth: 0 }),
  side: css({ flex: '1 1 260px', minWidth: 0 }),
  details: css({
    flex: '1 1 260px',
    border: `1px solid ${theme.colors.border.weak}`,
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.radius.default,
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    'td.number, th.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
  scroll: css({ maxHeight: 420, overflow: 'auto' }),
  row: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' }),
});

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.fact} data-testid={testId}>
      <span className={styles.factLabel}>{label}</span>
      <span>{value}</span>
    </div>
  );
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

function chainText(chain: ChainCandidate): string {
  return t('provider-detail.best.chain-text', '{{qubits}} — estimated success {{fidelity}}, worst part {{worst}}', {
    qubits: chain.qubits.join(' – '),
    fidelity: `${(chain.fidelity * 100).toFixed(1)} %`,
    worst: formatQuantity(CALIBRATION_QUANTITY.oneQubitError, chain.worstError),
  });
}

function Header({ snapshot, at }: { snapshot: BackendSnapshot; at: number }) {
  const styles = useStyles2(getStyles);
  const stale = isStale(snapshot, at);
  const d = snapshot.device;
  return (
    <div className={styles.facts} data-testid={testIds.providerDetail.facts}>
      <Fact
        label={t('provider-detail.facts.calibrated-at', 'Calibrated at')}
        value={isoTime(snapshot.calibratedAt) || t('provider-detail.facts.no-time', 'the source gives no time')}
      />
      <Fact
        testId={testIds.providerDetail.age}
        label={t('provider-detail.facts.age', 'Age at the end of the range')}
        value={
          <span className={styles.row}>
            {formatAge(calibrationAge(snapshot, at))}
            {stale === true && (
              <span data-testid={testIds.providerDetail.staleBadge}>
                <Badge
                  color="orange"
                  text={t('provider-detail.facts.stale', 'stale: older than {{factor}}× the usual {{interval}}', {
                    factor: STALE_FACTOR,
                    interval: formatAge(snapshot.expectedIntervalSeconds),
                  })}
                />
              </span>
            )}
          </span>
        }
      />
      <Fact
        label={t('provider-detail.facts.cadence', 'Usual cadence')}
        value={formatAge(snapshot.expectedIntervalSeconds)}
      />
      {snapshot.lastGoodAgeSeconds !== undefined && snapshot.lastGoodAgeSeconds > 0 && (
        <Fact
          label={t('provider-detail.facts.last-good', 'Exporter failing to read for')}
          value={formatAge(snapshot.lastGoodAgeSeconds)}
        />
      )}
      <Fact
        label={t('provider-detail.facts.qubits', 'Qubits')}
        value={String(snapshot.qubitCount ?? snapshot.qubits.length)}
      />
      <Fact label={t('provider-detail.facts.layout', 'Layout')} value={layoutLabel(d.layout)} />
      <Fact label={t('provider-detail.facts.vendor', 'Vendor')} value={d.vendor ? vendorDisplayName(d.vendor) : '—'} />
      <Fact
        label={t('provider-detail.facts.gates', 'Native gates')}
        value={[d.native1qGate, d.native2qGate].filter(Boolean).join(', ') || '—'}
      />
      <Fact label={t('provider-detail.facts.qpu-version', 'QPU version')} value={d.backendVersion ?? '—'} />
      <Fact
        label={t('provider-detail.facts.calibration-version', 'Calibration version')}
        value={d.calibrationVersion ?? '—'}
      />
      {snapshot.methods.length > 0 && (
        <Fact label={t('provider-detail.facts.methods', 'Measured by')} value={methodsText(snapshot.methods)} />
      )}
    </div>
  );
}

function Medians({ snapshot, factor }: { snapshot: BackendSnapshot; factor: number }) {
  const styles = useStyles2(getStyles);
  const quantities = Object.values(CALIBRATION_QUANTITY);
  return (
    <div className={styles.facts} data-testid={testIds.providerDetail.medians}>
      {quantities.map((q) => {
        const drift = snapshot.medianDrift[q];
        const drifted = drift !== undefined && (drift > factor || drift < 1 / factor);
        return (
          <Fact
            key={q}
            label={t('provider-detail.medians.label', 'Median {{metric}}', { metric: quantityInPhrase(q) })}
            value={
              <span className={styles.row}>
                {formatQuantity(q, snapshot.medians[q])}
                {drift !== undefined && (
                  <Badge
                    color={drifted ? 'red' : 'blue'}
                    text={t('provider-detail.medians.drift', '{{ratio}}× its 7-day median', {
                      ratio: drift.toFixed(2),
                    })}
                  />
                )}
              </span>
            }
          />
        );
      })}
    </div>
  );
}

function QubitDetails({ snapshot, id }: { snapshot: BackendSnapshot; id?: string }) {
  const styles = useStyles2(getStyles);
  const q = snapshot.qubits.find((x) => x.id === id);
  if (!q) {
    return (
      <div className={styles.details} data-testid={testIds.providerDetail.details}>
        {t('provider-detail.details.none', 'Hover, click or focus a qubit (Tab, then arrow keys) to see its values.')}
      </div>
    );
  }
  const couplers = snapshot.couplers.filter((c) => c.qubits.includes(q.id));
  return (
    <div className={styles.details} data-testid={testIds.providerDetail.details} aria-live="polite">
      <strong>{t('provider-detail.details.title', 'Qubit {{qubit}}', { qubit: q.id })}</strong>
      <table className={styles.table}>
        <tbody>
          {QUBIT_METRICS.map((m) => (
            <tr key={m}>
              <th>{quantityLabel(m)}</th>
              <td className="number">
                {qubitValueText(q, m)}
                {q.stderr[m] !== undefined && ` ± ${formatQuantity(m, q.stderr[m])}`}
              </td>
              <td>{measuredTimeText(q.measuredAt[m], snapshot.calibratedAt)}</td>
              <td>{q.drift[m] !== undefined ? `${q.drift[m]!.toFixed(2)}×` : ''}</td>
            </tr>
          ))}
          {couplers.map((c) => (
            <tr key={c.label}>
              <th>{`${c.gate} ${c.label}`}</th>
              <td className="number">
                {c.uncalibrated
                  ? t('provider-detail.map.uncalibrated', 'uncalibrated')
                  : formatQuantity(CALIBRATION_QUANTITY.twoQubitError, c.error)}
              </td>
              <td>{measuredTimeText(c.measuredAt, snapshot.calibratedAt)}</td>
              <td>{c.drift !== undefined ? `${c.drift.toFixed(2)}×` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BackendCalibrationRenderer({ model }: SceneComponentProps<BackendCalibration>) {
  const state = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const { value: range } = sceneGraph.getTimeRange(model).useState();
  const styles = useStyles2(getStyles);
  const [hovered, setHovered] = useState<string | undefined>();
  const [chainInput, setChainInput] = useState(String(state.chainLength));
  const snapshot = useMemo(() => buildSnapshot(data?.series ?? []), [data?.series]);
  const at = range.to.unix();
  const flags = useMemo(() => flagsOf(snapshot, state.driftFactor), [snapshot, state.driftFactor]);
  const chain = useMemo(() => bestChain(snapshot, state.chainLength), [snapshot, state.chainLength]);
  const pairs = useMemo(() => bestPairs(snapshot, BEST_PAIRS), [snapshot]);
  const used = useMemo(
    () => (state.jobQubits.length > 0 ? compareUsedQubits(snapshot, state.jobQubits) : undefined),
    [snapshot, state.jobQubits]
  );
  const highlighted = useMemo(
    () => new Set(state.jobQubits.length > 0 ? state.jobQubits : (chain?.qubits ?? [])),
    [state.jobQubits, chain]
  );
  const callouts = useMemo(
    () => new Map(flags.qubits.map((f) => [f.id, { drifted: f.drifted.length > 0, text: qubitFlagText(f) }])),
    [flags]
  );
  const asList = isListLayout(snapshot.device.layout) || snapshot.couplers.length === 0;
  const fileBase = `${state.provider}-${state.backend}-${isoTime(at)}`;

  const applyChain = () => {
    const n = parseChainLength(chainInput);
    setChainInput(String(n));
    model.setState({ chainLength: n });
  };

  return (
    // data-at / data-qubits: the instant and size of the snapshot shown, for tests to wait on (not on time).
    <div data-testid={testIds.providerDetail.container} data-at={at} data-qubits={snapshot.qubits.length}>
      <Header snapshot={snapshot} at={at} />
      <Medians snapshot={snapshot} factor={state.driftFactor} />

      <section className={styles.section}>
        <h3>{t('provider-detail.map.title', 'Qubit map')}</h3>
        <RadioButtonGroup
          aria-label={t('provider-detail.map.metric', 'Colour qubits by')}
          options={QUBIT_METRICS.map((m) => ({ label: quantityLabel(m), value: m }))}
          value={state.metric}
          onChange={(metric) => model.setState({ metric })}
        />
        {asList && (
          <p>
            {t(
              'provider-detail.map.as-list',
              'Every pair of qubits is coupled (or the source gives no coupling map): qubits are shown as a list, without couplers.'
            )}
          </p>
        )}
        <div className={styles.mapRow}>
          <div className={styles.mapBox}>
            <QubitMap
              qubits={snapshot.qubits}
              couplers={snapshot.couplers}
              metric={state.metric}
              asList={asList}
              selected={state.qubit}
              onSelect={(qubit) => model.setState({ qubit })}
              onHover={setHovered}
              highlighted={highlighted}
              callouts={callouts}
              calibratedAt={snapshot.calibratedAt}
            />
          </div>
          <div className={styles.side}>
            <QubitDetails snapshot={snapshot} id={hovered ?? state.qubit} />
            <Distribution
              title={t('provider-detail.distribution.qubits', '{{metric}} over qubits', {
                metric: quantityLabel(state.metric),
              })}
              quantity={state.metric}
              values={snapshot.qubits.map((q) => q.values[state.metric])}
            />
            {!asList && (
              <Distribution
                title={t('provider-detail.distribution.couplers', '2q error over couplers')}
                quantity={CALIBRATION_QUANTITY.twoQubitError}
                values={snapshot.couplers.map((c) => (c.uncalibrated ? undefined : c.error))}
              />
            )}
          </div>
        </div>
      </section>

      <section className={styles.section} data-testid={testIds.providerDetail.flags}>
        <h3>{t('provider-detail.flags.title', 'Called out')}</h3>
        <div className={styles.row}>
          <Field label={t('provider-detail.flags.factor', 'Drift factor (× own 7-day median)')}>
            <Input
              type="number"
              min={1.1}
              step={0.1}
              width={10}
              // Keyed on the value: a factor from the URL (back, a pasted link) replaces what the field shows.
              key={state.driftFactor}
              defaultValue={String(state.driftFactor)}
              onBlur={(e) => model.setState({ driftFactor: parseDriftFactor(e.currentTarget.value) })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  model.setState({ driftFactor: parseDriftFactor(e.currentTarget.value) });
                }
              }}
            />
          </Field>
        </div>
        {flags.missingEverywhere.length > 0 && (
          <p data-testid={testIds.providerDetail.missingEverywhere}>
            {t(
              'provider-detail.flags.missing-everywhere',
              'No qubit has {{metrics}} in this snapshot: the source does not publish them per qubit.',
              { metrics: flags.missingEverywhere.map(quantityInPhrase).join(', ') }
            )}
          </p>
        )}
        <DroppedValues dropped={snapshot.dropped} />
        {flags.qubits.length === 0 && flags.couplers.length === 0 ? (
          <p>{t('provider-detail.flags.none', 'Nothing missing, uncalibrated or drifted in this snapshot.')}</p>
        ) : (
          <ul>
            {flags.qubits.map((f) => (
              <li key={`q-${f.id}`} data-testid={testIds.providerDetail.flaggedQubit} data-qubit={f.id}>
                {t('provider-detail.flags.qubit', 'Qubit {{qubit}}', { qubit: f.id })}
                {': '}
                {qubitFlagText(f)}
              </li>
            ))}
            {flags.couplers.map((f) => (
              <li key={`c-${f.gate}-${f.label}`} data-testid={testIds.providerDetail.flaggedCoupler}>
                {`${f.gate} ${f.label}: `}
                {f.uncalibrated
                  ? t('provider-detail.flags.uncalibrated', 'reported uncalibrated')
                  : f.broken
                    ? t('provider-detail.flags.broken', 'error 1 (unusable)')
                    : f.missing
                      ? t('provider-detail.flags.coupler-missing', 'no 2q error')
                      : t('provider-detail.flags.coupler-drifted', '2q error drifted to {{ratio}}× its 7-day median', {
                          ratio: f.driftRatio!.toFixed(2),
                        })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} data-testid={testIds.providerDetail.best}>
        <h3>{t('provider-detail.best.title', 'Best qubits now')}</h3>
        <div className={styles.row}>
          <Field label={t('provider-detail.best.length', 'Chain length')}>
            <Input
              type="number"
              min={2}
              max={MAX_CHAIN_LENGTH}
              width={10}
              value={chainInput}
              onChange={(e) => setChainInput(e.currentTarget.value)}
              onBlur={applyChain}
              onKeyDown={(e) => e.key === 'Enter' && applyChain()}
            />
          </Field>
        </div>
        <p data-testid={testIds.providerDetail.bestChain}>
          {chain
            ? chainText(chain)
            : t(
                'provider-detail.best.no-chain',
                'No connected chain of {{length}} qubits whose readout, 1q and 2q errors are all measured.',
                { length: state.chainLength }
              )}
        </p>
        <h4>{t('provider-detail.best.pairs', 'Best pairs')}</h4>
        {pairs.length === 0 ? (
          <p>{t('provider-detail.best.no-pairs', 'No coupled pair with measured values.')}</p>
        ) : (
          <ol data-testid={testIds.providerDetail.bestPairs}>
            {pairs.map((p) => (
              <li key={p.qubits.join('-')}>{chainText(p)}</li>
            ))}
          </ol>
        )}
        <h4>{t('provider-detail.best.job', "A job's qubits")}</h4>
        <p data-testid={testIds.providerDetail.jobQubits}>
          {!used
            ? t(
                'provider-detail.best.job-none',
                'Open this page from a quantum job (its card links here with the qubits it reported in quantum.qubits.used) to compare them with the best available.'
              )
            : used.unknown.length > 0
              ? t('provider-detail.best.job-unknown', 'Qubits {{qubits}} are not in this snapshot.', {
                  qubits: used.unknown.join(', '),
                })
              : used.unmeasured.length > 0
                ? t(
                    'provider-detail.best.job-unmeasured',
                    'Qubits {{qubits}} have no readout or 1q error here: cannot compare.',
                    {
                      qubits: used.unmeasured.join(', '),
                    }
                  )
                : used.used
                  ? t(
                      'provider-detail.best.job-compare',
                      'The job used {{used}}; the best chain of {{length}} was {{best}}.',
                      {
                        used: chainText(used.used),
                        length: used.known.length,
                        best: used.best ? chainText(used.best) : '—',
                      }
                    )
                  : t(
                      'provider-detail.best.job-not-chain',
                      'The job used {{qubits}}, not a coupled chain in the order reported: only per-qubit values can be compared (see the table).',
                      { qubits: used.known.join(', ') }
                    )}
        </p>
      </section>

      <section className={styles.section}>
        <div className={styles.row}>
          <h3>{t('provider-detail.table.title', 'Per-qubit values')}</h3>
          <Button
            size="sm"
            variant="secondary"
            icon="download-alt"
            data-testid={testIds.providerDetail.csvQubits}
            onClick={() => download(`${fileBase}-qubits.csv`, qubitTableCsv(snapshot))}
          >
            {t('provider-detail.table.csv-qubits', 'Qubits CSV')}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            icon="download-alt"
            data-testid={testIds.providerDetail.csvCouplers}
            onClick={() => download(`${fileBase}-couplers.csv`, couplerTableCsv(snapshot))}
          >
            {t('provider-detail.table.csv-couplers', 'Couplers CSV')}
          </Button>
        </div>
        <div className={styles.scroll}>
          <table className={styles.table} data-testid={testIds.providerDetail.table}>
            <thead>
              <tr>
                <th>{t('provider-detail.table.qubit', 'Qubit')}</th>
                {QUBIT_METRICS.map((m) => (
                  <th key={m} className="number">
                    {quantityLabel(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snapshot.qubits.map((q) => (
                <tr key={q.id} data-testid={testIds.providerDetail.tableRow}>
                  <td>{q.id}</td>
                  {QUBIT_METRICS.map((m) => (
                    <td
                      key={m}
                      className="number"
                      title={measuredTimeText(q.measuredAt[m], snapshot.calibratedAt)}
                      data-state={qubitValueState(q, m)}
                    >
                      {qubitValueText(q, m)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
