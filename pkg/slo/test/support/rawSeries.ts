import { JOB_OUTCOME, LABEL, METRIC } from '@hybridlens/conventions';
import { type Counts } from './sloModel';
import { type Sample, encodeValues, labelsText } from './series';

export const REQUEST_LABELS = { [LABEL.route]: '/v1/solve', [LABEL.model]: 'gpt-test', [LABEL.region]: 'eu-west' };

export interface Faults {
  /** Counter restarts: from this minute on the exposed value restarts from 0. */
  resetAt?: number;
  /** Replace the total (count) sample at a minute. */
  totalSample?: Record<number, Sample>;
  /** Replace the good (bucket) sample at a minute. */
  goodSample?: Record<number, Sample>;
}

function exposed(cum: readonly number[], faults: Faults, replace?: Record<number, Sample>): Sample[] {
  const reset = faults.resetAt;
  return cum.map((v, m) => replace?.[m] ?? (reset !== undefined && m >= reset ? v - cum[reset - 1]! : v));
}

/** Raw latency histogram series (count, the 2 s bucket, and a 20 s bucket the SLI must not match). */
export function latencySeries(
  counts: Counts,
  le = '2',
  faults: Faults = {}
): Array<{ series: string; values: string }> {
  const h = METRIC.requestDuration.name;
  const good = counts.total.map((t, i) => t - counts.bad[i]!);
  return [
    {
      series: labelsText(`${h}_count`, REQUEST_LABELS),
      values: encodeValues(exposed(counts.total, faults, faults.totalSample)),
    },
    {
      series: labelsText(`${h}_bucket`, { ...REQUEST_LABELS, le }),
      values: encodeValues(exposed(good, faults, faults.goodSample)),
    },
    {
      series: labelsText(`${h}_bucket`, { ...REQUEST_LABELS, le: '20' }),
      values: encodeValues(exposed(counts.total, faults)),
    },
  ];
}

/** Raw quantum job counters of one backend, by outcome. */
export function jobSeries(
  counts: Counts,
  provider: string,
  backend: string
): Array<{ series: string; values: string }> {
  const jobs = METRIC.quantumJobs.name;
  const success = counts.total.map((t, i) => t - counts.bad[i]!);
  return [
    {
      series: labelsText(jobs, {
        [LABEL.provider]: provider,
        [LABEL.backend]: backend,
        [LABEL.outcome]: JOB_OUTCOME.success,
      }),
      values: encodeValues(success),
    },
    {
      series: labelsText(jobs, {
        [LABEL.provider]: provider,
        [LABEL.backend]: backend,
        [LABEL.outcome]: JOB_OUTCOME.error,
      }),
      values: encodeValues(counts.bad),
    },
  ];
}
