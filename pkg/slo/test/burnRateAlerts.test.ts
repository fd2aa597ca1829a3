import {
  ALERT,
  BURN_RATE_TIERS,
  LABEL,
  LATENCY_SLO_THRESHOLD_SECONDS,
  METRIC,
  SLI_PLAYBOOK,
  SLO_SERIES,
  buildAppUrl,
  leMatcher,
  parseDuration,
  selector,
  sloBurnRateSeries,
  sloErrorRatioSeries,
} from '@hybridlens/conventions';
import { describeWithBinary } from '@hybridlens/testkit';
import {
  DEFAULT_GRAFANA_URL,
  type SloSpec,
  burnDescription,
  burnSummary,
  defaultSpecs,
  generateRuleFiles,
  sloRuleFileName,
} from '../src';
import { type ExpectedAlert, type PromtoolTestGroup, minutes, runPromtoolTests } from './support/promtoolTest';
import { type Faults, QPU_REQUEST_LABELS, jobSeries, latencySeries } from './support/rawSeries';
import { cumulative, encodeValues, labelsText, segments } from './support/series';
import { type Counts, type FiringTier, firingTiers, firstFiring, windowValue } from './support/sloModel';

const specs = defaultSpecs();
const latency = specs.find((s) => s.name === 'end-to-end-latency')!;
const qpuLatency = specs.find((s) => s.name === 'qpu-request-latency')!;
const ibm = specs.find((s) => s.name === 'quantum-job-success-ibm')!;

function rulesFor(...some: SloSpec[]) {
  const { files } = generateRuleFiles(some);
  const names = new Set(some.map(sloRuleFileName));
  return files.filter((f) => names.has(f.fileName));
}

function counts(totalPerMinute: number[], badPerMinute: number[]): Counts {
  return { total: cumulative(totalPerMinute), bad: cumulative(badPerMinute) };
}

/** What promtool must report at minute t: computed from the model, rendered with the generator's texts and the contract's URL builder. */
function expectedAlerts(spec: SloSpec, c: Counts, t: number): ExpectedAlert[] {
  return firingTiers(spec, c, t).map(({ tier, long, short }: FiringTier) => {
    const numbers = {
      longBurn: long.burn!.toFixed(2),
      shortBurn: short.burn!.toFixed(2),
      badEvents: long.bad.toFixed(0),
      totalEvents: long.total.toFixed(0),
    };
    const nowMs = t * 60 * 1000;
    return {
      exp_labels: {
        [LABEL.slo]: spec.name,
        [LABEL.severity]: tier.severity,
        [LABEL.tier]: tier.tier,
        [LABEL.sloService]: spec.service,
        [LABEL.sliType]: spec.sliType,
      },
      exp_annotations: {
        summary: burnSummary(spec, tier, numbers),
        description: burnDescription(spec, tier, numbers),
        runbook_url: buildAppUrl(
          {
            page: 'playbook',
            params: { playbook: spec.playbook ?? SLI_PLAYBOOK[spec.sliType] },
            query: { alertname: ALERT.sloBurnRate },
          },
          { baseUrl: DEFAULT_GRAFANA_URL }
        ),
        drilldown_url: buildAppUrl(
          {
            page: 'sloDetail',
            params: { slo: spec.name },
            time: { from: nowMs - parseDuration(tier.longWindow)!, to: nowMs },
            variables: spec.scope,
            query: { alertname: ALERT.sloBurnRate },
          },
          { baseUrl: DEFAULT_GRAFANA_URL }
        ),
      },
    };
  });
}

function alertChecks(spec: SloSpec, c: Counts, times: number[]): PromtoolTestGroup['alert_rule_test'] {
  return [...new Set(times)]
    .sort((a, b) => a - b)
    .map((t) => ({ eval_time: minutes(t), alertname: ALERT.sloBurnRate, exp_alerts: expectedAlerts(spec, c, t) }));
}

