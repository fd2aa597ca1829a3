import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL, PLAYBOOK, SLO_SERIES, type SloWindow, sloBurnRateSeries } from '@hybridlens/conventions';
import { describeWithBinary } from '@hybridlens/testkit';
import { type SloSpec, defaultSpecs, generateRuleFiles } from '../src';
import { type BackfilledPrometheus, prometheusWithRuleHistory } from './support/backfill';
import { writeOpenMetrics } from './support/openMetrics';
import { type Counts, windowValue } from './support/sloModel';
import { syntheticHistory } from './support/syntheticHistory';

jest.setTimeout(90_000);

/** 2026-01-01T00:00:00Z: on the hour, so every rule grid (1m, 4m, 5m) lines up with the check times. */
const T0 = 1767225600;
const HOURS = 26;
const minute = (h: number) => h * 60;
const inHours = (m: number, from: number, to: number) => m > minute(from) && m <= minute(to);
/**
 * Rates stay constant within each 5-minute slot: rule evaluations carry Prometheus's per-group
 * offset, so a 5m increase sees 4 of the slot's minutes and extrapolates, which is exact only then.
 */
const slot = (m: number) => Math.ceil(m / 5);

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

    /** Seconds since T0 at which the sample seen at t was evaluated. */
    async function evaluatedAt(series: string, spec: SloSpec, t: number): Promise<number> {
      return (await backfilled.prom.scalar(`timestamp(${series}{${LABEL.slo}="${spec.name}"})`, t)) - T0;
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
          // Each value was evaluated at its group's offset before t: the 5m increase covers the slot ending at
          // the next whole minute, the longer windows end at the last 5-minute step at or before the evaluation.
          const minutes = (await evaluatedAt(sloBurnRateSeries(w), spec, t)) / 60;
          const expected = windowValue(spec, counts, w === '5m' ? Math.ceil(minutes - 1e-9) : Math.floor(minutes), w);
          close(
            await recorded(sloBurnRateSeries(w), spec, t),
            expected.burn!,
            `${spec.name} burn rate ${w} at ${hour}h`
          );
        }
        const minutes = (await evaluatedAt(SLO_SERIES.errorBudgetRemaining, spec, t)) / 60;
        const period = windowValue(spec, counts, Math.floor(minutes), '30d');
        close(
          await recorded(SLO_SERIES.errorBudgetRemaining, spec, t),
          1 - period.burn!,
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
