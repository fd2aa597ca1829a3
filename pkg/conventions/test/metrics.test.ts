import { execFileSync, spawnSync } from 'node:child_process';
import {
  ALL_METRICS,
  HIGH_CARDINALITY_LABELS,
  LATENCY_SLO_THRESHOLD_SECONDS,
  METRIC,
  exposedSeriesNames,
  metricForSeries,
  type MetricDef,
} from '../src';

const PROM_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const PROM_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function promtoolPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** A text exposition with one sample per series of every contract metric. */
function exposition(metrics: readonly MetricDef[]): string {
  const lines: string[] = [];
  for (const metric of metrics) {
    const labels = metric.labels.map((label) => `${label}="x"`).join(',');
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    if (metric.type === 'histogram') {
      const sep = labels ? ',' : '';
      for (const le of [...(metric.buckets ?? []), '+Inf']) {
        lines.push(`${metric.name}_bucket{${labels}${sep}le="${le}"} 1`);
      }
      lines.push(`${metric.name}_sum{${labels}} 1`, `${metric.name}_count{${labels}} 1`);
    } else {
      lines.push(`${metric.name}{${labels}} 1`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('contract metrics', () => {
  it.each(ALL_METRICS.map((m) => [m.name, m] as const))('%s follows Prometheus naming rules', (_name, metric) => {
    expect(metric.name).toMatch(PROM_NAME);
    expect(metric.name).not.toMatch(/_(ms|milliseconds|minutes|hours|percent|bytes_total_total)$/);
    if (metric.type === 'counter') {
      expect(metric.name).toMatch(/_total$/);
    } else {
      expect(metric.name).not.toMatch(/_total$/);
    }
    if (metric.unit === 'seconds') {
      expect(metric.name).toMatch(/_seconds(_total)?$/);
    }
    if (metric.unit === 'ratio') {
      expect(metric.name).toMatch(/_(ratio|score)$/);
    }
    for (const label of metric.labels) {
      expect(label).toMatch(PROM_LABEL);
      expect(label).not.toBe('le');
      expect(HIGH_CARDINALITY_LABELS).not.toContain(label);
    }
    expect(new Set(metric.labels).size).toBe(metric.labels.length);
    expect(metric.help.length).toBeGreaterThan(10);
  });

  it('histograms have strictly increasing buckets; other types have none', () => {
    for (const metric of ALL_METRICS) {
      if (metric.type !== 'histogram') {
        expect(metric.buckets).toBeUndefined();
        continue;
      }
      const buckets = metric.buckets ?? [];
      expect(buckets.length).toBeGreaterThan(3);
      buckets.forEach((b, i) => i > 0 && expect(b).toBeGreaterThan(buckets[i - 1]!));
    }
  });

  it('end-to-end latency has a bucket at exactly the 2 s SLO threshold', () => {
    expect(LATENCY_SLO_THRESHOLD_SECONDS).toBe(2);
    expect(METRIC.requestDuration.buckets).toContain(LATENCY_SLO_THRESHOLD_SECONDS);
  });

  it('no two metrics expose the same series name', () => {
    const series = ALL_METRICS.flatMap(exposedSeriesNames);
    expect(new Set(series).size).toBe(series.length);
  });

  it('maps stored series back to their metric', () => {
    expect(metricForSeries('hybrid_request_duration_seconds_bucket')).toBe(METRIC.requestDuration);
    expect(metricForSeries(METRIC.requests.name)).toBe(METRIC.requests);
    expect(metricForSeries('hybrid_requests')).toBeUndefined();
  });

  it('tenant stays off every metric', () => {
    for (const metric of ALL_METRICS) {
      expect(metric.labels).not.toContain('tenant');
    }
  });

  const promtool = promtoolPath();
  const requirePromtool = process.env.CI === 'true';
  (promtool || requirePromtool ? it : it.skip)(
    `passes promtool check metrics${promtool ? '' : ' (SKIPPED: promtool not installed; apt-get install prometheus)'}`,
    () => {
      if (!promtool) {
        throw new Error('promtool is required in CI: .ci/run must apt-get install prometheus');
      }
      const text = exposition(ALL_METRICS);
      // promtool exits non-zero and prints the offending metric on any lint problem.
      const out = execFileSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(out.trim()).toBe('');
    }
  );
});