function valueChecks(spec: SloSpec, c: Counts, t: number): PromtoolTestGroup['promql_expr_test'] {
  const sel = (series: string) => `{__name__="${series}", slo="${spec.name}"}`;
  const w1h = windowValue(spec, c, t, '1h');
  const w30d = windowValue(spec, c, t, '30d');
  return [
    {
      expr: `${sloBurnRateSeries('1h')}{slo="${spec.name}"}`,
      eval_time: minutes(t),
      exp_samples: [{ labels: sel(sloBurnRateSeries('1h')), value: w1h.burn! }],
    },
    {
      expr: `${sloErrorRatioSeries('30d')}{slo="${spec.name}"}`,
      eval_time: minutes(t),
      exp_samples: [{ labels: sel(sloErrorRatioSeries('30d')), value: w30d.ratio! }],
    },
    {
      expr: `${SLO_SERIES.errorBudgetRemaining}{slo="${spec.name}"}`,
      eval_time: minutes(t),
      exp_samples: [{ labels: sel(SLO_SERIES.errorBudgetRemaining), value: 1 - w30d.burn! }],
    },
  ];
}

const every = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describeWithBinary('promtool', 'apt-get install prometheus', 'SLO burn-rate alerts under promtool test rules', () => {
  it('stay silent on healthy traffic, and the recorded burn rate and budget match the raw counts', () => {
    const c = counts(segments([[360, 200]]), segments([[360, 1]]));
    expect(firingTiers(latency, c, 360)).toEqual([]);
    runPromtoolTests(rulesFor(latency), [
      {
        name: 'healthy',
        interval: '1m',
        input_series: latencySeries(c),
        alert_rule_test: alertChecks(latency, c, every(30, 360, 30)),
        promql_expr_test: valueChecks(latency, c, 360),
      },
    ]);
  });

  it('page on a fast burn at the first evaluation where both windows cross 14.4x, and again on 6x', () => {
    const c = counts(
      segments([[360, 200]]),
      segments([
        [180, 1],
        [180, 60],
      ])
    );
    const pageFast = firstFiring(latency, c, 'page-fast', 180, 360)!;
    const pageSlow = firstFiring(latency, c, 'page-slow', 180, 360)!;
    expect(pageFast).toBeGreaterThan(180);
    expect(pageSlow).toBeGreaterThan(180);
    runPromtoolTests(rulesFor(latency), [
      {
        name: 'fast burn',
        interval: '1m',
        input_series: latencySeries(c),
        alert_rule_test: alertChecks(latency, c, [179, pageFast - 1, pageFast, pageSlow - 1, pageSlow, 300, 360]),
        promql_expr_test: valueChecks(latency, c, 360),
      },
    ]);
  });

  it('open tickets on a slow burn (3x over 1d and 2h, 1x over 3d and 6h), never a page', () => {
    const c = counts(
      segments([[600, 200]]),
      segments([
        [120, 1],
        [480, 8],
      ])
    );
    const ticketSlow = firstFiring(latency, c, 'ticket-slow', 120, 600)!;
    const ticketFast = firstFiring(latency, c, 'ticket-fast', 120, 600)!;
    expect(ticketSlow).toBeDefined();
    expect(ticketFast).toBeDefined();
    expect(firstFiring(latency, c, 'page-fast', 0, 600)).toBeUndefined();
    expect(firstFiring(latency, c, 'page-slow', 0, 600)).toBeUndefined();
    runPromtoolTests(rulesFor(latency), [
      {
        name: 'slow burn',
        interval: '1m',
        input_series: latencySeries(c),
        alert_rule_test: alertChecks(latency, c, [ticketSlow - 1, ticketSlow, ticketFast - 1, ticketFast, 600]),
        promql_expr_test: valueChecks(latency, c, 600),
      },
    ]);
  });

  it('stay silent on low traffic with one failed QPU job, which would page without the guard', () => {
    const jobsPerMinute = Array.from({ length: 480 }, (_, m) => (m % 60 === 30 ? 1 : 0));
    const failedPerMinute = Array.from({ length: 480 }, (_, m) => (m === 270 ? 1 : 0));
    const c = counts(jobsPerMinute, failedPerMinute);
    const unguarded: SloSpec = { ...ibm, minBadEvents: 1 };
    const checks = [...every(265, 300, 1), ...every(300, 480, 30)];
    expect(checks.some((t) => firingTiers(unguarded, c, t).length > 0)).toBe(true);
    expect(checks.every((t) => firingTiers(ibm, c, t).length === 0)).toBe(true);
    const input = jobSeries(c, 'ibm', 'ibm_sherbrooke');
    runPromtoolTests(rulesFor(ibm), [
      { name: 'one failed job', interval: '1m', input_series: input, alert_rule_test: alertChecks(ibm, c, checks) },
    ]);
    // The same history with the guard set to one bad event pages: the guard is what keeps it quiet.
    runPromtoolTests(rulesFor(unguarded), [
      {
        name: 'one failed job, no guard',
        interval: '1m',
        input_series: input,
        alert_rule_test: alertChecks(unguarded, c, checks),
      },
    ]);
  });

  it('stay silent across a counter reset, and read the Prometheus 3 bucket label le="2.0"', () => {
    const c = counts(segments([[360, 200]]), segments([[360, 1]]));
    const faults: Faults = { resetAt: 200 };
    runPromtoolTests(rulesFor(latency), [
      {
        name: 'counter reset',
        interval: '1m',
        input_series: latencySeries(c, '2.0', faults),
        alert_rule_test: alertChecks(latency, c, [...every(195, 215, 1), 240, 360]),
        promql_expr_test: [...valueChecks(latency, c, 240)!, ...valueChecks(latency, c, 360)!],
      },
    ]);
  });

  it('keep NaN and +Inf samples out of every window', () => {
    const c = counts(segments([[360, 200]]), segments([[360, 1]]));
    const faults: Faults = { totalSample: { 100: 'NaN' }, goodSample: { 200: '+Inf' } };
    // A dropped 5-minute slot leaves the ratio of constant traffic unchanged, so the model's values still hold.
    runPromtoolTests(rulesFor(latency), [
      {
        name: 'NaN and +Inf',
        interval: '1m',
        input_series: latencySeries(c, '2', faults),
        alert_rule_test: alertChecks(latency, c, [...every(95, 110, 1), ...every(195, 210, 1), 360]),
        promql_expr_test: [...valueChecks(latency, c, 240)!, ...valueChecks(latency, c, 360)!],
      },
    ]);
  });

  it('scope latency by workload: slow QPU-backed requests burn only the QPU SLO, which they would page without the scope', () => {
    const n = 360;
    // Low-latency paths: healthy. QPU path: every request over 2 s, and from minute 180 most of them over 60 s.
    const low = counts(segments([[n, 200]]), segments([[n, 1]]));
    const qpu = counts(
      segments([[n, 10]]),
      segments([
        [180, 0],
        [180, 8],
      ])
    );
    const h = METRIC.requestDuration.name;
    const nothingUnder2s = {
      series: labelsText(`${h}_bucket`, { ...QPU_REQUEST_LABELS, le: '2' }),
      values: encodeValues(qpu.total.map(() => 0)),
    };
    const input = [...latencySeries(low), ...latencySeries(qpu, '60', {}, QPU_REQUEST_LABELS, '120'), nothingUnder2s];
    // Without the path scope the 2 s SLO would count every QPU request as slow: it pages.
    const unscoped: SloSpec = {
      ...latency,
      sli: { total: `${h}_count`, good: selector(`${h}_bucket`, [leMatcher(LATENCY_SLO_THRESHOLD_SECONDS)]) },
    };
    const everything = counts(segments([[n, 210]]), segments([[n, 11]]));
    const checks = [...every(30, n, 30), ...every(181, 200, 1)];
    expect(checks.some((t) => firingTiers(unscoped, everything, t).length > 0)).toBe(true);
    expect(checks.every((t) => firingTiers(latency, low, t).length === 0)).toBe(true);
    const qpuPage = firstFiring(qpuLatency, qpu, 'page-fast', 180, n)!;
    expect(qpuPage).toBeGreaterThan(180);
    const both = (t: number) => [...expectedAlerts(latency, low, t), ...expectedAlerts(qpuLatency, qpu, t)];
    runPromtoolTests(rulesFor(latency, qpuLatency), [
      {
        name: 'latency by workload',
        interval: '1m',
        input_series: input,
        alert_rule_test: [...new Set([...checks, qpuPage - 1, qpuPage])]
          .sort((a, b) => a - b)
          .map((t) => ({ eval_time: minutes(t), alertname: ALERT.sloBurnRate, exp_alerts: both(t) })),
        promql_expr_test: [...valueChecks(latency, low, n)!, ...valueChecks(qpuLatency, qpu, n)!],
      },
    ]);
    runPromtoolTests(rulesFor(unscoped), [
      {
        name: 'latency without the scope',
        interval: '1m',
        input_series: input,
        alert_rule_test: alertChecks(unscoped, everything, checks),
      },
    ]);
  });

  it('covers every tier of the contract', () => {
    expect(BURN_RATE_TIERS.map((t) => t.tier)).toEqual(['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow']);
  });
});
