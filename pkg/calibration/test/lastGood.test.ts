import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION_INGEST_REASON as REASON, CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithFixtures } from '@hybridlens/testkit';
import {
  CalibrationState,
  DirectorySource,
  startExporter,
  type BackendCalibration,
  type RunningExporter,
} from '../src';
import { silentLogger } from '../src/log';
import { fixture } from './helpers';

/** Writers replace files atomically; a test that wants a half-written file writes it in place on purpose. */
function replaceAtomically(path: string, text: string | Buffer) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

describeWithFixtures('the last good snapshot is kept', (fixtures) => {
  let dir: string;
  let clock: number;
  let state: CalibrationState;
  let source: DirectorySource;
  let manila: string;
  let good: string;

  const served = (backend: string): BackendCalibration | undefined =>
    state.backends().find((b) => b.backend === backend);
  const age = (backend: string) => state.lastGoodAges().find((a) => a.backend === backend)?.seconds;
  const errors = (src: string, reason: string) =>
    state.ingestErrors().find((e) => e.labels.source === src && e.labels.reason === reason)?.count ?? 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-cal-lastgood-'));
    mkdirSync(join(dir, 'ibm'));
    manila = join(dir, 'ibm/props_manila.json');
    good = readFileSync(fixture(fixtures, 'ibm/props_manila.json'), 'utf8');
    writeFileSync(manila, good);
    writeFileSync(join(dir, 'iqm_garnet.json'), readFileSync(fixture(fixtures, 'braket/iqm_garnet_2026-05-05.json')));
    clock = Date.UTC(2026, 0, 1);
    state = new CalibrationState(silentLogger, new Map(), () => clock);
    source = new DirectorySource(dir, state, silentLogger);
    expect(source.refresh()).toBe(2);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a snapshot that reads good with age 0', () => {
    expect(served('ibmq_manila')!.summary.qubitCount).toBe(5);
    expect(age('ibmq_manila')).toBe(0);
  });

  it('a file caught half-written keeps its last good snapshot served; the failure is counted with its reason', () => {
    const before = served('ibmq_manila')!;
    writeFileSync(manila, good.slice(0, good.length >> 1));
    expect(source.refresh()).toBe(1);
    expect(served('ibmq_manila')).toBe(before);
    expect(errors('ibm/props_manila.json', REASON.invalidJson)).toBe(1);
    clock += 90_000;
    expect(age('ibmq_manila')).toBe(90);
    expect(age('garnet')).toBe(0);
  });

  it('an unchanged bad file is not read again, and counted once', () => {
    for (let i = 0; i < 5; i++) {
      expect(source.refresh()).toBe(0);
    }
    expect(errors('ibm/props_manila.json', REASON.invalidJson)).toBe(1);
    clock += 30_000;
    expect(age('ibmq_manila')).toBe(120);
  });

  it('a new bad version is counted again, and the age keeps counting from the first failure', () => {
    writeFileSync(manila, '{"backend_name": "ibmq_manila", "qubits": [[{"name": "T1", "unit": "us", "value": "x"}]]');
    expect(source.refresh()).toBe(1);
    expect(errors('ibm/props_manila.json', REASON.invalidJson)).toBe(2);
    expect(age('ibmq_manila')).toBe(120);
  });

  it('recovers on the next good write: the new snapshot is served, the age is 0 again', () => {
    const changed = JSON.parse(good);
    changed.qubits[0].find((p: { name: string }) => p.name === 'T1').value = 77;
    replaceAtomically(manila, JSON.stringify(changed));
    expect(source.refresh()).toBe(1);
    expect(served('ibmq_manila')!.qubits[0]!.t1Seconds).toBeCloseTo(77e-6, 15);
    expect(age('ibmq_manila')).toBe(0);
  });

  it('50 MB of noise beside the snapshots: refused from its first bytes, read once, never again', () => {
    const noise = Buffer.alloc(50 * 1024 * 1024, 0xa5);
    writeFileSync(join(dir, 'dump.json'), noise);
    expect(source.refresh()).toBe(1);
    expect(errors('dump.json', REASON.tooLarge)).toBe(1);
    for (let i = 0; i < 3; i++) {
      expect(source.refresh()).toBe(0);
    }
    // Under the size limit, noise is refused from its first bytes just the same.
    writeFileSync(join(dir, 'dump2.json'), noise.subarray(0, 20 * 1024 * 1024));
    expect(source.refresh()).toBe(1);
    expect(errors('dump2.json', REASON.invalidJson)).toBe(1);
    expect(source.refresh()).toBe(0);
    expect(state.backends().map((b) => b.backend)).toEqual(['garnet', 'ibmq_manila']);
    rmSync(join(dir, 'dump.json'));
    rmSync(join(dir, 'dump2.json'));
    // writing 70 MB of files takes a while on a busy disk
  }, 30_000);

  it('a directory that cannot be listed keeps every snapshot served, counted once, until it is back', () => {
    renameSync(dir, `${dir}.away`);
    try {
      expect(source.refresh()).toBe(0);
      expect(source.refresh()).toBe(0);
      expect(errors(dir, REASON.unreadable)).toBe(1);
      expect(state.backends().map((b) => b.backend)).toEqual(['garnet', 'ibmq_manila']);
      clock += 10_000;
      expect(age('garnet')).toBe(10);
    } finally {
      renameSync(`${dir}.away`, dir);
    }
    source.refresh();
    expect(state.backends().map((b) => b.backend)).toEqual(['garnet', 'ibmq_manila']);
  });

  it('a removed file stops being served (removing is not failing)', () => {
    rmSync(manila);
    source.refresh();
    expect(served('ibmq_manila')).toBeUndefined();
    expect(served('garnet')).toBeDefined();
  });
});

describeWithFixtures('the exporter over a directory with bad files', (fixtures) => {
  let dir: string;
  let exporter: RunningExporter;
  let clock = Date.UTC(2026, 0, 1);

  const scrape = async () => (await fetch(`${exporter.url}/metrics`)).text();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-cal-lastgood-exp-'));
    writeFileSync(join(dir, 'props_manila.json'), readFileSync(fixture(fixtures, 'ibm/props_manila.json')));
    exporter = await startExporter({ dir, port: 0, log: silentLogger, now: () => clock });
  });
  afterAll(async () => {
    await exporter.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the age of the last good snapshot and the counted failure; values stay', async () => {
    const before = await scrape();
    const t1 = `${CALIBRATION_METRIC.qubitT1.name}{provider="ibm",backend="ibmq_manila",qubit="0"}`;
    const age = `${CALIBRATION_METRIC.lastGoodAge.name}{provider="ibm",backend="ibmq_manila"}`;
    expect(before).toContain(`${age} 0\n`);
    const value = before.split('\n').find((l) => l.startsWith(t1));
    expect(value).toBeDefined();
    writeFileSync(join(dir, 'props_manila.json'), '{"backend_name": "ibmq_ma');
    await scrape();
    clock += 300_000;
    const after = await scrape();
    expect(after.split('\n').find((l) => l.startsWith(t1))).toBe(value);
    expect(after).toContain(`${age} 300\n`);
    expect(after).toContain(
      `${CALIBRATION_METRIC.ingestErrors.name}{source="props_manila.json",reason="invalid_json"} 1\n`
    );
  });
});
