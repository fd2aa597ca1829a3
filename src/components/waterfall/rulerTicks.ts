import type { TimeAxis } from '@hybridlens/traces';
import { formatMs } from './formatDuration';

export interface RulerTick {
  /** Position on the axis, 0..1. */
  x: number;
  /** Real time since the trace start. */
  offsetMs: number;
  label: string;
}

export interface RulerBreak {
  fromX: number;
  toX: number;
  durationMs: number;
  label: string;
  /** False when the previous break's label is too close: the hatched band stays, its tooltip tells the length. */
  showLabel: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Round steps once a tick step reaches a second: clock units, not 500 s ("8m 20s"). */
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30]
  .map((n) => n * SECOND)
  .concat(
    [1, 2, 5, 10, 15, 30].map((n) => n * MINUTE),
    [1, 2, 3, 6, 12, 24].map((n) => n * HOUR)
  );

/** Smallest round step at least `rawMs`: 1, 2 or 5 × 10^k below a second, clock units above. */
export function niceStep(rawMs: number): number {
  if (rawMs > SECOND) {
    const clock = CLOCK_STEPS.find((c) => c >= rawMs);
    if (clock !== undefined) {
      return clock;
    }
  }
  const pow = 10 ** Math.floor(Math.log10(rawMs));
  const mult = [1, 2, 5, 10].find((m) => m * pow >= rawMs * (1 - 1e-9)) ?? 10;
  return mult * pow;
}

/** Decimal digits a label needs so that two ticks `stepMs` apart never print the same (in the unit given). */
function decimalsFor(stepMs: number, unitMs: number): number {
  return Math.min(3, Math.max(0, Math.ceil(-Math.log10(stepMs / unitMs) - 1e-9)));
}

/**
 * An offset from the trace start, precise enough for the tick step: "800 ms", "1.2 s", "1h 00m 01.2s" (after an
 * hour-long queue the seconds still differ from tick to tick).
 */
export function formatOffset(offsetMs: number, stepMs: number): string {
  if (offsetMs === 0) {
    return '0';
  }
  if (offsetMs < 1000 && stepMs < 1000) {
    return `${offsetMs.toFixed(decimalsFor(stepMs, 1))} ms`;
  }
  const d = decimalsFor(stepMs, 1000);
  if (offsetMs < 60_000) {
    return `${(offsetMs / 1000).toFixed(d)} s`;
  }
  // Whole precision units first, so that floating-point noise cannot turn 59.99 s into "0m 60.0s".
  const unitMs = 1000 / 10 ** d;
  const units = Math.round(offsetMs / unitMs);
  const unitsPerMinute = Math.round(60_000 / unitMs);
  const totalMinutes = Math.floor(units / unitsPerMinute);
  const seconds = ((units % unitsPerMinute) * unitMs) / 1000;
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  const minutes = h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
  if (stepMs % 60_000 === 0) {
    return minutes;
  }
  const secondsText = seconds.toFixed(d);
  return `${minutes} ${secondsText.padStart(d > 0 ? d + 3 : 2, '0')}s`;
}

/** Closest two ticks may be (fraction of the axis), and how far a tick keeps from a break mark's label. */
const MIN_SPACING = 0.07;
const BREAK_CLEARANCE = 0.06;
/** Break labels ("⋯ 58m 00s ⋯") closer than this would print over each other. */
const BREAK_LABEL_SPACING = 0.1;

/**
 * The ruler of a (possibly compressed) time axis: ticks at round real offsets inside each stretch drawn to
 * scale, every one a later time than the one before and with its own label, and a break mark for each
 * compressed idle gap carrying its real length ("⋯ 58m 00s ⋯"). A tick never sits inside or beside a break.
 */
export function rulerTicks(axis: TimeAxis, maxTicks = 8): { ticks: RulerTick[]; breaks: RulerBreak[] } {
  const breaks: RulerBreak[] = axis.segments
    .filter((s) => s.compressed)
    .map((s) => ({
      fromX: s.fromX,
      toX: s.toX,
      durationMs: s.endMs - s.startMs,
      label: `⋯ ${formatMs(s.endMs - s.startMs)} ⋯`,
      showLabel: true,
    }));
  let lastLabelled = -Infinity;
  for (const b of breaks) {
    const center = (b.fromX + b.toX) / 2;
    b.showLabel = center - lastLabelled >= BREAK_LABEL_SPACING;
    lastLabelled = b.showLabel ? center : lastLabelled;
  }
  const ticks: RulerTick[] = [];
  const labels = new Set<string>();
  const nearBreak = (x: number) => breaks.some((b) => x > b.fromX - BREAK_CLEARANCE && x < b.toX + BREAK_CLEARANCE);
  for (const seg of axis.segments) {
    const durationMs = seg.endMs - seg.startMs;
    if (seg.compressed || durationMs <= 0) {
      continue;
    }
    const count = Math.max(1, Math.floor((seg.toX - seg.fromX) * maxTicks));
    const step = niceStep(durationMs / count);
    const fromOffset = seg.startMs - axis.startMs;
    const toOffset = seg.endMs - axis.startMs;
    for (let k = Math.ceil(fromOffset / step - 1e-9); k * step <= toOffset * (1 + 1e-12); k++) {
      const offsetMs = k * step;
      const x = axis.x(axis.startMs + offsetMs);
      const previous = ticks[ticks.length - 1];
      const label = formatOffset(offsetMs, step);
      if ((previous && (offsetMs <= previous.offsetMs || x - previous.x < MIN_SPACING)) || labels.has(label)) {
        continue;
      }
      if (nearBreak(x)) {
        continue;
      }
      ticks.push({ x, offsetMs, label });
      labels.add(label);
    }
  }
  return { ticks, breaks };
}
