import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, SLO_SERIES, type SloWindow, parseDuration, sloBurnRateSeries } from '@hybridlens/conventions';
import { backfill, importOpenMetrics } from '@hybridlens/simulator';
import { describeWithBinary } from '@hybridlens/testkit';
import { type SloSpec, defaultSpecs, generateRuleFiles } from '../src';
import { type BackfilledPrometheus, prometheusWithRuleHistory } from './support/backfill';
import { extrapolatedIncrease } from './support/extrapolatedIncrease';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const END = Date.parse('2026-11-20T00:00:00Z');
const HOURS = 12;
const START = END - HOURS * HOUR;
/** The simulator's IBM QPU fails 90% of its jobs with hardware errors from 8h to 10h. */
const SCENARIO = `faults:
  - kind: hardware_failure
    provider: ibm
    backend: ibm_sherbrooke
    start: +8h
    duration: 2h
    intensity: 0.9
`;
const CHECKS = [10, 11, 12].map((h) => START + h * HOUR);
const WINDOWS: SloWindow[] = ['5m', '30m', '1h', '6h', '1d', '30d'];
const STEP_MS = 300_000;
const specs = defaultSpecs();
const ibm = specs.find((s) => s.name === 'quantum-job-success-ibm')!;
const latency = specs.find((s) => s.name === 'end-to-end-latency')!;

describeWithBinary(
  'promtool',
  'apt-get install prometheus',
  'SLO rules over the simulator backfill (hardware-failure fault)',
  () => {
    let work: string;
    let backfilled: BackfilledPrometheus;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'hl-slo-sim-'));
      const history = await backfill({
        days: HOURS / 24,
        out: join(work, 'out'),
        end: END,
        seed: 5,
        stepSeconds: 60,
        calibration: false,
        scenario: { text: SCENARIO, name: 'slo-test.yaml' },
      });
      const { files } = generateRuleFiles([ibm, latency]);
      backfilled = await prometheusWithRuleHistory(
        (dataDir) => importOpenMetrics(history.metricsFiles, dataDir),
        files.filter((f) => f.fileName.startsWith('slo-')),
        {
          start: START / 1000,
          rulesFrom: (CHECKS[0]! - 10 * 60_000) / 1000,
          end: END / 1000,
        }
      );
    });

    afterAll(async () => {
      await backfilled?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    /** Raw samples of every series a selector matches, over the whole history. */
    async function rawSamples(selector: string): Promise<Array<Array<[number, number]>>> {
      const data = await backfilled.prom.query(`${selector}[${HOURS + 1}h]`, END / 1000);
      return data.result.map((r) =>
        (r.values ?? []).map(([t, v]) => [Math.round(t * 1000), Number(v)] as [number, number])
      );
    }

    /** What `slo:sli_<kind>:increase5m` holds for an evaluation at `e`, recomputed from the raw samples. */
    function increase5m(series: Array<Array<[number, number]>>, e: number): number | undefined {
      const values = series.map((s) => extrapolatedIncrease(s, e, 300_000)).filter((v): v is number => v !== undefined);
      return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
    }

    async function evaluatedAt(series: string, spec: SloSpec, t: number): Promise<number> {
      return Math.round(
        (await backfilled.prom.scalar(`timestamp(${series}{${LABEL.slo}="${spec.name}"})`, t / 1000)) * 1000
      );
    }

    /** Burn rate over `window` of a value evaluated at `at`, from the 5m increases of the fast group (evaluated at `fastAt` + k minutes). */
    function expectedBurn(
      spec: SloSpec,
      raw: { bad: Array<Array<[number, number]>>; total: Array<Array<[number, number]>> },
      window: SloWindow,
      at: number,
      fastAt: number
    ): number | undefined {
      const slotEval = (step: number) => fastAt - 60_000 * Math.ceil((fastAt - step) / 60_000);
      let bad = 0;
      let total = 0;
      const add = (e: number) => {
        const t = increase5m(raw.total, e);
        if (t === undefined) {
          return;
        }
        total += t;
        bad += increase5m(raw.bad, e) ?? 0;
      };
      if (window === '5m') {
        add(at);
      } else {
        const w = parseDuration(window)!;
        for (let step = Math.floor(at / STEP_MS) * STEP_MS; step > at - w; step -= STEP_MS) {
          if (step >= START) {
            add(slotEval(step));
          }
        }
      }
      return total > 0 ? bad / total / (1 - spec.objective) : undefined;
    }

    it.each(CHECKS.map((t) => [(t - START) / HOUR, t] as const))(
      'quantum-job-success-ibm at hour %d: burn rates and budget match the raw job counters',
      async (_h, t) => {
        const raw = { bad: await rawSamples(ibm.sli.bad!), total: await rawSamples(ibm.sli.total) };
        expect(raw.total.length).toBeGreaterThan(0);
        const fastAt = await evaluatedAt(SLO_SERIES.badIncrease5m, ibm, t);
        let compared = 0;
        for (const w of WINDOWS) {
          const got = await backfilled.prom.scalar(`${sloBurnRateSeries(w)}{${LABEL.slo}="${ibm.name}"}`, t / 1000);
          const at = await evaluatedAt(sloBurnRateSeries(w), ibm, t);
          const expected = expectedBurn(ibm, raw, w, at, fastAt);
          if (expected === undefined) {
            // No ibm jobs in the window (the orchestrator drained the backend). Backfilled blocks carry no
            // staleness markers, so Prometheus shows the last value within its lookback; live, the series would be absent.
            continue;
          }
          compared++;
          expect({ window: w, burn: got }).toEqual({ window: w, burn: expect.closeTo(expected, 6) });
        }
        expect(compared).toBeGreaterThanOrEqual(WINDOWS.length - 1);
        const budgetAt = await evaluatedAt(SLO_SERIES.errorBudgetRemaining, ibm, t);
        const budget = await backfilled.prom.scalar(
          `${SLO_SERIES.errorBudgetRemaining}{${LABEL.slo}="${ibm.name}"}`,
          t / 1000
        );
        expect(budget).toBeCloseTo(1 - expectedBurn(ibm, raw, '30d', budgetAt, fastAt)!, 6);
      }
    );

    it('shows the fault: the ibm SLO pages (> 14.4x over 1h) at its end and has spent budget', async () => {
      const at10h = CHECKS[0]! / 1000;
      expect(
        await backfilled.prom.scalar(`${sloBurnRateSeries('1h')}{${LABEL.slo}="${ibm.name}"}`, at10h)
      ).toBeGreaterThan(14.4);
      expect(
        await backfilled.prom.scalar(`${SLO_SERIES.errorBudgetRemaining}{${LABEL.slo}="${ibm.name}"}`, END / 1000)
      ).toBeLessThan(0.9);
    });
  }
);
