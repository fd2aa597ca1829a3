import { join } from 'node:path';
import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import {
  describeWithBinary,
  describeWithFixtures,
  freePort,
  startPrometheus,
  type RunningPrometheus,
} from '@hybridlens/testkit';
import { silentLogger } from '../src/log';
import { normalizeFiles, startExporter, type BackendCalibration, type RunningExporter } from '../src';
import { fixture, independentMedian } from './helpers';

const M = CALIBRATION_METRIC;

describeWithFixtures('real Prometheus scraping the exporter', (fixtures) => {
  describeWithBinary('prometheus', 'apt-get install prometheus', 'contract queries', () => {
    let exporter: RunningExporter;
    let prom: RunningPrometheus;
    const cases: Array<{ file: string; backend?: BackendCalibration }> = [
      { file: 'ibm/props_sherbrooke.json' },
      { file: 'braket/rigetti_ankaa-3_2026-04-01.json' },
      { file: 'braket/iqm_garnet_2026-05-05.json' },
      { file: 'google/rainbow_2021_11_16_calibration.json' },
    ];

    beforeAll(async () => {
      for (const c of cases) {
        c.backend = normalizeFiles([fixture(fixtures, c.file)]).backends[0];
      }
      // The whole fixture folder, drift snapshots included: the exporter must serve the newest of each device.
      exporter = await startExporter({
        dir: join(fixtures, 'calibration'),
        port: await freePort(),
        host: '127.0.0.1',
        log: silentLogger,
      });
      prom = await startPrometheus({
        config:
          [
            'global:',
            '  scrape_interval: 1s',
            'scrape_configs:',
            '  - job_name: calibration',
            '    static_configs:',
            `      - targets: ['127.0.0.1:${exporter.port}']`,
          ].join('\n') + '\n',
      });
      const deadline = Date.now() + 20_000;
      while ((await prom.query(M.qubitCount.name)).result.length < cases.length) {
        if (Date.now() > deadline) {
          throw new Error('Prometheus did not scrape the exporter within 20 s');
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 30_000);

    afterAll(async () => {
      await prom?.stop();
      await exporter?.close();
    });

    const sel = (b: BackendCalibration) => `{provider="${b.provider}",backend="${b.backend}"}`;
    const present = (values: Array<number | null>) => values.filter((v): v is number => v !== null);

    it('per-backend medians equal the medians of the normalized model, sentinels excluded', async () => {
      for (const { backend: b } of cases) {
        const t1 = present(b!.qubits.map((q) => q.t1Seconds));
        expect(await prom.scalar(`${M.medianT1.name}${sel(b!)}`)).toBeCloseTo(independentMedian(t1), 15);
        const readout = present(b!.qubits.map((q) => q.readoutError));
        expect(await prom.scalar(`${M.medianReadoutError.name}${sel(b!)}`)).toBeCloseTo(independentMedian(readout), 15);
        const native2q = present(
          b!.gates.filter((g) => g.native && g.kind === '2q' && !g.flags.includes('uncalibrated')).map((g) => g.error)
        );
        expect(await prom.scalar(`${M.median2qError.name}${sel(b!)}`)).toBeCloseTo(independentMedian(native2q), 15);
        const native1q = present(b!.gates.filter((g) => g.native && g.kind === '1q').map((g) => g.error));
        expect(await prom.scalar(`${M.median1qError.name}${sel(b!)}`)).toBeCloseTo(independentMedian(native1q), 15);
        expect(await prom.scalar(`${M.uncalibratedGates.name}${sel(b!)}`)).toBe(
          b!.gates.filter((g) => g.flags.includes('uncalibrated')).length
        );
        expect(await prom.scalar(`${M.qubitsMissingT1.name}${sel(b!)}`)).toBe(
          b!.qubits.filter((q) => q.t1Seconds === null).length
        );
      }
    });

    it("Prometheus's own quantile over the per-qubit and per-gate series agrees with the exported medians", async () => {
      const sherbrooke = cases[0]!.backend!;
      const s = `provider="ibm",backend="${sherbrooke.backend}"`;
      expect(await prom.scalar(`quantile(0.5, ${M.qubitT1.name}{${s}})`)).toBeCloseTo(
        await prom.scalar(`${M.medianT1.name}{${s}}`),
        15
      );
      expect(await prom.scalar(`quantile(0.5, ${M.gateError.name}{${s},gate="ecr"})`)).toBeCloseTo(
        await prom.scalar(`${M.median2qError.name}{${s}}`),
        15
      );
      expect(await prom.scalar(`count(${M.gateError.name}{${s},gate="ecr"})`)).toBe(
        sherbrooke.gates.filter((g) => g.gate === 'ecr').length - sherbrooke.summary.uncalibratedGates
      );
    });

    it('the newest drift snapshot is served, with its timestamp and version', async () => {
      const garnet = cases[2]!.backend!;
      expect(await prom.scalar(`${M.calibratedAt.name}${sel(garnet)}`)).toBe(Date.parse(garnet.calibratedAt!) / 1000);
      const info = await prom.query(`${M.info.name}${sel(garnet)}`);
      expect(info.result.map((r) => r.metric.calibration_version)).toEqual([garnet.calibrationVersion]);
      const hanoi = await prom.query(`${M.calibratedAt.name}{backend="ibm_hanoi"}`);
      expect(Number(hanoi.result[0]!.value![1])).toBe(Date.parse('2025-02-26T15:13:14-05:00') / 1000);
    });

    it('a folder of good snapshots produces no ingest errors', async () => {
      const errors = await prom.query(M.ingestErrors.name);
      expect(errors.result).toEqual([]);
    });
  });
});
