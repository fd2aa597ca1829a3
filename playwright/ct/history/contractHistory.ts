import {
  EXECUTION_PATH,
  FALLBACK_OUTCOME,
  JOB_OUTCOME,
  LABEL,
  METRIC,
  QUANTUM_ERROR_TYPE,
  QUANTUM_PROVIDER,
  REQUEST_DURATION_BUCKETS,
  REQUEST_OUTCOME,
  VALIDATION_RESULT,
  VALIDATOR,
} from '@hybridlens/conventions';
import { type Labels, OpenMetricsWriter } from './openMetricsWriter';
import { logNormalCdf, seededRandom } from './random';

/**
 * A small stand-in for the simulator's backfill: contract-named history with a visible incident, so the
 * pages have something true to show. Names come from @hybridlens/conventions; values are made up.
 */
export interface HistoryOptions {
  file: string;
  /** Unix seconds of the first and last sample. */
  start: number;
  end: number;
  stepSeconds: number;
  /** Error burst on one route in [incidentStart, incidentEnd) (Unix seconds). */
  incidentStart: number;
  incidentEnd: number;
  seed?: number;
}

export interface HistorySummary {
  samples: number;
  series: number;
}

const ROUTES = ['/v1/solve', '/v1/optimize'];
const MODELS = ['gpt-4o-mini', 'llama-3.1-70b'];
const REGION = 'eu-west-1';
const BACKENDS: Array<{ provider: string; backend: string; successRatio: number; usdPerJob: number }> = [
  { provider: QUANTUM_PROVIDER.ibm, backend: 'ibm_sherbrooke', successRatio: 0.97, usdPerJob: 1.6 },
  { provider: QUANTUM_PROVIDER.braket, backend: 'Garnet', successRatio: 0.93, usdPerJob: 0.9 },
  { provider: QUANTUM_PROVIDER.local, backend: 'aer_simulator', successRatio: 0.999, usdPerJob: 0 },
];

