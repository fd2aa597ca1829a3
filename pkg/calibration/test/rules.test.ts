import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALIBRATION_DRIFT, CALIBRATION_METRIC, calibrationDriftSeries } from '@hybridlens/conventions';
import {
  describeWithBinary,
  describeWithFixtures,
  promtool,
  repoRoot,
  startPrometheus,
  type RunningPrometheus,
} from '@hybridlens/testkit';
import { stringify } from 'yaml';
import { backfill, driftRuleGroups, driftRulesYaml, DRIFT_RULES_FILE, normalizeFiles } from '../src';
import { fixture } from './helpers';

const COMMITTED = resolve(repoRoot, 'provisioning/prometheus/rules', DRIFT_RULES_FILE);
const REGENERATE = 'run `npm run generate -w @hybridlens/calibration` and commit provisioning/prometheus/rules';
const M = CALIBRATION_METRIC;
const t1 = calibrationDriftSeries(M.qubitT1.name);
const coupler = calibrationDriftSeries(CALIBRATION_DRIFT.couplerTwoQubitError);

describe('drift recording rules', () => {
  it('the committed rule file is up to date', () => {
    let committed: string;
    try {
      committed = readFileSync(COMMITTED, 'utf8');
    } catch {
      throw new Error(`${DRIFT_RULES_FILE} is missing: ${REGENERATE}`);
    }
    if (committed !== driftRulesYaml()) {
      throw new Error(`${DRIFT_RULES_FILE} is out of date: ${REGENERATE}`);
    }
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'promtool', () => {
    let tmp: string;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'hl-cal-rules-'));
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('promtool check rules accepts them', () => {
      expect(promtool(['check', 'rules', COMMITTED])).toMatch(/SUCCESS: \d+ rules found/);
    });

    it('promtool test rules: a T1 collapse, a steady qubit, and a coupler that goes to error 1', () => {
      const base = 'provider="ibm",backend="ibm_x"';
      // Hourly samples and evaluations (promtool evaluates every group at each step; minutes would take minutes):
      // 7 days steady, then a day after the change.
      const week = 7 * 24;
      const day = 24;
      const test = {
        rule_files: [COMMITTED],
        evaluation_interval: '1h',
        // Evaluated hourly here, a recorded series is only visible in the tick it was recorded: fix the order
        // (promtool otherwise takes groups in map order, and a later group could read nothing).
        group_eval_order: driftRuleGroups().map((g) => g.name),
        tests: [
          {
            interval: '1h',
            input_series: [
              { series: `${M.qubitT1.name}{${base},qubit="0"}`, values: `0.0001x${week} 0.00002x${day}` },
              { series: `${M.qubitT1.name}{${base},qubit="1"}`, values: `0.0001x${week + day}` },
              // The coupler's error is measured for a week, then the provider marks it uncalibrated (error 1):
              // the exporter stops its error series and starts gate_uncalibrated.
              {
                series: `${M.gateError.name}{${base},gate="ecr",qubits="0-1"}`,
                values: `0.008x${week} stale`,
              },
              {
                series: `${M.gateUncalibrated.name}{${base},gate="ecr",qubits="0-1"}`,
                values: `_x${week} 1x${day}`,
              },
              { series: `${M.couplerInfo.name}{${base},gate="ecr",qubits="0-1"}`, values: `1x${week + day}` },
              // A gate that is not on a coupler (another 2q gate on the pair) is not a coupler's error.
              { series: `${M.gateError.name}{${base},gate="cz",qubits="0-1"}`, values: `0.5x${week + day}` },
            ],
            promql_expr_test: [
              {
                expr: `${CALIBRATION_DRIFT.couplerTwoQubitError}`,
                eval_time: '1d',
                exp_samples: [
                  {
                    labels: `${CALIBRATION_DRIFT.couplerTwoQubitError}{${base},gate="ecr",qubits="0-1"}`,
                    value: 0.008,
                  },
                ],
              },
              {
                expr: `${t1.median7d}`,
                eval_time: '8d',
                exp_samples: [
                  { labels: `${t1.median7d}{${base},qubit="0"}`, value: 0.0001 },
                  { labels: `${t1.median7d}{${base},qubit="1"}`, value: 0.0001 },
                ],
              },
              {
                // a day after the collapse: qubit 0 at a fifth of its own 7-day median, qubit 1 unchanged
                expr: `${t1.ratioToMedian7d}`,
                eval_time: '8d',
                exp_samples: [
                  { labels: `${t1.ratioToMedian7d}{${base},qubit="0"}`, value: 0.2 },
                  { labels: `${t1.ratioToMedian7d}{${base},qubit="1"}`, value: 1 },
                ],
              },
              {
                // the coupler's ratio ends with its error; the page flags it from gate_uncalibrated
                expr: `${coupler.ratioToMedian7d}`,
                eval_time: '7d12h',
                exp_samples: [],
              },
              {
                expr: `${coupler.ratioToMedian7d}`,
                eval_time: '6d',
                exp_samples: [{ labels: `${coupler.ratioToMedian7d}{${base},gate="ecr",qubits="0-1"}`, value: 1 }],
              },
              {
                expr: `${M.gateUncalibrated.name} and on (provider, backend, gate, qubits) ${M.couplerInfo.name}`,
                eval_time: '7d12h',
                exp_samples: [{ labels: `${M.gateUncalibrated.name}{${base},gate="ecr",qubits="0-1"}`, value: 1 }],
              },
            ],
          },
        ],
      };
      const file = join(tmp, 'drift.test.yml');
      writeFileSync(file, stringify(test, { lineWidth: 0 }));
      expect(promtool(['test', 'rules', file])).toMatch(/SUCCESS/);
    });

    it('promtool test rules fails when the expectation is wrong, so the test above can fail', () => {
      const file = join(tmp, 'wrong.test.yml');
      writeFileSync(
        file,
        stringify({
          rule_files: [COMMITTED],
          evaluation_interval: '1h',
          group_eval_order: driftRuleGroups().map((g) => g.name),
          tests: [
            {
              interval: '1h',
              input_series: [{ series: `${M.qubitT1.name}{qubit="0"}`, values: '0.0001x48' }],
              promql_expr_test: [
                {
                  expr: t1.ratioToMedian7d,
                  eval_time: '1d',
                  exp_samples: [{ labels: `${t1.ratioToMedian7d}{qubit="0"}`, value: 0.5 }],
                },
              ],
            },
          ],
        })
      );
      expect(() => promtool(['test', 'rules', file])).toThrow(/FAILED/);
    });
  });
});

