import { JOB_OUTCOME, LABEL, METRIC, REQUEST_PATH } from '@hybridlens/conventions';
import { type Counts } from './sloModel';
import { type Sample, encodeValues, labelsText } from './series';

/** A low-latency request series (served by the simulator path). */
export const REQUEST_LABELS = {
  [LABEL.route]: '/v1/solve',
  [LABEL.model]: 'gpt-test',
  [LABEL.region]: 'eu-west',
  [LABEL.path]: REQUEST_PATH.simulator,
};
/** The same route served by a QPU. */
export const QPU_REQUEST_LABELS = { ...REQUEST_LABELS, [LABEL.path]: REQUEST_PATH.qpu };

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

/**
 * Raw latency histogram series of one label set: the count, the bucket at the SLO threshold `le` holding
 * the good requests, and a bucket at `decoyLe` the SLI must not match (every request falls under it).
 */
export function latencySeries(
  counts: Counts,
  le = '2',
  faults: Faults = {},
  labels: Record<string, string> = REQUEST_LABELS,
  decoyLe = '20'
): Array<{ series: string; values: string }> {
  const h = METRIC.requestDuration.name;
  const good = counts.total.map((t, i) => t - counts.bad[i]!);
  return [
    {
      series: labelsText(`${h}_count`, labels),
      values: encodeValues(exposed(counts.total, faults, faults.totalSample)),
    },
    {
      series: labelsText(`${h}_bucket`, { ...labels, le }),
      values: encodeValues(exposed(good, faults, faults.goodSample)),
    },
    {
      series: labelsText(`${h}_bucket`, { ...labels, le: decoyLe }),
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
