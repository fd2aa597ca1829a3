import React, { useMemo, useRef } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { CALIBRATION_QUANTITY, type QubitMapMetric } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import type { CouplerView, QubitView } from '../../pages/providerDetail/snapshot';
import { colourScale, goodnessColour, type ColourScale } from '../../pages/providerDetail/colourScale';
import { formatQuantity, measuredTimeText } from '../../pages/providerDetail/calibrationFormat';
import { type Direction, mapGeometry, neighbourInDirection } from '../../pages/providerDetail/mapGeometry';
import { qubitValueState } from '../../pages/providerDetail/qubitValueState';

/** Why a qubit is outlined: drift (any quantity) gets its own outline; the other call-outs share one. */
export interface QubitCallout {
  drifted: boolean;
  /** Read with the qubit's accessible name. */
  text: string;
}

export type QubitCalloutKind = 'drifted' | 'other';

export function calloutKind(callout: QubitCallout): QubitCalloutKind {
  return callout.drifted ? 'drifted' : 'other';
}

export interface QubitMapProps {
  qubits: readonly QubitView[];
  couplers: readonly CouplerView[];
  metric: QubitMapMetric;
  /** All-to-all or no coupling map: drawn as rows of qubits, no couplers. */
  asList: boolean;
  /** The qubit whose details are open (focus or pin). */
  selected?: string;
  onSelect: (qubit: string | undefined) => void;
  /** The pointer over a qubit (details follow it without changing the pinned qubit). */
  onHover: (qubit: string | undefined) => void;
  /** Qubits outlined (the best chain, or the job's qubits). */
  highlighted: ReadonlySet<string>;
  /** Qubits called out (drifted, uncalibrated, missing values), with the words of the "Called out" list. */
  callouts: ReadonlyMap<string, QubitCallout>;
  /** The backend's calibration time (unix s): the time of values the source does not date one by one. */
  calibratedAt?: number;
}

/**
 * SVG user units per lattice step. Chromium lays SVG text out at its font size in user units before scaling: a font of
 * a fraction of a unit got its glyph advances rounded apart ("1 2 6"), so the map is drawn at 100 units a step.
 */
const UNIT = 100;

/**
 * Couplers without a value: missing ones grey and long-dashed, uncalibrated ones (the provider's sentinel) in
 * the warning orange and dotted, so "never measured" and "measured as unusable" do not look alike.
 */
const MISSING_STROKE = '#888';
const UNCALIBRATED_STROKE = '#ff9830';

/**
 * Rings around a qubit, outside its body and apart from each other, so a qubit in the best chain (blue) that also
 * drifted (orange, solid) shows both. Drift is orange, not the red of the colour ramp's worst values: a drifted
 * qubit is often a bad one, and a red ring around a red body does not stand out. Other call-outs (missing values,
 * uncalibrated) keep a thin dashed red ring: the body already shows them for the picked quantity.
 */
const HIGHLIGHT_RING = { gap: 0.08, width: 0.06, stroke: '#3d71d9' };
const CALLOUT_RING = { gap: 0.18, width: 0.07 };
const CALLOUT_STROKE: Record<QubitCalloutKind, string> = { drifted: '#ff9830', other: '#e02f44' };
const CALLOUT_DASH: Record<QubitCalloutKind, string | undefined> = {
  drifted: undefined,
  other: `${0.08 * UNIT} ${0.05 * UNIT}`,
};

function unmeasuredDash(uncalibrated: boolean): string {
  return uncalibrated ? `${0.03 * UNIT} ${0.06 * UNIT}` : `${0.1 * UNIT} ${0.08 * UNIT}`;
}

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ width: '100%', maxHeight: 640, display: 'block' }),
  qubit: css({
    cursor: 'pointer',
    outline: 'none',
    '&:focus-visible circle.body, &:focus circle.body': { stroke: theme.colors.text.primary, strokeWidth: 0.12 * UNIT },
  }),
  label: css({
    fontSize: 0.22 * UNIT,
    fill: theme.colors.text.primary,
    pointerEvents: 'none',
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  missing: css({ fill: 'url(#hl-missing)', stroke: theme.colors.text.disabled, strokeWidth: 0.04 * UNIT }),
  legend: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  ramp: css({
    position: 'relative',
    width: 200,
    height: 12,
    background: 'linear-gradient(to right, hsl(0,70%,45%), hsl(60,70%,45%), hsl(120,70%,45%))',
  }),
  medianMark: css({ position: 'absolute', top: -3, width: 2, height: 18, background: theme.colors.text.primary }),
  swatch: css({ display: 'inline-block', width: 12, height: 12, border: `1px solid ${theme.colors.text.disabled}` }),
});

