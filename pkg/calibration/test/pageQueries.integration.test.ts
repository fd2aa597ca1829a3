import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CALIBRATION_INGEST_REASON as REASON,
  CALIBRATION_LAYOUT,
  CALIBRATION_METRIC,
  CALIBRATION_QUANTITY,
  LABEL,
  eq,
  selector,
} from '@hybridlens/conventions';
import {
  describeWithBinary,
  describeWithFixtures,
  freePort,
  startPrometheus,
  type RunningPrometheus,
} from '@hybridlens/testkit';
import { silentLogger } from '../src/log';
import { deviceView, normalizeFiles, startExporter, type RunningExporter } from '../src';
import { fixture } from './helpers';

const M = CALIBRATION_METRIC;

/**
 * The data the Providers and backend pages are built on, scraped by a real Prometheus from the exporter over
 * the fixture folder plus what the fixtures lack (an Azure target, a dropped value, a bad file): every metric of
 * the contract arrives, and the page's questions have answers.
 */
describeWithFixtures('every calibration metric through a real Prometheus', (fixtures) => {
  describeWithBinary('prometheus', 'apt-get install prometheus', 'page queries', () => {
    let dir: string;
    let exporter: RunningExporter;
    let prom: RunningPrometheus;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hl-cal-pages-'));
      cpSync(join(fixtures, 'calibration'), join(dir, 'fixtures'), { recursive: true });
      writeFileSync(
        join(dir, 'azure_status.json'),
        JSON.stringify({
          value: [
            {
              id: 'ionq',
              currentAvailability: 'Degraded',
              targets: [{ id: 'ionq.qpu.aria-1', currentAvailability: 'Available', averageQueueTime: 420 }],
            },
          ],
        })
      );
      // A device with one impossible value: dropped and counted by backend and field.
      const manila = JSON.parse(readFileSync(fixture(fixtures, 'ibm/props_manila.json'), 'utf8'));
      manila.backend_name = 'ibm_dropped';
      manila.qubits[2].find((p: { name: string }) => p.name === 'readout_error').value = 3.5;
      writeFileSync(join(dir, 'props_dropped.json'), JSON.stringify(manila));
      writeFileSync(join(dir, 'broken.json'), '{"backend_name": "ibm_broken", "qubits": [');
      exporter = await startExporter({ dir, port: await freePort(), host: '127.0.0.1', log: silentLogger });
      prom = await startPrometheus({
        config: [
          'global:',
          '  scrape_interval: 1s',
          'scrape_configs:',
          '  - job_name: calibration',
          '    static_configs:',
          `      - targets: ['127.0.0.1:${exporter.port}']`,
        ].join('\n'),
      });
      const deadline = Date.now() + 20_000;
      while ((await prom.query(M.qubitLayout.name)).result.length === 0) {
        if (Date.now() > deadline) {
          throw new Error('Prometheus did not scrape the exporter within 20 s');
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 40_000);

    afterAll(async () => {
      await prom?.stop();
      await exporter?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const sherbrooke = [eq(LABEL.provider, 'ibm'), eq(LABEL.backend, 'ibm_sherbrooke')];
    const count = async (expr: string) =>
      (await prom.query(`count(${expr})`)).result.map((r) => Number(r.value![1]))[0] ?? 0;

    it('every metric of the contract arrives', async () => {
      const result = await prom.query('count by (__name__) ({job="calibration"})');
      const names = new Set(result.result.map((r) => r.metric.__name__));
      const missing = Object.values(M)
        .map((d) => d.name)
        .filter((n) => !names.has(n));
      expect(missing).toEqual([]);
    });

    it('the qubit map: every qubit with coordinates, every coupler with its native gate error where calibrated', async () => {
      const [b] = normalizeFiles([fixture(fixtures, 'ibm/props_sherbrooke.json')]).backends;
      const view = deviceView(b!);
      const layout = await prom.query(selector(M.qubitLayout.name, sherbrooke));
      expect(layout.result).toHaveLength(127);
      const byQubit = new Map(layout.result.map((r) => [r.metric.qubit, [Number(r.metric.x), Number(r.metric.y)]]));
      for (const q of view.qubits) {
        expect(byQubit.get(String(q.id))).toEqual([q.position.x, q.position.y]);
      }
      expect(await count(selector(M.couplerInfo.name, sherbrooke))).toBe(view.couplers.length);
      const perCoupler = `${selector(M.gateError.name, sherbrooke)} and on (provider, backend, gate, qubits) ${selector(M.couplerInfo.name, sherbrooke)}`;
      const uncalibrated = await count(
        `${selector(M.gateUncalibrated.name, sherbrooke)} and on (provider, backend, gate, qubits) ${selector(M.couplerInfo.name, sherbrooke)}`
      );
      expect(uncalibrated).toBeGreaterThan(0);
      expect(await count(perCoupler)).toBe(view.couplers.length - uncalibrated);
      const info = await prom.query(selector(M.deviceInfo.name, sherbrooke));
      expect(info.result[0]!.metric).toMatchObject({
        layout: CALIBRATION_LAYOUT.heavyHex,
        native_1q_gate: 'sx',
        native_2q_gate: 'ecr',
        vendor: 'ibm',
      });
    });

    it('hover: each value has its own measurement time where the source dates values', async () => {
      const t1 = selector(M.qubitMeasuredAt.name, [...sherbrooke, eq(LABEL.quantity, CALIBRATION_QUANTITY.t1)]);
      expect(await count(t1)).toBe(await count(selector(M.qubitT1.name, sherbrooke)));
      // T1 and T2 of a qubit are separate measurements with separate times
      const differ = await count(
        `${t1} != ignoring(quantity) ${selector(M.qubitMeasuredAt.name, [...sherbrooke, eq(LABEL.quantity, CALIBRATION_QUANTITY.t2)])}`
      );
      expect(differ).toBeGreaterThan(100);
    });

    it('uncertainty and method where the provider publishes them (Braket), not elsewhere', async () => {
      const garnet = [eq(LABEL.provider, 'braket'), eq(LABEL.backend, 'garnet')];
      expect(await count(selector(M.qubitTimeStderr.name, garnet))).toBeGreaterThan(0);
      expect(await count(selector(M.couplerErrorStderr.name, garnet))).toBeGreaterThan(0);
      const methods = await prom.query(selector(M.methodValues.name, garnet));
      expect(new Set(methods.result.map((r) => r.metric.method))).toEqual(
        new Set(['simultaneous_rb', 'simultaneous_interleaved_rb'])
      );
      expect(await count(selector(M.qubitTimeStderr.name, sherbrooke))).toBe(0);
    });

    it('stale badge: calibration age against the usual cadence', async () => {
      const stale = await prom.query(
        `(time() - ${M.calibratedAt.name}) > on (provider, backend) (1.5 * ${M.expectedInterval.name})`
      );
      // every fixture snapshot is months or years old
      expect(stale.result.length).toBeGreaterThanOrEqual(5);
      // the Hanoi drift folder holds snapshots months apart: gaps, not a cadence; the default day stands
      expect(await prom.scalar(selector(M.expectedInterval.name, [eq(LABEL.backend, 'ibm_hanoi')]))).toBe(86400);
    });

    it('best pairs now: the lowest 2q errors among the couplers', async () => {
      const best = await prom.query(
        `bottomk(3, ${selector(M.gateError.name, sherbrooke)} and on (provider, backend, gate, qubits) ${selector(M.couplerInfo.name, sherbrooke)})`
      );
      expect(best.result).toHaveLength(3);
      const [b] = normalizeFiles([fixture(fixtures, 'ibm/props_sherbrooke.json')]).backends;
      const lowest = b!.gates
        .filter((g) => g.gate === 'ecr' && g.error !== null)
        .map((g) => g.error!)
        .sort((x, y) => x - y)
        .slice(0, 3);
      expect(best.result.map((r) => Number(r.value![1])).sort((x, y) => x - y)).toEqual(lowest);
    });

    it('missing values are missing: fewer T1 series than qubits on the map where T1 is missing', async () => {
      const ankaa = [eq(LABEL.provider, 'braket'), eq(LABEL.backend, 'Ankaa-3')];
      const missing = await prom.scalar(selector(M.qubitsMissingT1.name, ankaa));
      expect(missing).toBeGreaterThan(0);
      expect(await count(selector(M.qubitT1.name, ankaa))).toBe(
        (await count(selector(M.qubitLayout.name, ankaa))) - missing
      );
      expect(await count(`${selector(M.qubitT1.name, ankaa)} == 0`)).toBe(0);
    });

    it('dropped values and bad files are counted with their reason; the last good age is 0 for good sources', async () => {
      const dropped = await prom.query(
        selector(M.ingestErrors.name, [eq(LABEL.reason, REASON.outOfRange), eq(LABEL.backend, 'ibm_dropped')])
      );
      expect(dropped.result.map((r) => [r.metric.field, r.value![1]])).toEqual([['readout_error', '1']]);
      const broken = await prom.query(selector(M.ingestErrors.name, [eq(LABEL.source, 'broken.json')]));
      expect(broken.result.map((r) => r.metric.reason)).toEqual([REASON.invalidJson]);
      expect(await count(`${M.lastGoodAge.name} > 0`)).toBe(0);
    });

    it('availability and queue time of an Azure target', async () => {
      const aria = [eq(LABEL.provider, 'azure'), eq(LABEL.backend, 'ionq.qpu.aria-1')];
      expect(await prom.scalar(selector(M.targetAvailable.name, aria))).toBe(1);
      expect(await prom.scalar(selector(M.targetQueueTime.name, aria))).toBe(420);
    });
  });
});
