import {
  ALERT,
  ALERT_PLAYBOOK,
  ALERT_SEVERITY,
  CALIBRATION_METRIC,
  JOB_OUTCOME,
  LABEL,
  METRIC,
  QUANTUM_ERROR_TYPE,
  QUANTUM_PHASE,
  REQUEST_OUTCOME,
  VALIDATION_RESULT,
  VALIDATOR,
  WORKLOAD_PATHS,
  type AppLink,
  buildAppUrl,
  parseDuration,
} from '@hybridlens/conventions';
import { describeWithBinary } from '@hybridlens/testkit';
import { DEFAULT_GRAFANA_URL, OPS_RULE_FILE, OPS_TEXT, OPS_THRESHOLDS, defaultSpecs, generateRuleFiles } from '../src';
import { type ExpectedAlert, type PromtoolTestGroup, minutes, runPromtoolTests } from './support/promtoolTest';
import { firstFiringFor, histogramQuantile, inc } from './support/opsModel';
import { QPU_REQUEST_LABELS, REQUEST_LABELS } from './support/rawSeries';
import { type Sample, cumulative, encodeValues, labelsText } from './support/series';

const opsFile = generateRuleFiles(defaultSpecs()).files.filter((f) => f.fileName === OPS_RULE_FILE);
const perMinute = (n: number, f: (m: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1));
const series = (metric: string, labels: Record<string, string>, values: readonly Sample[]) => ({
  series: labelsText(metric, labels),
  values: encodeValues(values),
});
const gauge = (n: number, f: (m: number) => number) => Array.from({ length: n + 1 }, (_, m) => f(m));

function links(
  alert: keyof typeof ALERT_PLAYBOOK,
  drill: Omit<AppLink, 'time' | 'query'>,
  t: number,
  lookbackSeconds: number
) {
  const now = t * 60_000;
  return {
    runbook_url: buildAppUrl(
      { page: 'playbook', params: { playbook: ALERT_PLAYBOOK[alert] }, query: { alertname: alert } },
      { baseUrl: DEFAULT_GRAFANA_URL }
    ),
    drilldown_url: buildAppUrl(
      { ...drill, time: { from: now - lookbackSeconds * 1000, to: now }, query: { alertname: alert } },
      { baseUrl: DEFAULT_GRAFANA_URL }
    ),
  };
}

function checks(
  alertname: string,
  expected: ReadonlyArray<[number, ExpectedAlert[]]>
): NonNullable<PromtoolTestGroup['alert_rule_test']> {
  return expected.map(([t, exp_alerts]) => ({ eval_time: minutes(t), alertname, exp_alerts }));
}

type Bucketed = Array<{ le: number; perMinute: (m: number) => number }>;
/** Cumulative histogram bucket series from per-minute observations per bucket (non-cumulative). */
function histogram(metric: string, labels: Record<string, string>, n: number, buckets: Bucketed) {
  const perBucket = buckets.map((b) => cumulative(perMinute(n, b.perMinute)));
  const cum = perBucket.map((_, i) =>
    perBucket[0]!.map((__, m) => perBucket.slice(0, i + 1).reduce((s, c) => s + c[m]!, 0))
  );
  const le = (x: number) => (x === Infinity ? '+Inf' : String(x));
  return {
    input: cum.map((c, i) => series(`${metric}_bucket`, { ...labels, le: le(buckets[i]!.le) }, c)),
    quantile: (q: number, t: number, w: number) =>
      histogramQuantile(
        q,
        cum.map((c, i) => ({ le: buckets[i]!.le, count: inc(c, t, w) }))
      ),
    /** Observations over `le` in the `w` minutes before `t` (`le` must be one of the buckets). */
    over: (le: number, t: number, w: number) =>
      inc(cum[cum.length - 1]!, t, w) - inc(cum[buckets.findIndex((b) => b.le === le)]!, t, w),
  };
}