export async function writeContractHistory(options: HistoryOptions): Promise<HistorySummary> {
  const random = seededRandom(options.seed ?? 42);
  const out = new OpenMetricsWriter(options.file);
  const times: number[] = [];
  for (let t = options.start; t <= options.end; t += options.stepSeconds) {
    times.push(t);
  }
  let series = 0;
  const inIncident = (t: number) => t >= options.incidentStart && t < options.incidentEnd;
  const diurnal = (t: number) => 1 + 0.3 * Math.sin((2 * Math.PI * t) / 86_400);
  const count = (ratePerSecond: number, t: number) => Math.max(0, Math.round(ratePerSecond * options.stepSeconds * diurnal(t) * (0.85 + 0.3 * random())));

  /** Write one counter series from per-step increments. */
  const counter = (name: string, labels: Labels, increments: number[]) => {
    series++;
    let total = 0;
    increments.forEach((inc, i) => {
      total += inc;
      out.sample(name, labels, total, times[i]!);
    });
  };

  const counterFamily = (name: string, help: string) => out.family(name.replace(/_total$/, ''), 'counter', help);

  // Requests and their latency share one traffic draw per route × model.
  const traffic = ROUTES.flatMap((route) => MODELS.map((model) => ({ route, model, n: times.map((t) => count(0.6, t)) })));
  counterFamily(METRIC.requests.name, METRIC.requests.help);
  for (const { route, model, n } of traffic) {
    const hit = route === ROUTES[0] && model === MODELS[0];
    const errors = n.map((x, i) => Math.round(x * (hit && inIncident(times[i]!) ? 0.08 : 0.004)));
    const degraded = n.map((x) => Math.round(x * 0.02));
    const base = { [LABEL.route]: route, [LABEL.model]: model, [LABEL.region]: REGION };
    counter(METRIC.requests.name, { ...base, [LABEL.outcome]: REQUEST_OUTCOME.ok }, n.map((x, i) => Math.max(0, x - errors[i]! - degraded[i]!)));
    counter(METRIC.requests.name, { ...base, [LABEL.outcome]: REQUEST_OUTCOME.degraded }, degraded);
    counter(METRIC.requests.name, { ...base, [LABEL.outcome]: REQUEST_OUTCOME.error }, errors);
  }

  const duration = METRIC.requestDuration.name;
  out.family(duration, 'histogram', METRIC.requestDuration.help);
  for (const { route, model, n } of traffic) {
    const base = { [LABEL.route]: route, [LABEL.model]: model, [LABEL.region]: REGION };
    const hit = route === ROUTES[0] && model === MODELS[0];
    const median = (t: number) => (hit && inIncident(t) ? 1.9 : route === ROUTES[0] ? 0.8 : 0.5);
    for (const le of [...REQUEST_DURATION_BUCKETS, Infinity]) {
      counter(`${duration}_bucket`, { ...base, le: le === Infinity ? '+Inf' : String(le) }, n.map((x, i) => (le === Infinity ? x : Math.round(x * logNormalCdf(le, median(times[i]!), 0.5)))));
    }
    let sum = 0;
    series++;
    n.forEach((x, i) => {
      sum += x * median(times[i]!) * 1.13;
      out.sample(`${duration}_sum`, base, Number(sum.toFixed(3)), times[i]!);
    });
    counter(`${duration}_count`, base, n);
  }

  counterFamily(METRIC.quantumJobs.name, METRIC.quantumJobs.help);
  const jobs = BACKENDS.map((b) => ({ ...b, n: times.map((t) => count(0.2, t)) }));
  // Whole jobs: the fractional part of the expected errors becomes one more error with that probability.
  const jobErrors = jobs.map((b) =>
    b.n.map((x) => {
      const expected = x * (1 - b.successRatio);
      return Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
    })
  );
  jobs.forEach((b, j) => {
    const base = { [LABEL.provider]: b.provider, [LABEL.backend]: b.backend };
    const cancelled = b.n.map((x) => (random() < 0.01 * x ? 1 : 0));
    counter(METRIC.quantumJobs.name, { ...base, [LABEL.outcome]: JOB_OUTCOME.success }, b.n.map((x, i) => Math.max(0, x - jobErrors[j]![i]! - cancelled[i]!)));
    counter(METRIC.quantumJobs.name, { ...base, [LABEL.outcome]: JOB_OUTCOME.error }, jobErrors[j]!);
    counter(METRIC.quantumJobs.name, { ...base, [LABEL.outcome]: JOB_OUTCOME.cancelled }, cancelled);
  });

  counterFamily(METRIC.quantumJobErrors.name, METRIC.quantumJobErrors.help);
  jobs.forEach((b, j) => {
    const base = { [LABEL.provider]: b.provider, [LABEL.backend]: b.backend };
    const hardware = jobErrors[j]!.map((x) => Math.round(x * 0.6));
    counter(METRIC.quantumJobErrors.name, { ...base, [LABEL.errorType]: QUANTUM_ERROR_TYPE.hardwareFailure }, hardware);
    counter(METRIC.quantumJobErrors.name, { ...base, [LABEL.errorType]: QUANTUM_ERROR_TYPE.timeout }, jobErrors[j]!.map((x, i) => x - hardware[i]!));
  });

  counterFamily(METRIC.quantumSpend.name, METRIC.quantumSpend.help);
  for (const b of jobs) {
    counter(METRIC.quantumSpend.name, { [LABEL.provider]: b.provider, [LABEL.backend]: b.backend }, b.n.map((x) => Number((x * b.usdPerJob).toFixed(2))));
  }

  out.family(METRIC.quantumQueueLength.name, 'gauge', METRIC.quantumQueueLength.help);
  for (const b of jobs) {
    series++;
    let queue = 5;
    for (const t of times) {
      queue = Math.max(0, Math.round(queue + (random() - 0.5) * 4 + (inIncident(t) && b.provider === QUANTUM_PROVIDER.braket ? 2 : 0)));
      out.sample(METRIC.quantumQueueLength.name, { [LABEL.provider]: b.provider, [LABEL.backend]: b.backend }, queue, t);
    }
  }

  counterFamily(METRIC.fallbacks.name, METRIC.fallbacks.help);
  counter(
    METRIC.fallbacks.name,
    { [LABEL.fromPath]: EXECUTION_PATH.qpu, [LABEL.toPath]: EXECUTION_PATH.simulator, [LABEL.reason]: QUANTUM_ERROR_TYPE.providerUnavailable, [LABEL.outcome]: FALLBACK_OUTCOME.success },
    times.map((t) => count(inIncident(t) ? 0.2 : 0.02, t))
  );

  counterFamily(METRIC.llmValidations.name, METRIC.llmValidations.help);
  for (const model of MODELS) {
    for (const [validator, failRatio] of [
      [VALIDATOR.schema, 0.004],
      [VALIDATOR.hallucination, 0.03],
    ] as const) {
      const n = times.map((t) => count(1.2, t));
      const fails = n.map((x) => Math.round(x * failRatio));
      const base = { [LABEL.model]: model, [LABEL.validator]: validator };
      counter(METRIC.llmValidations.name, { ...base, [LABEL.result]: VALIDATION_RESULT.pass }, n.map((x, i) => x - fails[i]!));
      counter(METRIC.llmValidations.name, { ...base, [LABEL.result]: VALIDATION_RESULT.fail }, fails);
    }
  }

  counterFamily(METRIC.orchestratorDecisions.name, METRIC.orchestratorDecisions.help);
  for (const [path, rate] of [
    [EXECUTION_PATH.qpu, 0.4],
    [EXECUTION_PATH.simulator, 0.2],
    [EXECUTION_PATH.classical, 0.1],
  ] as const) {
    counter(METRIC.orchestratorDecisions.name, { [LABEL.path]: path, [LABEL.reason]: 'policy' }, times.map((t) => count(rate, t)));
  }

  await out.close();
  return { samples: out.samples, series };
}