/** Position 0..1 of the median on the ramp (worst on the left, best on the right). */
function medianOnRamp(scale: ColourScale): number | undefined {
  return scale.median === undefined ? undefined : scale.goodness(scale.median);
}

export function ColourLegend({ scale, label }: { scale: ColourScale; label: string }) {
  const styles = useStyles2(getStyles);
  const at = medianOnRamp(scale);
  const worst = scale.goodness(scale.low) === 0 ? scale.low : scale.high;
  const best = worst === scale.low ? scale.high : scale.low;
  if (scale.median === undefined) {
    // Nothing measured: a ramp from "0" to "0" would read as values.
    return (
      <div className={styles.legend} data-testid={testIds.providerDetail.legend}>
        <span>{label}</span>
        <span data-testid={testIds.providerDetail.legendMedian}>
          {t('provider-detail.map.none-measured', 'no qubit has a value for this quantity')}
        </span>
      </div>
    );
  }
  return (
    <div className={styles.legend} data-testid={testIds.providerDetail.legend}>
      <span>{label}</span>
      <span>{formatQuantity(scale.quantity, worst)}</span>
      <span className={styles.ramp} aria-hidden>
        {at !== undefined && <span className={styles.medianMark} style={{ left: `calc(${at * 100}% - 1px)` }} />}
      </span>
      <span>{formatQuantity(scale.quantity, best)}</span>
      <span data-testid={testIds.providerDetail.legendMedian}>
        {t('provider-detail.map.median', 'median {{value}}', { value: formatQuantity(scale.quantity, scale.median) })}
      </span>
      <span
        className={styles.swatch}
        style={{ background: 'repeating-linear-gradient(45deg, transparent 0 3px, #888 3px 4px)' }}
      />
      <span>{t('provider-detail.map.missing', 'not measured')}</span>
    </div>
  );
}

/**
 * The qubit map: qubits coloured by the picked quantity, couplers by 2q error, missing values hatched (never the
 * colour of 0). Keyboard: Tab reaches the map, arrows move between qubits, Enter/Space pins the details, Escape
 * closes them.
 */
