import type { DataFrame } from '@grafana/data';
import { samplesOf } from '../../app/frames';
import type { LiveCheck } from './playbookTypes';
import { labelValueDisplayName } from '../../ui/providerNames';

export type CheckState = 'holds' | 'clear' | 'noData' | 'info';

export interface CheckRow {
  /** What the series is about, e.g. "IBM Quantum / ibm_torino". */
  subject: string;
  value: number;
  holds?: boolean;
}

export interface CheckResult {
  check: LiveCheck;
  state: CheckState;
  rows: CheckRow[];
}

function passes(value: number, check: LiveCheck): boolean | undefined {
  if (!check.holds || !Number.isFinite(value)) {
    return undefined;
  }
  return check.holds.op === '>' ? value > check.holds.threshold : value < check.holds.threshold;
}

/**
 * Whether a check's symptom holds now: it holds when any series passes its test (worst first in the rows),
 * is clear when series exist and none does, and has no data when Prometheus returned no series.
 */
export function checkResult(frames: readonly DataFrame[], check: LiveCheck): CheckResult {
  const rows: CheckRow[] = samplesOf(frames, check.id)
    .filter((s) => !Number.isNaN(s.value))
    .map((s) => ({
      subject: check.seriesLabels
        .map((l) => labelValueDisplayName(l, s.labels[l] ?? ''))
        .filter(Boolean)
        .join(' / '),
      value: s.value,
      holds: passes(s.value, check),
    }));
  const direction = check.holds?.op === '<' ? 1 : -1;
  rows.sort((a, b) => Number(b.holds ?? false) - Number(a.holds ?? false) || direction * (a.value - b.value));
  if (rows.length === 0) {
    return { check, state: 'noData', rows };
  }
  if (!check.holds) {
    return { check, state: 'info', rows };
  }
  return { check, state: rows.some((r) => r.holds) ? 'holds' : 'clear', rows };
}