describeWithFixtures('drift expressions on real calibration history', (fixtures) => {
  describeWithBinary(
    'prometheus',
    'apt-get install prometheus',
    'Prometheus loaded with the Hanoi drift backfill',
    () => {
      let tmp: string;
      let prom: RunningPrometheus;
      let times: number[];
      const files = ['2025-02-12', '2025-02-26'].map((d) => fixture(fixtures, `ibm/drift/props_hanoi_${d}.json`));

      beforeAll(async () => {
        tmp = mkdtempSync(join(tmpdir(), 'hl-cal-drift-'));
        const result = backfill({ files, out: join(tmp, 'hanoi.om'), stepSeconds: 3600, holdSeconds: 20 * 86400 });
        times = result.snapshots.map((s) => s.timestamp);
        promtool([
          'tsdb',
          'create-blocks-from',
          'openmetrics',
          '--max-block-duration=8760h',
          join(tmp, 'hanoi.om'),
          join(tmp, 'data'),
        ]);
        prom = await startPrometheus({ dataDir: join(tmp, 'data') });
      }, 60_000);
      afterAll(async () => {
        await prom?.stop();
        rmSync(tmp, { recursive: true, force: true });
      });

      /** The rule's expression for `record`, as the rules would have evaluated it at that time. */
      const exprOf = (record: string) =>
        driftRuleGroups()
          .flatMap((g) => g.rules)
          .find((r) => r.record === record)!.expr;

      it('a day after a recalibration, each qubit T1 against its own 7-day median is new / old', async () => {
        const at = times[1]! + 86400;
        const [before, after] = files.map((f) => normalizeFiles([f]).backends[0]!);
        // the ratio rule reads the recorded median; here the median expression stands in for the recorded series
        const ratio = `${M.qubitT1.name} / (${exprOf(t1.median7d)} > 0)`;
        const result = await prom.query(ratio, at);
        expect(result.result.length).toBeGreaterThan(20);
        for (const sample of result.result) {
          const q = Number(sample.metric.qubit);
          const old = before!.qubits.find((x) => x.qubit === q)!.t1Seconds!;
          const now = after!.qubits.find((x) => x.qubit === q)!.t1Seconds!;
          expect(Number(sample.value![1])).toBeCloseTo(now / old, 9);
        }
      });

      it('the coupler rule keeps one series per coupling-map edge, with the native gate error', async () => {
        const at = times[1]! + 3600;
        const b = normalizeFiles([files[1]!]).backends[0]!;
        const result = await prom.query(exprOf(CALIBRATION_DRIFT.couplerTwoQubitError), at);
        const calibrated = b.gates.filter((g) => g.gate === 'cx' && g.error !== null);
        const pairs = new Set(calibrated.map((g) => [...g.qubits].sort((x, y) => Number(x) - Number(y)).join('-')));
        expect(result.result).toHaveLength(pairs.size);
        expect(new Set(result.result.map((r) => r.metric.gate))).toEqual(new Set(['cx']));
      });
    }
  );
});
