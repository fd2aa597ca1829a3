import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithBinary, describeWithFixtures, promtool } from '@hybridlens/testkit';
import { silentLogger } from '../src/log';
import { startExporter, type RunningExporter } from '../src';
import { fixture } from './helpers';

async function scrape(exporter: RunningExporter): Promise<string> {
  const res = await fetch(`${exporter.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** Value of one series in an exposition, found by exact label set. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (
      m &&
      m[1] === name &&
      m[2]!
        .split(/,(?=[a-z_]+=")/)
        .sort()
        .join(',') === wanted
    ) {
      return Number(m[3]);
    }
  }
  return undefined;
}

describeWithFixtures('exporter over a snapshot directory', (fixtures) => {
  let dir: string;
  let exporter: RunningExporter;

  beforeAll(async () => {
    // The fixtures are read from ../shared and copied to a temp dir only so the test can change files.
    dir = mkdtempSync(join(tmpdir(), 'hl-cal-exp-'));
    mkdirSync(join(dir, 'ibm'));
    copyFileSync(fixture(fixtures, 'ibm/props_manila.json'), join(dir, 'ibm/props_manila.json'));
    copyFileSync(fixture(fixtures, 'ibm/conf_manila.json'), join(dir, 'ibm/conf_manila.json'));
    copyFileSync(
      fixture(fixtures, 'braket/rigetti_ankaa-3_2026-04-01.json'),
      join(dir, 'rigetti_ankaa-3_2026-04-01.json')
    );
    copyFileSync(
      fixture(fixtures, 'google/rainbow_2021_11_16_calibration.json'),
      join(dir, 'rainbow_2021_11_16_calibration.json')
    );
    writeFileSync(join(dir, 'broken.json'), '{"backend_name": "ibm_broken", "qubits": "none"}');
    exporter = await startExporter({ dir, port: 0, log: silentLogger });
  });

  afterAll(async () => {
    await exporter?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports per-qubit, per-gate and per-backend series with contract names', async () => {
    const text = await scrape(exporter);
    const manila = { provider: 'ibm', backend: 'ibmq_manila' };
    expect(sample(text, CALIBRATION_METRIC.qubitCount.name, manila)).toBe(5);
    expect(sample(text, CALIBRATION_METRIC.qubitT1.name, { ...manila, qubit: '0' })).toBeCloseTo(
      131.5286444531517e-6,
      15
    );
    expect(sample(text, CALIBRATION_METRIC.gateError.name, { ...manila, gate: 'cx', qubits: '0-1' })).toBeGreaterThan(
      0
    );
    expect(
      sample(text, CALIBRATION_METRIC.info.name, {
        ...manila,
        calibration_version: '2024-05-27T18:27:23.000Z',
        processor_family: 'Falcon',
      })
    ).toBe(1);
    expect(sample(text, CALIBRATION_METRIC.calibratedAt.name, manila)).toBe(
      Date.parse('2024-05-27T15:27:23-03:00') / 1000
    );
    // Google has no timestamp: no timestamp series, but everything else
    const rainbow = { provider: 'google', backend: 'rainbow' };
    expect(sample(text, CALIBRATION_METRIC.calibratedAt.name, rainbow)).toBeUndefined();
    expect(sample(text, CALIBRATION_METRIC.medianT2.name, rainbow)).toBeUndefined();
    expect(sample(text, CALIBRATION_METRIC.medianT1.name, rainbow)).toBeGreaterThan(0);
    // Rigetti sentinels are counted and not exported as gate errors
    const ankaa = { provider: 'braket', backend: 'Ankaa-3' };
    expect(sample(text, CALIBRATION_METRIC.uncalibratedGates.name, ankaa)).toBe(30);
    expect(
      sample(text, CALIBRATION_METRIC.gateError.name, { ...ankaa, gate: 'iswap', qubits: '78-79' })
    ).toBeUndefined();
    expect(sample(text, CALIBRATION_METRIC.qubitsMissingT1.name, ankaa)).toBe(1);
    const names = new Set(
      text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(/[{ ]/)[0])
    );
    const contract = new Set(Object.values(CALIBRATION_METRIC).map((d) => d.name));
    expect([...names].filter((n) => !contract.has(n!))).toEqual([]);
  });

  it('a bad file is counted by the ingest-error counter once, and the others keep exporting', async () => {
    const text = await scrape(exporter);
    expect(
      sample(text, CALIBRATION_METRIC.ingestErrors.name, { source: 'broken.json', reason: 'unknown_format' })
    ).toBe(1);
    const again = await scrape(exporter);
    expect(
      sample(again, CALIBRATION_METRIC.ingestErrors.name, { source: 'broken.json', reason: 'unknown_format' })
    ).toBe(1);
    expect(sample(again, CALIBRATION_METRIC.qubitCount.name, { provider: 'google', backend: 'rainbow' })).toBe(23);
  });

  it('re-reads the directory when a file changes, is added or removed', async () => {
    copyFileSync(fixture(fixtures, 'braket/iqm_garnet_2026-05-05.json'), join(dir, 'iqm_garnet_2026-05-05.json'));
    rmSync(join(dir, 'rainbow_2021_11_16_calibration.json'));
    writeFileSync(join(dir, 'broken.json'), '{"still": "broken"}');
    const text = await scrape(exporter);
    expect(sample(text, CALIBRATION_METRIC.qubitCount.name, { provider: 'braket', backend: 'garnet' })).toBe(20);
    expect(
      sample(text, CALIBRATION_METRIC.qubitCount.name, { provider: 'google', backend: 'rainbow' })
    ).toBeUndefined();
    // the new version of the bad file is counted once more
    expect(
      sample(text, CALIBRATION_METRIC.ingestErrors.name, { source: 'broken.json', reason: 'unknown_format' })
    ).toBe(2);
  });

  it('serves the newest snapshot when one directory holds several of a device', async () => {
    copyFileSync(fixture(fixtures, 'braket/drift/iqm_garnet_2025-07-06.json'), join(dir, 'iqm_garnet_2025-07-06.json'));
    const text = await scrape(exporter);
    expect(sample(text, CALIBRATION_METRIC.calibratedAt.name, { provider: 'braket', backend: 'garnet' })).toBe(
      Date.parse('2026-05-05T16:45:26.355Z') / 1000
    );
  });

  it('for snapshots without timestamps the date in the file name decides which is newest', async () => {
    const doc = JSON.parse(readFileSync(fixture(fixtures, 'google/rainbow_2021_11_16_calibration.json'), 'utf8'));
    const t1 = doc.metrics.metrics.find((m: any) => m.name === 'single_qubit_idle_t1_micros');
    const target = t1.targets[0];
    // The newer file comes first in path order, so path order alone would pick the older one.
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'z'));
    writeFileSync(
      join(dir, 'a/rainbow_2021-11-20.json'),
      JSON.stringify({
        ...doc,
        metrics: {
          metrics: doc.metrics.metrics.map((m: any) => (m === t1 ? { ...m, values: [{ doubleVal: 99 }] } : m)),
        },
      })
    );
    writeFileSync(join(dir, 'z/rainbow_2021-11-16.json'), JSON.stringify(doc));
    const text = await scrape(exporter);
    expect(
      sample(text, CALIBRATION_METRIC.qubitT1.name, { provider: 'google', backend: 'rainbow', qubit: target })
    ).toBe(99 / 1e6);
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'exposition format', () => {
    it('passes promtool check metrics', async () => {
      const text = await scrape(exporter);
      // promtool prints lint findings and exits non-zero on parse errors or lint problems.
      expect(promtool(['check', 'metrics'], text)).toBe('');
    });
  });
});
