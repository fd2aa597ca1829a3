import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import {
  describeWithBinary,
  describeWithFixtures,
  promtool,
  startPrometheus,
  type RunningPrometheus,
} from '@hybridlens/testkit';
import { backfill, normalizeFiles } from '../src';
import { fixture, independentMedian, readJson } from './helpers';

const M = CALIBRATION_METRIC;
const HANOI = ['2021-12-09', '2024-04-16', '2024-05-27', '2025-02-12', '2025-02-26'].map(
  (d) => `ibm/drift/props_hanoi_${d}.json`
);

describeWithFixtures('backfill of dated snapshots', (fixtures) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hl-cal-bf-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes OpenMetrics ending in # EOF with samples held at the step until the next snapshot', () => {
    const out = join(tmp, 'garnet.om');
    const files = ['braket/drift/iqm_garnet_2025-07-06.json', 'braket/drift/iqm_garnet_2025-08-14.json'].map((f) =>
      fixture(fixtures, f)
    );
    const result = backfill({ files, out, stepSeconds: 3600, holdSeconds: 86400 });
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('# EOF\n')).toBe(true);
    const lines = text.split('\n').filter((l) => l.startsWith(`${M.medianT1.name}{`));
    // 25 hourly samples per snapshot (hold of one day, both ends included)
    expect(lines).toHaveLength(50);
    expect(Number(lines[0]!.split(' ')[2])).toBe(result.snapshots[0]!.timestamp);
  });

  it('backfills several devices at once, each snapshot held until the next one of its own device', () => {
    const out = join(tmp, 'two.om');
    const result = backfill({
      files: [
        fixture(fixtures, 'ibm/props_manila.json'),
        fixture(fixtures, 'ibm/drift/props_hanoi_2025-02-12.json'),
        fixture(fixtures, 'ibm/drift/props_hanoi_2025-02-26.json'),
      ],
      out,
      stepSeconds: 86400,
      holdSeconds: 30 * 86400,
    });
    expect(result.skipped).toEqual([]);
    const medians = readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith(`${M.medianT1.name}{`));
    const count = (backend: string) => medians.filter((l) => l.includes(`backend="${backend}"`)).length;
    // manila alone: the full hold (31 daily samples); hanoi: daily until its next snapshot, then the full hold
    const [first, second] = result.snapshots.filter((s) => s.backend.backend === 'ibm_hanoi').map((s) => s.timestamp);
    expect(count('ibmq_manila')).toBe(31);
    expect(count('ibm_hanoi')).toBe(Math.ceil((second! - first!) / 86400) + 31);
  });

  it('a file without a timestamp takes the date in its name; without either it is an error', () => {
    const text = readFileSync(fixture(fixtures, 'google/rainbow_2021_11_16_calibration.json'), 'utf8');
    writeFileSync(join(tmp, 'rainbow_2021-11-16.json'), text);
    const ok = backfill({ files: [join(tmp, 'rainbow_2021-11-16.json')], out: join(tmp, 'r.om') });
    expect(ok.snapshots[0]!.timestamp).toBe(Date.UTC(2021, 10, 16) / 1000);
    writeFileSync(join(tmp, 'rainbow.json'), text);
    expect(() => backfill({ files: [join(tmp, 'rainbow.json')], out: join(tmp, 'r2.om') })).toThrow(
      /rainbow\.json: calibratedAt: no timestamp in the file/
    );
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'loaded into a real Prometheus', () => {
    let prom: RunningPrometheus;
    const times: number[] = [];
    let droppedAt = 0;
    let firstGarnet = 0;

    beforeAll(async () => {
      const hanoi = join(tmp, 'hanoi.om');
      const result = backfill({
        files: HANOI.map((f) => fixture(fixtures, f)),
        out: hanoi,
        stepSeconds: 3600,
        holdSeconds: 2 * 86400,
      });
      times.push(...result.snapshots.map((s) => s.timestamp));
      // Qubit 5 drops out of the second Garnet snapshot (written here; the first is the real file).
      const second = readJson(fixture(fixtures, 'braket/drift/iqm_garnet_2025-08-14.json'));
      delete second.standardized.oneQubitProperties['5'];
      writeFileSync(join(tmp, 'iqm_garnet_2025-08-14.json'), JSON.stringify(second));
      const garnet = join(tmp, 'garnet2.om');
      const g = backfill({
        files: [fixture(fixtures, 'braket/drift/iqm_garnet_2025-07-06.json'), join(tmp, 'iqm_garnet_2025-08-14.json')],
        out: garnet,
        stepSeconds: 3600,
        holdSeconds: 2 * 86400,
      });
      firstGarnet = g.snapshots[0]!.timestamp;
      droppedAt = g.snapshots[1]!.timestamp;
      // Snapshots months apart: one block per 2 h window would take promtool ~40 s; larger blocks take ~1 s.
      for (const file of [hanoi, garnet]) {
        promtool(['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=8760h', file, join(tmp, 'data')]);
      }
      prom = await startPrometheus({ dataDir: join(tmp, 'data') });
    }, 60_000);

    afterAll(async () => {
      await prom?.stop();
    });

    it('each snapshot’s median T1, 2q error and sentinel count are visible after it', async () => {
      const expected = HANOI.map((f) => normalizeFiles([fixture(fixtures, f)]).backends[0]!);
      for (let i = 0; i < times.length; i++) {
        const at = times[i]! + 3 * 3600;
        const t1 = expected[i]!.qubits.map((q) => q.t1Seconds).filter((v): v is number => v !== null);
        expect(await prom.scalar(`${M.medianT1.name}{backend="ibm_hanoi"}`, at)).toBeCloseTo(independentMedian(t1), 15);
        expect(await prom.scalar(`${M.uncalibratedGates.name}{backend="ibm_hanoi"}`, at)).toBe(
          expected[i]!.summary.uncalibratedGates
        );
        expect(await prom.scalar(`${M.median2qError.name}{backend="ibm_hanoi"}`, at)).toBe(
          expected[i]!.summary.median2qError
        );
      }
      // beyond the hold after the last snapshot there is no value
      expect((await prom.query(`${M.medianT1.name}{backend="ibm_hanoi"}`, times[4]! + 5 * 86400)).result).toEqual([]);
    });

    it('a qubit that dropped out of a later snapshot has no series there, the others continue', async () => {
      const q5 = `${M.qubitT1.name}{backend="garnet",qubit="5"}`;
      expect((await prom.query(q5, firstGarnet + 3600)).result).toHaveLength(1);
      expect((await prom.query(q5, droppedAt + 3600)).result).toEqual([]);
      expect(await prom.scalar(`count(${M.qubitT1.name}{backend="garnet"})`, droppedAt + 3600)).toBe(19);
      expect(await prom.scalar(`${M.qubitCount.name}{backend="garnet"}`, droppedAt + 3600)).toBe(19);
    });
  });
});