describeWithBinary('promtool', 'apt-get install prometheus', 'ops guide alerts under promtool test rules', () => {
  it('P0 end-to-end error rate: > 5% over 5m and rising for 3 minutes, quiet once it plateaus', () => {
    const n = 70;
    const ok = cumulative(perMinute(n, () => 100));
    const err = cumulative(perMinute(n, (m) => (m <= 20 ? 1 : m <= 40 ? 1 + 3 * (m - 20) : 61)));
    const r5 = (t: number) => inc(err, t, 5) / (inc(err, t, 5) + inc(ok, t, 5));
    const cond = (t: number) =>
      r5(t) > OPS_THRESHOLDS.endToEndErrorRatio &&
      r5(t) > r5(t - 1) &&
      inc(err, t, 5) >= OPS_THRESHOLDS.endToEndMinErrors;
    const f = firstFiringFor(cond, 3, 10, n)!;
    expect(f).toBeGreaterThan(20);
    const text = OPS_TEXT.endToEnd({ ratioPct: (100 * r5(f)).toFixed(1), errors: inc(err, f, 5).toFixed(0) });
    runPromtoolTests(opsFile, [
      {
        name: 'e2e errors',
        interval: '1m',
        input_series: [
          series(METRIC.requests.name, { ...REQUEST_LABELS, [LABEL.outcome]: REQUEST_OUTCOME.ok }, ok),
          series(METRIC.requests.name, { ...REQUEST_LABELS, [LABEL.outcome]: REQUEST_OUTCOME.error }, err),
        ],
        alert_rule_test: checks(ALERT.endToEndErrorRate, [
          [f - 1, []],
          [
            f,
            [
              {
                exp_labels: { severity: 'P0' },
                exp_annotations: {
                  ...text,
                  ...links(ALERT.endToEndErrorRate, { page: 'lifecycle' }, f, 3600),
                },
              },
            ],
          ],
          [65, []],
        ]),
      },
    ]);
  });

  it('P0 hardware failures: > 1% of jobs in 10 minutes on one backend; one failure elsewhere stays quiet', () => {
    const n = 50;
    const p = { [LABEL.provider]: 'ibm' };
    const failing = { ...p, [LABEL.backend]: 'ibm_sherbrooke' };
    const single = { ...p, [LABEL.backend]: 'ibm_brisbane' };
    const ok = cumulative(perMinute(n, () => 20));
    const bad = cumulative(perMinute(n, (m) => (m > 30 ? 1 : 0)));
    const one = cumulative(perMinute(n, (m) => (m === 35 ? 1 : 0)));
    const ratio = (t: number) => (100 * inc(bad, t, 10)) / (inc(bad, t, 10) + inc(ok, t, 10));
    const f = firstFiringFor((t) => ratio(t) > 1 && inc(bad, t, 10) >= OPS_THRESHOLDS.hardwareMinFailures, 0, 1, n)!;
    const jobs = METRIC.quantumJobs.name;
    const errors = METRIC.quantumJobErrors.name;
    const hw = { [LABEL.errorType]: QUANTUM_ERROR_TYPE.hardwareFailure };
    const text = OPS_TEXT.hardware({
      provider: 'ibm',
      backend: 'ibm_sherbrooke',
      ratioPct: ratio(f).toFixed(1),
      failures: inc(bad, f, 10).toFixed(0),
    });
    const drill: Omit<AppLink, 'time' | 'query'> = {
      page: 'providerDetail',
      params: { provider: 'ibm', backend: 'ibm_sherbrooke' },
    };
    runPromtoolTests(opsFile, [
      {
        name: 'hardware failures',
        interval: '1m',
        input_series: [
          series(jobs, { ...failing, [LABEL.outcome]: JOB_OUTCOME.success }, ok),
          series(jobs, { ...failing, [LABEL.outcome]: JOB_OUTCOME.error }, bad),
          series(errors, { ...failing, ...hw }, bad),
          series(jobs, { ...single, [LABEL.outcome]: JOB_OUTCOME.success }, ok),
          series(jobs, { ...single, [LABEL.outcome]: JOB_OUTCOME.error }, one),
          series(errors, { ...single, ...hw }, one),
        ],
        alert_rule_test: checks(ALERT.quantumHardwareFailures, [
          [f - 1, []],
          [
            f,
            [
              {
                exp_labels: { severity: 'P0', ...failing },
                exp_annotations: {
                  ...text,
                  ...links(ALERT.quantumHardwareFailures, drill, f, 3600),
                },
              },
            ],
          ],
        ]),
      },
    ]);
  });

  it('P0 backlog: queue over its critical length and growing, with enqueue P95 over target', () => {
    const n = 50;
    const where = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_brisbane' };
    const queue = gauge(n, (m) => (m <= 30 ? 10 : 10 + 5 * (m - 30)));
    const slow = (m: number) => m > 30;
    const h = histogram(METRIC.quantumJobDuration.name, { ...where, [LABEL.phase]: QUANTUM_PHASE.enqueue }, n, [
      { le: 0.5, perMinute: (m) => (slow(m) ? 0 : 10) },
      { le: 1, perMinute: () => 0 },
      { le: 2, perMinute: () => 0 },
      { le: 5, perMinute: (m) => (slow(m) ? 10 : 0) },
      { le: Infinity, perMinute: () => 0 },
    ]);
    const cond = (t: number) =>
      queue[t]! > OPS_THRESHOLDS.queueLengthCritical &&
      queue[t]! - queue[t - 10]! > 0 &&
      h.quantile(0.95, t, 5) > OPS_THRESHOLDS.enqueueP95Seconds &&
      h.over(OPS_THRESHOLDS.enqueueP95Seconds, t, 5) >= OPS_THRESHOLDS.enqueueSlowMinJobs;
    const f = firstFiringFor(cond, 0, 10, n)!;
    const text = OPS_TEXT.backlog({
      provider: 'ibm',
      backend: 'ibm_brisbane',
      queue: queue[f]!.toFixed(0),
      p95: h.quantile(0.95, f, 5).toFixed(2),
    });
    runPromtoolTests(opsFile, [
      {
        name: 'backlog',
        interval: '1m',
        input_series: [series(METRIC.quantumQueueLength.name, where, queue), ...h.input],
        alert_rule_test: checks(ALERT.quantumBacklogCritical, [
          [f - 1, []],
          [
            f,
            [
              {
                exp_labels: { severity: 'P0', ...where },
                exp_annotations: {
                  ...text,
                  ...links(ALERT.quantumBacklogCritical, { page: 'providerDetail', params: where }, f, 3600),
                },
              },
            ],
          ],
        ]),
      },
    ]);
  });

  it('P0 backlog stays silent when a P95 over target is one slow enqueue at a quiet hour', () => {
    const n = 40;
    const where = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_sherbrooke' };
    // A public queue just over the critical length and creeping up, one enqueue a minute, one of them slow.
    const queue = gauge(n, (m) => 51 + m);
    const h = histogram(METRIC.quantumJobDuration.name, { ...where, [LABEL.phase]: QUANTUM_PHASE.enqueue }, n, [
      { le: 0.5, perMinute: (m) => (m === 20 ? 0 : 1) },
      { le: 1, perMinute: () => 0 },
      { le: 2, perMinute: (m) => (m === 20 ? 1 : 0) },
      { le: Infinity, perMinute: () => 0 },
    ]);
    // The rule's other conditions hold around the slow enqueue: only the count of slow enqueues keeps it quiet.
    for (const t of [21, 22, 24]) {
      expect(h.quantile(0.95, t, 5)).toBeGreaterThan(OPS_THRESHOLDS.enqueueP95Seconds);
      expect(h.over(OPS_THRESHOLDS.enqueueP95Seconds, t, 5)).toBeLessThan(OPS_THRESHOLDS.enqueueSlowMinJobs);
    }
    runPromtoolTests(opsFile, [
      {
        name: 'one slow enqueue',
        interval: '1m',
        input_series: [series(METRIC.quantumQueueLength.name, where, queue), ...h.input],
        alert_rule_test: checks(
          ALERT.quantumBacklogCritical,
          [15, 21, 22, 23, 24, 26, 30].map((t) => [t, []] as [number, ExpectedAlert[]])
        ),
      },
    ]);
  });

  it('P1 hallucination rate over threshold for 30 minutes (schema verdicts do not count)', () => {
    const n = 80;
    const model = { [LABEL.model]: 'gpt-test' };
    const pass = cumulative(perMinute(n, () => 50));
    const fail = cumulative(perMinute(n, (m) => (m > 20 ? 5 : 0)));
    const ratio = (t: number) => (100 * inc(fail, t, 10)) / (inc(fail, t, 10) + inc(pass, t, 10));
    const f = firstFiringFor(
      (t) =>
        ratio(t) > OPS_THRESHOLDS.hallucinationRatio * 100 &&
        inc(fail, t, 10) >= OPS_THRESHOLDS.hallucinationMinFailures,
      30,
      31,
      n
    )!;
    const v = METRIC.llmValidations.name;
    const text = OPS_TEXT.hallucination({ model: 'gpt-test', ratioPct: ratio(f).toFixed(1) });
    runPromtoolTests(opsFile, [
      {
        name: 'hallucination',
        interval: '1m',
        input_series: [
          series(
            v,
            { ...model, [LABEL.validator]: VALIDATOR.hallucination, [LABEL.result]: VALIDATION_RESULT.pass },
            pass
          ),
          series(
            v,
            { ...model, [LABEL.validator]: VALIDATOR.hallucination, [LABEL.result]: VALIDATION_RESULT.fail },
            fail
          ),
          series(v, { ...model, [LABEL.validator]: VALIDATOR.schema, [LABEL.result]: VALIDATION_RESULT.pass }, pass),
        ],
        alert_rule_test: checks(ALERT.llmHallucinationRate, [
          [f - 1, []],
          [
            f,
            [
              {
                exp_labels: { severity: 'P1', ...model },
                exp_annotations: {
                  ...text,
                  ...links(
                    ALERT.llmHallucinationRate,
                    { page: 'llmQuality', variables: { model: 'gpt-test' } },
                    f,
                    7200
                  ),
                },
              },
            ],
          ],
        ]),
      },
    ]);
  });

  it('P1 end-to-end P95 of the low-latency paths over the latency SLO for 15 minutes; QPU queueing does not count', () => {
    const n = 60;
    const route = { [LABEL.route]: '/v1/solve' };
    const slow = (m: number) => m > 20;
    const h = histogram(METRIC.requestDuration.name, { ...REQUEST_LABELS }, n, [
      { le: 0.5, perMinute: () => 0 },
      { le: 1, perMinute: (m) => (slow(m) ? 0 : 100) },
      { le: 2, perMinute: () => 0 },
      { le: 3, perMinute: (m) => (slow(m) ? 100 : 0) },
      { le: Infinity, perMinute: () => 0 },
    ]);
    // As many requests of the same route wait 30 s for a QPU: over all paths the P95 would be over 2 s from the start.
    const qpu = histogram(METRIC.requestDuration.name, { ...QPU_REQUEST_LABELS }, n, [
      { le: 0.5, perMinute: () => 0 },
      { le: 1, perMinute: () => 0 },
      { le: 2, perMinute: () => 0 },
      { le: 3, perMinute: () => 0 },
      { le: 30, perMinute: () => 100 },
      { le: Infinity, perMinute: () => 0 },
    ]);
    expect(qpu.quantile(0.5, 10, 5)).toBeGreaterThan(OPS_THRESHOLDS.latencyP95Seconds);
    const f = firstFiringFor((t) => h.quantile(0.95, t, 5) > OPS_THRESHOLDS.latencyP95Seconds, 15, 21, n)!;
    expect(f).toBeGreaterThanOrEqual(35);
    const text = OPS_TEXT.latency({ route: '/v1/solve', p95: h.quantile(0.95, f, 5).toFixed(2) });
    runPromtoolTests(opsFile, [
      {
        name: 'latency p95',
        interval: '1m',
        input_series: [...h.input, ...qpu.input],
        alert_rule_test: checks(ALERT.latencyP95OverSlo, [
          [20, []],
          [f - 1, []],
          [
            f,
            [
              {
                exp_labels: { severity: 'P1', ...route },
                exp_annotations: {
                  ...text,
                  ...links(
                    ALERT.latencyP95OverSlo,
                    { page: 'lifecycle', variables: { route: '/v1/solve', path: WORKLOAD_PATHS.lowLatency } },
                    f,
                    3600
                  ),
                },
              },
            ],
          ],
        ]),
      },
    ]);
  });

  it('P0 provider-reported outage: the status API says a backend is down for 5 minutes; a short blip stays quiet', () => {
    const n = 60;
    const down = { [LABEL.provider]: 'braket', [LABEL.backend]: 'Ankaa-3' };
    const blip = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_torino' };
    const up = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_kingston' };
    const from = 20;
    const available = gauge(n, (m) => (m >= from && m < 50 ? 0 : 1));
    const blipping = gauge(n, (m) => (m >= 30 && m < 33 ? 0 : 1));
    const forMinutes = parseDuration(OPS_THRESHOLDS.providerOutageFor)! / 60_000;
    const f = firstFiringFor((t) => available[t] === 0, forMinutes, 0, n)!;
    expect(f).toBe(from + forMinutes);
    expect(firstFiringFor((t) => blipping[t] === 0, forMinutes, 0, n)).toBeUndefined();
    const firing = (t: number): ExpectedAlert[] => [
      {
        exp_labels: { severity: ALERT_SEVERITY.p0, ...down },
        exp_annotations: {
          ...OPS_TEXT.providerOutage({ provider: 'braket', backend: 'Ankaa-3' }),
          ...links(ALERT.providerOutageReported, { page: 'providerDetail', params: down }, t, 3600),
        },
      },
    ];
    runPromtoolTests(opsFile, [
      {
        name: 'provider outage',
        interval: '1m',
        input_series: [
          series(METRIC.providerAvailable.name, down, available),
          series(METRIC.providerAvailable.name, blip, blipping),
          series(
            METRIC.providerAvailable.name,
            up,
            gauge(n, () => 1)
          ),
        ],
        alert_rule_test: checks(ALERT.providerOutageReported, [
          [from - 1, []],
          [f - 1, []],
          [f, firing(f)],
          [40, firing(40)],
          [49, firing(49)],
          [50, []],
          [59, []],
        ]),
      },
    ]);
  });

  it('P2 provider rate-limit warnings while 429s were seen in the last 10 minutes', () => {
    const n = 60;
    const limited = cumulative(perMinute(n, (m) => (m === 40 ? 2 : 0)));
    const text = OPS_TEXT.rateLimited({ provider: 'braket', count: '2' });
    runPromtoolTests(opsFile, [
      {
        name: 'rate limited',
        interval: '1m',
        input_series: [
          series(METRIC.providerRateLimited.name, { [LABEL.provider]: 'braket' }, limited),
          series(
            METRIC.providerRateLimited.name,
            { [LABEL.provider]: 'ibm' },
            gauge(n, () => 0)
          ),
        ],
        alert_rule_test: checks(ALERT.providerRateLimited, [
          [39, []],
          [
            40,
            [
              {
                exp_labels: { severity: 'P2', [LABEL.provider]: 'braket' },
                exp_annotations: {
                  ...text,
                  ...links(
                    ALERT.providerRateLimited,
                    { page: 'providers', variables: { provider: 'braket' } },
                    40,
                    3600
                  ),
                },
              },
            ],
          ],
          [50, []],
        ]),
      },
    ]);
  });

  it('P2 calibration drift: median 2-qubit error above 1.5x, or median T1 below 0.7x, its 24h average', () => {
    const n = 1450;
    const where = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_torino' };
    const steady = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_kyiv' };
    const twoQ = gauge(n, (m) => (m <= 1440 ? 0.008 : 0.02));
    const t1 = gauge(n, () => 0.0001);
    const avg = (g: number[], t: number) => g.slice(t - 1440, t + 1).reduce((s, x) => s + x, 0) / 1441;
    const f = 1441;
    expect(twoQ[f]! > OPS_THRESHOLDS.twoQubitErrorRise * avg(twoQ, f)).toBe(true);
    const text = OPS_TEXT.calibration({
      provider: 'ibm',
      backend: 'ibm_torino',
      twoQ: twoQ[f]!.toFixed(4),
      twoQAvg: avg(twoQ, f).toFixed(4),
      t1: t1[f]!.toFixed(6),
      t1Avg: avg(t1, f).toFixed(6),
    });
    // A second backend whose median T1 falls to 60% of its average: the other half of the condition.
    const t1Drop = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_fez' };
    const t1Falling = gauge(n, (m) => (m <= 1440 ? 0.0002 : 0.00012));
    const twoQSteady = gauge(n, () => 0.009);
    expect(t1Falling[f]! < OPS_THRESHOLDS.t1Drop * avg(t1Falling, f)).toBe(true);
    const t1Text = OPS_TEXT.calibration({
      provider: 'ibm',
      backend: 'ibm_fez',
      twoQ: twoQSteady[f]!.toFixed(4),
      twoQAvg: avg(twoQSteady, f).toFixed(4),
      t1: t1Falling[f]!.toFixed(6),
      t1Avg: avg(t1Falling, f).toFixed(6),
    });
    const drill = (labels: Record<string, string>) =>
      links(ALERT.calibrationDrift, { page: 'providerDetail', params: labels }, f, 86400);
    runPromtoolTests(opsFile, [
      {
        name: 'calibration drift',
        interval: '1m',
        input_series: [
          series(CALIBRATION_METRIC.median2qError.name, where, twoQ),
          series(CALIBRATION_METRIC.medianT1.name, where, t1),
          series(CALIBRATION_METRIC.median2qError.name, steady, twoQSteady),
          series(CALIBRATION_METRIC.medianT1.name, steady, t1),
          series(CALIBRATION_METRIC.median2qError.name, t1Drop, twoQSteady),
          series(CALIBRATION_METRIC.medianT1.name, t1Drop, t1Falling),
        ],
        alert_rule_test: checks(ALERT.calibrationDrift, [
          [1440, []],
          [
            f,
            [
              { exp_labels: { severity: 'P2', ...t1Drop }, exp_annotations: { ...t1Text, ...drill(t1Drop) } },
              { exp_labels: { severity: 'P2', ...where }, exp_annotations: { ...text, ...drill(where) } },
            ],
          ],
        ]),
      },
    ]);
  });

  it('every ops alert stays silent on healthy traffic with a counter reset and a NaN sample', () => {
    const n = 120;
    const where = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_sherbrooke' };
    const restart = (cum: number[]): Sample[] => cum.map((v, m) => (m >= 60 ? v - cum[59]! : v));
    const ok: Sample[] = restart(cumulative(perMinute(n, () => 100)));
    ok[90] = 'NaN';
    const err = restart(cumulative(perMinute(n, () => 1)));
    const fast = histogram(METRIC.requestDuration.name, { ...REQUEST_LABELS }, n, [
      { le: 1, perMinute: () => 100 },
      { le: Infinity, perMinute: () => 0 },
    ]);
    // QPU-backed requests take 30 s: healthy for their workload, and no reason for the latency alert.
    const slowQpu = histogram(METRIC.requestDuration.name, { ...QPU_REQUEST_LABELS }, n, [
      { le: 30, perMinute: () => 100 },
      { le: Infinity, perMinute: () => 0 },
    ]);
    const enqueue = histogram(METRIC.quantumJobDuration.name, { ...where, [LABEL.phase]: QUANTUM_PHASE.enqueue }, n, [
      { le: 0.5, perMinute: () => 10 },
      { le: Infinity, perMinute: () => 0 },
    ]);
    const v = METRIC.llmValidations.name;
    const times = [10, 30, 59, 60, 61, 62, 65, 89, 90, 91, 95, 120];
    const quiet = Object.values(ALERT)
      .filter((a) => a !== ALERT.sloBurnRate)
      .flatMap((alertname) =>
        checks(
          alertname,
          times.map((t) => [t, []] as [number, ExpectedAlert[]])
        )
      );
    runPromtoolTests(opsFile, [
      {
        name: 'healthy',
        interval: '1m',
        input_series: [
          series(METRIC.requests.name, { ...REQUEST_LABELS, [LABEL.outcome]: REQUEST_OUTCOME.ok }, ok),
          series(METRIC.requests.name, { ...REQUEST_LABELS, [LABEL.outcome]: REQUEST_OUTCOME.error }, err),
          ...fast.input,
          ...enqueue.input,
          series(
            METRIC.quantumJobs.name,
            { ...where, [LABEL.outcome]: JOB_OUTCOME.success },
            restart(cumulative(perMinute(n, () => 20)))
          ),
          series(
            METRIC.quantumJobErrors.name,
            { ...where, [LABEL.errorType]: QUANTUM_ERROR_TYPE.hardwareFailure },
            gauge(n, () => 0)
          ),
          series(
            METRIC.quantumQueueLength.name,
            where,
            gauge(n, () => 5)
          ),
          series(
            v,
            {
              [LABEL.model]: 'gpt-test',
              [LABEL.validator]: VALIDATOR.hallucination,
              [LABEL.result]: VALIDATION_RESULT.pass,
            },
            cumulative(perMinute(n, () => 50))
          ),
          series(
            v,
            {
              [LABEL.model]: 'gpt-test',
              [LABEL.validator]: VALIDATOR.hallucination,
              [LABEL.result]: VALIDATION_RESULT.fail,
            },
            gauge(n, () => 0)
          ),
          series(
            METRIC.providerRateLimited.name,
            { [LABEL.provider]: 'ibm' },
            gauge(n, () => 0)
          ),
          series(
            METRIC.providerAvailable.name,
            where,
            gauge(n, () => 1)
          ),
          ...slowQpu.input,
          series(
            CALIBRATION_METRIC.median2qError.name,
            where,
            gauge(n, () => 0.008)
          ),
          series(
            CALIBRATION_METRIC.medianT1.name,
            where,
            gauge(n, () => 0.0001)
          ),
        ],
        alert_rule_test: quiet,
      },
    ]);
  });
});
