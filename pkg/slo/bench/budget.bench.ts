import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, METRIC, SLO_SERIES, WORKLOAD_PATHS, sloEventCountSeries } from '@hybridlens/conventions';
import { startPrometheus } from '@hybridlens/testkit';
import { parse } from 'yaml';
import type { BenchRow } from '../../../scripts/bench/types';
import { defaultSpecs, generateRuleFiles, sloRuleFileName } from '../src';
import { type HistorySeries, createBlocksByDay } from '../test/support/openMetrics';

/**
 * A 30-day error-budget query on the latency SLO, side by side on the same Prometheus: from the
 * raw counters, and from the recorded 5-minute increases the generated rules keep. "Samples touched"
 * is Prometheus's own count (query API, stats=all).
 */
const DAYS = 30;
const SCRAPE_SECONDS = 30;
const RUNS = 5;
const LABEL_SETS = 6;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function budgetBench(): Promise<BenchRow[]> {
  const spec = defaultSpecs().find((s) => s.name === 'end-to-end-latency')!;
  const file = generateRuleFiles([spec]).files.find((f) => f.fileName === sloRuleFileName(spec))!;
  const rules = (
    parse(file.content) as { groups: Array<{ rules: Array<{ record?: string; expr: string }> }> }
  ).groups.flatMap((g) => g.rules);
  const recordedExpr = (record: string) => rules.find((r) => r.record === record)!.expr;

  const work = mkdtempSync(join(tmpdir(), 'hl-slo-bench-'));
  const start = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const points = (DAYS * 86400) / SCRAPE_SECONDS + 1;
  const end = start + (points - 1) * SCRAPE_SECONDS;
  const h = METRIC.requestDuration.name;
  const series: HistorySeries[] = [];
  // Raw counters: per label set 10 requests per scrape, 1 slow one every 20 scrapes (0.5%: half the budget).
  for (let k = 0; k < LABEL_SETS; k++) {
    // Low-latency paths only: the latency SLO is scoped to them.
    const labels = {
      [LABEL.route]: `/v1/route${k % 3}`,
      [LABEL.model]: `model-${k % 2}`,
      [LABEL.region]: 'eu-west',
      [LABEL.path]: WORKLOAD_PATHS.lowLatency[k % WORKLOAD_PATHS.lowLatency.length]!,
    };
    series.push(
      { name: `${h}_count`, labels, value: (i) => 10 * i },
      { name: `${h}_bucket`, labels: { ...labels, le: '2' }, value: (i) => 10 * i - Math.floor(i / 20) }
    );
  }
  // The recorded 5-minute increases at the fast group's 1-minute cadence, as the rules write them.
  const perMinute = 60 / SCRAPE_SECONDS;
  const slots = DAYS * 1440 + 1;
  const inc5 = (m: number, perScrape: number) => (m >= 5 ? 5 * perMinute * perScrape : m * perMinute * perScrape);
  series.push(
    { name: SLO_SERIES.totalIncrease5m, labels: { [LABEL.slo]: spec.name }, value: (m) => LABEL_SETS * inc5(m, 10) },
    { name: SLO_SERIES.badIncrease5m, labels: { [LABEL.slo]: spec.name }, value: (m) => LABEL_SETS * inc5(m, 0.05) }
  );
  const dataDir = join(work, 'data');
  const generation = performance.now();
  const rawLines = await createBlocksByDay(
    dataDir,
    work,
    series.filter((s) => !s.name.startsWith('slo:')),
    start,
    SCRAPE_SECONDS,
    points
  );
  await createBlocksByDay(
    dataDir,
    work,
    series.filter((s) => s.name.startsWith('slo:')),
    start,
    60,
    slots
  );
  const generationSeconds = (performance.now() - generation) / 1000;

  const prom = await startPrometheus({ dataDir });
  try {
    const budget = (bad: string, total: string) => `1 - ((${bad}) / (${total})) / (1 - ${spec.objective})`;
    const badRaw = `sum(increase(${spec.sli.total}[${DAYS}d])) - sum(increase(${spec.sli.good}[${DAYS}d]))`;
    const totalRaw = `sum(increase(${spec.sli.total}[${DAYS}d]))`;
    const queries = {
      raw: budget(badRaw, totalRaw),
      recorded: budget(
        recordedExpr(sloEventCountSeries('bad', '30d')),
        recordedExpr(sloEventCountSeries('total', '30d'))
      ),
    };
    const measure = async (expr: string) => {
      const samples: number[] = [];
      const millis: number[] = [];
      let value = NaN;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await prom.query(expr, end, { stats: true });
        millis.push(performance.now() - t0);
        samples.push(res.stats?.samples?.totalQueryableSamples ?? NaN);
        value = Number(res.result[0]?.value?.[1]);
      }
      return { samples: median(samples), millis: median(millis), value };
    };
    const raw = await measure(queries.raw);
    const recorded = await measure(queries.recorded);
    const ratio = raw.samples / recorded.samples;
    const note = `${LABEL_SETS} label sets, ${SCRAPE_SECONDS}s scrape, ${rawLines} raw samples; budget raw ${raw.value.toFixed(4)} vs recorded ${recorded.value.toFixed(4)}`;
    return [
      { area: 'slo budget 30d', metric: 'samples touched, raw counters', value: raw.samples, unit: 'samples', note },
      {
        area: 'slo budget 30d',
        metric: 'samples touched, recorded 5m increases',
        value: recorded.samples,
        unit: 'samples',
      },
      {
        area: 'slo budget 30d',
        metric: 'samples touched raw / recorded',
        value: ratio,
        unit: 'x',
        target: '>= 20',
        ok: ratio >= 20,
      },
      { area: 'slo budget 30d', metric: `query time raw counters (median of ${RUNS})`, value: raw.millis, unit: 'ms' },
      {
        area: 'slo budget 30d',
        metric: `query time recorded series (median of ${RUNS})`,
        value: recorded.millis,
        unit: 'ms',
      },
      { area: 'slo budget 30d', metric: 'history generation + TSDB import', value: generationSeconds, unit: 's' },
    ];
  } finally {
    await prom.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
