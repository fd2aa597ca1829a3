import { CALIBRATION_QUANTITY, type CalibrationQuantity } from '@hybridlens/conventions';

/**
 * Colours of the qubit map: one scale per picked quantity, from the snapshot's own values (its 5th to 95th
 * percentile, so one broken qubit does not wash out the rest), always drawn good = green, bad = red, whichever way
 * the quantity runs (long T1 is good, high error is bad). Missing values get no colour at all: the map draws them
 * hatched, never as the colour of 0.
 */

/** Quantities where a higher value is better (coherence times); for the others (errors) lower is better. */
export function higherIsBetter(quantity: CalibrationQuantity): boolean {
  return quantity === CALIBRATION_QUANTITY.t1 || quantity === CALIBRATION_QUANTITY.t2;
}

export interface ColourScale {
  quantity: CalibrationQuantity;
  low: number;
  high: number;
  median?: number;
  /** 0 (worst) .. 1 (best) for a value; undefined when the value is missing. */
  goodness: (value: number | undefined) => number | undefined;
}

function percentile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function median(values: readonly number[]): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : percentile(sorted, 0.5);
}

export function colourScale(quantity: CalibrationQuantity, values: ReadonlyArray<number | undefined>): ColourScale {
  const sorted = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  const low = sorted.length > 0 ? percentile(sorted, 0.05) : 0;
  const high = sorted.length > 0 ? percentile(sorted, 0.95) : 0;
  const up = higherIsBetter(quantity);
  return {
    quantity,
    low,
    high,
    median: sorted.length > 0 ? percentile(sorted, 0.5) : undefined,
    goodness: (value) => {
      if (value === undefined || !Number.isFinite(value)) {
        return undefined;
      }
      const t = high > low ? Math.min(1, Math.max(0, (value - low) / (high - low))) : 0.5;
      return up ? t : 1 - t;
    },
  };
}

/** Red (0) through amber to green (1), readable on both themes. */
export function goodnessColour(goodness: number): string {
  const hue = Math.round(120 * Math.min(1, Math.max(0, goodness)));
  return `hsl(${hue}, 70%, 45%)`;
}
