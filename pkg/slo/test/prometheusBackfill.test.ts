import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LABEL,
  PLAYBOOK,
  SLO_SERIES,
  type SloWindow,
  parseDuration,
  sloBurnRateSeries,
  sloEventCountSeries,
} from '@hybridlens/conventions';
import { describeWithBinary } from '@hybridlens/testkit';
import { type SloSpec, defaultSpecs, generateRuleFiles } from '../src';
import { type BackfilledPrometheus, prometheusWithRuleHistory } from './support/backfill';
import { writeOpenMetrics } from './support/openMetrics';
import { extrapolatedIncrease } from './support/extrapolatedIncrease';
import { type Counts } from './support/sloModel';
import { syntheticHistory } from './support/syntheticHistory';

jest.setTimeout(90_000);

/** 2026-01-01T00:00:00Z: on the hour, so every rule grid (1m, 4m, 5m) lines up with the check times. */
const T0 = 1767225600;
const HOURS = 26;
const minute = (h: number) => h * 60;
const inHours = (m: number, from: number, to: number) => m > minute(from) && m <= minute(to);
/** Traffic patterns change every 5 minutes, so windows that straddle a change are checked too. */
const slot = (m: number) => Math.ceil(m / 5);
/** Counter samples start high, as on a long-lived service: extrapolation never runs into zero. */
const COUNTER_BASE = 1_000_000;
const GRID_SECONDS = 300;

const specs = defaultSpecs();
const latency = specs.find((s) => s.name === 'end-to-end-latency')!;
const ibm = specs.find((s) => s.name === 'quantum-job-success-ibm')!;

// Faults: route /v1/solve slows down (50% over 2 s) from 20h to 21h; ibm jobs fail 50% from 23h to 25h.
const history = syntheticHistory(
  minute(HOURS) + 1,
  {
    '/v1/solve': { total: () => 80, bad: (m) => (inHours(m, 20, 21) ? 40 : slot(m) % 2) },
    '/v1/chat': { total: () => 40, bad: (m) => (slot(m) % 10 === 0 ? 1 : 0) },
  },
  { total: () => 10, bad: (m) => (inHours(m, 23, 25) ? 5 : slot(m) % 20 === 0 ? 1 : 0) }
);

const CHECK_HOURS = [21, 22, 25, 26];
const WINDOWS: SloWindow[] = ['5m', '1h', '6h', '1d', '3d', '30d'];

describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'recorded SLO series in a real Prometheus over backfilled history',
  () => {
    let work: string;
    let backfilled: BackfilledPrometheus;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'hl-slo-it-'));
      const file = join(work, 'history.om');
      await writeOpenMetrics(file, history.series, T0, 60, minute(HOURS) + 1);
      const { files } = generateRuleFiles([latency, ibm]);
      backfilled = await prometheusWithRuleHistory(
        file,
        files.filter((f) => f.fileName.startsWith('slo-')),
        {
          start: T0,
          rulesFrom: T0 + minute(21) * 60 - 1200,
          end: T0 + HOURS * 3600,
        }
      );
    });

    afterAll(async () => {
      await backfilled?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    async function recorded(series: string, spec: SloSpec, t: number): Promise<number> {
      return backfilled.prom.scalar(`${series}{${LABEL.slo}="${spec.name}"}`, t);
    }

    /** Epoch seconds at which the sample of `series` that a query at t sees was evaluated. */
    async function evaluatedAt(series: string, spec: SloSpec, t: number): Promise<number> {
      return backfilled.prom.scalar(`timestamp(${series}{${LABEL.slo}="${spec.name}"})`, t);
    }

    /** Prometheus's increase() of the raw counters over the 5 minutes ending at epoch second e (Prometheus 2: closed range). */
    function rawIncrease(cumulative: readonly number[], e: number): number {
      const samples = cumulative.map((v, i) => [(T0 + i * 60) * 1000, COUNTER_BASE + v] as [number, number]);
      return extrapolatedIncrease(samples, e * 1000, GRID_SECONDS * 1000)!;
    }

    /**
     * For every 5-minute grid point, when the 5m increase it sees was evaluated. Read from Prometheus rather than
     * assumed: group offsets differ from run to run, and a backfilled evaluation can be missing at a block edge.
     */
    async function increaseEvaluations(spec: SloSpec): Promise<Map<number, number>> {
      const data = await backfilled.prom.queryRange(
        `timestamp(${SLO_SERIES.totalIncrease5m}{${LABEL.slo}="${spec.name}"})`,
        T0,
        T0 + HOURS * 3600,
        GRID_SECONDS
      );
      return new Map((data.result[0]?.values ?? []).map(([g, e]) => [Math.round(g), Number(e)]));
    }

    /**
     * The burn rate over `window` that a rule evaluated at `at` must record, from the raw counts alone: the
     * 5-minute increases at the grid points of the window (w-1s subquery, closed on Prometheus 2), bad and total
     * summed separately.
     */
    async function expectedBurn(spec: SloSpec, counts: Counts, window: SloWindow, at: number): Promise<number> {
      let bad = 0;
      let total = 0;
      if (window === '5m') {
        const e = await evaluatedAt(SLO_SERIES.totalIncrease5m, spec, at);
        bad = rawIncrease(counts.bad, e);
        total = rawIncrease(counts.total, e);
      } else {
        const sumsAt = await evaluatedAt(sloEventCountSeries('total', window), spec, at);
        const grid = await increaseEvaluations(spec);
        const from = sumsAt - (parseDuration(window)! / 1000 - 1);
        for (let g = Math.floor(sumsAt / GRID_SECONDS) * GRID_SECONDS; g >= from; g -= GRID_SECONDS) {
          const e = grid.get(g);
          if (e !== undefined) {
            bad += rawIncrease(counts.bad, e);
            total += rawIncrease(counts.total, e);
          }
        }
      }
      return bad / total / (1 - spec.objective);
    }

    function close(got: number, expected: number, what: string) {
      if (!(Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
        throw new Error(`${what}: Prometheus recorded ${got}, the raw counts give ${expected}`);
      }
    }

    const cases: Array<[SloSpec, Counts]> = [
      [latency, history.latency],
      [ibm, history.ibmJobs],
    ];

    it.each(cases.flatMap(([spec, counts]) => CHECK_HOURS.map((h) => [spec.name, h, spec, counts] as const)))(
      '%s at hour %d: burn rates and budget remaining match the raw counts',
      async (_name, hour, spec, counts) => {
        const t = T0 + hour * 3600;
        for (const w of WINDOWS) {
          const at = await evaluatedAt(sloBurnRateSeries(w), spec, t);
          close(
            await recorded(sloBurnRateSeries(w), spec, t),
            await expectedBurn(spec, counts, w, at),
            `${spec.name} burn rate ${w} at ${hour}h`
          );
        }
        const budgetAt = await evaluatedAt(SLO_SERIES.errorBudgetRemaining, spec, t);
        close(
          await recorded(SLO_SERIES.errorBudgetRemaining, spec, t),
          1 - (await expectedBurn(spec, counts, '30d', budgetAt)),
          `${spec.name} budget remaining at ${hour}h`
        );
      }
    );

    it('sees the injected faults: the latency SLO burns > 14.4x over 1h at 21h, ibm jobs > 6x over 1h at 25h', async () => {
      expect(await recorded(sloBurnRateSeries('1h'), latency, T0 + 21 * 3600)).toBeGreaterThan(14.4);
      expect(await recorded(sloBurnRateSeries('1h'), ibm, T0 + 25 * 3600)).toBeGreaterThan(6);
      expect(await recorded(SLO_SERIES.errorBudgetRemaining, latency, T0 + 26 * 3600)).toBeLessThan(1);
    });

    it('lets the app discover every SLO from the metadata series alone', async () => {
      const info = await backfilled.prom.query(SLO_SERIES.info, T0 + 26 * 3600);
      const bySlo = Object.fromEntries(info.result.map((r) => [r.metric[LABEL.slo], r.metric]));
      expect(Object.keys(bySlo).sort()).toEqual([latency.name, ibm.name].sort());
      expect(bySlo[ibm.name]).toMatchObject({
        [LABEL.objective]: '0.95',
        [LABEL.window]: '30d',
        [LABEL.sliType]: ibm.sliType,
        [LABEL.sloService]: ibm.service,
        [LABEL.playbook]: PLAYBOOK.quantumErrors,
      });
      expect(bySlo[latency.name]).toMatchObject({ [LABEL.playbook]: PLAYBOOK.latency });
    });
  }
);
