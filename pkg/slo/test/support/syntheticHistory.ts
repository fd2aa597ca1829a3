import { JOB_OUTCOME, LABEL, METRIC, REQUEST_PATH } from '@hybridlens/conventions';
import { type HistorySeries } from './openMetrics';
import { type Counts } from './sloModel';

/** Per-minute traffic of one series pair: events and bad events in minute m (1-based: the minute ending at m). */
export interface Traffic {
  total: (m: number) => number;
  bad: (m: number) => number;
}

/**
 * Counters were already running before the history starts, as on a long-lived service: Prometheus
 * does not extrapolate an increase below zero, so a counter starting at 0 would under-read the first slot.
 */
const BASE_TOTAL = 100_000;
const BASE_BAD = 1_000;

function cum(points: number, perMinute: (m: number) => number): number[] {
  const out = [0];
  for (let m = 1; m < points; m++) {
    out.push(out[m - 1]! + perMinute(m));
  }
  return out;
}

export interface SyntheticHistory {
  series: HistorySeries[];
  /** What the SLIs must see, summed over every raw series of the SLI. */
  latency: Counts;
  ibmJobs: Counts;
}

/** QPU-backed requests per minute, every one over 2 s: the low-latency SLO must not see them. */
const QPU_REQUESTS_PER_MINUTE = 5;

/**
 * Raw counters at one sample per minute: the latency histogram of low-latency routes (each served by the
 * simulator path), slow QPU-backed requests, and the job counters of one IBM backend, with the faults the
 * caller injects through the traffic functions.
 */
export function syntheticHistory(points: number, routes: Record<string, Traffic>, jobs: Traffic): SyntheticHistory {
  const h = METRIC.requestDuration.name;
  const series: HistorySeries[] = [];
  const latencyBad = new Array<number>(points).fill(0);
  const latencyTotal = new Array<number>(points).fill(0);
  for (const [route, traffic] of Object.entries(routes)) {
    const labels = {
      [LABEL.route]: route,
      [LABEL.model]: 'gpt-test',
      [LABEL.region]: 'eu-west',
      [LABEL.path]: REQUEST_PATH.simulator,
    };
    const total = cum(points, traffic.total);
    const bad = cum(points, traffic.bad);
    total.forEach((v, i) => (latencyTotal[i] = latencyTotal[i]! + v));
    bad.forEach((v, i) => (latencyBad[i] = latencyBad[i]! + v));
    series.push(
      { name: `${h}_count`, labels, value: (i) => BASE_TOTAL + total[i]! },
      {
        name: `${h}_bucket`,
        labels: { ...labels, le: '2' },
        value: (i) => BASE_TOTAL - BASE_BAD + total[i]! - bad[i]!,
      },
      { name: `${h}_bucket`, labels: { ...labels, le: '+Inf' }, value: (i) => BASE_TOTAL + total[i]! }
    );
  }
  const qpu = {
    [LABEL.route]: Object.keys(routes)[0]!,
    [LABEL.model]: 'gpt-test',
    [LABEL.region]: 'eu-west',
    [LABEL.path]: REQUEST_PATH.qpu,
  };
  series.push(
    { name: `${h}_count`, labels: qpu, value: (i) => BASE_TOTAL + QPU_REQUESTS_PER_MINUTE * i },
    { name: `${h}_bucket`, labels: { ...qpu, le: '2' }, value: () => 0 },
    { name: `${h}_bucket`, labels: { ...qpu, le: '+Inf' }, value: (i) => BASE_TOTAL + QPU_REQUESTS_PER_MINUTE * i }
  );
  const where = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_sherbrooke' };
  const jobTotal = cum(points, jobs.total);
  const jobBad = cum(points, jobs.bad);
  series.push(
    {
      name: METRIC.quantumJobs.name,
      labels: { ...where, [LABEL.outcome]: JOB_OUTCOME.success },
      value: (i) => BASE_TOTAL + jobTotal[i]! - jobBad[i]!,
    },
    {
      name: METRIC.quantumJobs.name,
      labels: { ...where, [LABEL.outcome]: JOB_OUTCOME.error },
      value: (i) => BASE_BAD + jobBad[i]!,
    }
  );
  return { series, latency: { bad: latencyBad, total: latencyTotal }, ibmJobs: { bad: jobBad, total: jobTotal } };
}