export function QubitMap(props: QubitMapProps) {
  const { qubits, couplers, metric, asList, selected, onSelect, onHover, highlighted, callouts, calibratedAt } = props;
  const styles = useStyles2(getStyles);
  const svgRef = useRef<SVGSVGElement>(null);
  const geometry = useMemo(() => mapGeometry(qubits, asList), [qubits, asList]);
  const position = useMemo(() => new Map(geometry.placed.map((p) => [p.id, p])), [geometry]);
  const scale = useMemo(
    () =>
      colourScale(
        metric,
        qubits.map((q) => q.values[metric])
      ),
    [qubits, metric]
  );
  const couplerScale = useMemo(
    () =>
      colourScale(
        CALIBRATION_QUANTITY.twoQubitError,
        couplers.map((c) => c.error)
      ),
    [couplers]
  );
  const focusable = selected !== undefined && position.has(selected) ? selected : geometry.placed[0]?.id;

  const focusQubit = (id: string) => {
    onSelect(id);
    svgRef.current?.querySelector<SVGGElement>(`[data-qubit="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent, id: string) => {
    const direction = KEYS[event.key];
    if (direction) {
      event.preventDefault();
      const next = neighbourInDirection(geometry.placed, id, direction);
      if (next) {
        focusQubit(next);
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    } else if (event.key === 'Escape') {
      onSelect(undefined);
    }
  };

  return (
    <div>
      <ColourLegend scale={scale} label={t('provider-detail.map.qubits-by', 'Qubits')} />
      {!asList && couplers.length > 0 && (
        <ColourLegend scale={couplerScale} label={t('provider-detail.map.couplers-by', 'Couplers (2q error)')} />
      )}
      <svg
        ref={svgRef}
        className={styles.svg}
        viewBox={`0 0 ${geometry.width * UNIT} ${geometry.height * UNIT}`}
        role="group"
        aria-label={t('provider-detail.map.aria', 'Qubit map: arrow keys move between qubits, Enter shows details')}
        data-testid={testIds.providerDetail.map}
      >
        <defs>
          <pattern
            id="hl-missing"
            width={0.15 * UNIT}
            height={0.15 * UNIT}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={0.15 * UNIT} height={0.15 * UNIT} fill="transparent" />
            <line x1="0" y1="0" x2="0" y2={0.15 * UNIT} stroke="#888" strokeWidth={0.05 * UNIT} />
          </pattern>
        </defs>
        {!asList &&
          couplers.map((c) => {
            const a = position.get(c.qubits[0]);
            const b = position.get(c.qubits[1]);
            if (!a || !b) {
              return null;
            }
            const goodness = couplerScale.goodness(c.error);
            return (
              <line
                key={`${c.gate}-${c.label}`}
                data-testid={testIds.providerDetail.coupler}
                data-state={c.error !== undefined ? 'measured' : c.uncalibrated ? 'uncalibrated' : 'missing'}
                x1={a.cx * UNIT}
                y1={a.cy * UNIT}
                x2={b.cx * UNIT}
                y2={b.cy * UNIT}
                stroke={
                  goodness === undefined
                    ? c.uncalibrated
                      ? UNCALIBRATED_STROKE
                      : MISSING_STROKE
                    : goodnessColour(goodness)
                }
                strokeWidth={(goodness === undefined ? 0.06 : 0.14) * UNIT}
                strokeDasharray={goodness === undefined ? unmeasuredDash(c.uncalibrated) : undefined}
              >
                <title>
                  {t('provider-detail.map.coupler-title', '{{qubits}}: 2q error {{error}}, measured {{time}}', {
                    qubits: c.label,
                    error: c.uncalibrated
                      ? t('provider-detail.map.uncalibrated', 'uncalibrated')
                      : formatQuantity(CALIBRATION_QUANTITY.twoQubitError, c.error),
                    time: measuredTimeText(c.measuredAt, calibratedAt),
                  })}
                </title>
              </line>
            );
          })}
        {qubits.map((q) => {
          const placed = position.get(q.id)!;
          const p = { cx: placed.cx * UNIT, cy: placed.cy * UNIT };
          const r = geometry.radius * UNIT;
          const value = q.values[metric];
          const goodness = scale.goodness(value);
          const callout = callouts.get(q.id);
          const kind = callout ? calloutKind(callout) : undefined;
          const valueText = formatQuantity(metric, value);
          return (
            <g
              key={q.id}
              data-qubit={q.id}
              data-testid={testIds.providerDetail.qubit}
              data-state={qubitValueState(q, metric)}
              data-callout={kind}
              className={styles.qubit}
              tabIndex={q.id === focusable ? 0 : -1}
              role="button"
              aria-pressed={q.id === selected}
              aria-label={
                callout
                  ? t('provider-detail.map.qubit-aria-callout', 'Qubit {{qubit}}: {{value}}; called out: {{callout}}', {
                      qubit: q.id,
                      value: valueText,
                      callout: callout.text,
                    })
                  : t('provider-detail.map.qubit-aria', 'Qubit {{qubit}}: {{value}}', { qubit: q.id, value: valueText })
              }
              onFocus={() => onSelect(q.id)}
              onMouseEnter={() => onHover(q.id)}
              onMouseLeave={() => onHover(undefined)}
              onClick={() => onSelect(q.id)}
              onKeyDown={(event) => onKeyDown(event, q.id)}
            >
              {highlighted.has(q.id) && (
                <circle
                  cx={p.cx}
                  cy={p.cy}
                  r={r + HIGHLIGHT_RING.gap * UNIT}
                  fill="none"
                  stroke={HIGHLIGHT_RING.stroke}
                  strokeWidth={HIGHLIGHT_RING.width * UNIT}
                />
              )}
              {kind && (
                <circle
                  data-testid={testIds.providerDetail.qubitCallout}
                  data-kind={kind}
                  cx={p.cx}
                  cy={p.cy}
                  r={r + CALLOUT_RING.gap * UNIT}
                  fill="none"
                  stroke={CALLOUT_STROKE[kind]}
                  strokeWidth={(kind === 'drifted' ? CALLOUT_RING.width : CALLOUT_RING.width * 0.7) * UNIT}
                  strokeDasharray={CALLOUT_DASH[kind]}
                />
              )}
              <circle
                className={goodness === undefined ? `body ${styles.missing}` : 'body'}
                cx={p.cx}
                cy={p.cy}
                r={r}
                fill={goodness === undefined ? undefined : goodnessColour(goodness)}
                // Reported unusable by the provider: the couplers' uncalibrated orange, not the grey of "not measured".
                style={qubitValueState(q, metric) === 'uncalibrated' ? { stroke: UNCALIBRATED_STROKE } : undefined}
              />
              <text className={styles.label} x={p.cx} y={p.cy + 0.07 * UNIT} textAnchor="middle">
                {q.id}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
