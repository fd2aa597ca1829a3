import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithFixtures, freePort } from '@hybridlens/testkit';
import { fixture } from './helpers';

const BIN = resolve(__dirname, '../bin/hybridlens-calibration.mjs');
// Every test here starts the CLI as a process (tsx compiles on start): seconds on a loaded machine.
jest.setTimeout(40_000);
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

describeWithFixtures('hybridlens-calibration CLI', (fixtures) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hl-cal-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('normalize prints one object per backend with exactly the documented fields', () => {
    // sherbrooke makes the output far larger than a pipe buffer: it must arrive whole.
    const r = run([
      'normalize',
      fixture(fixtures, 'ibm/props_manila.json'),
      fixture(fixtures, 'braket/ionq_forte_enterprise_1_2026-05-03.json'),
      fixture(fixtures, 'ibm/props_sherbrooke.json'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    for (const b of out) {
      expect(Object.keys(b)).toEqual(
        expect.arrayContaining(['provider', 'backend', 'calibratedAt', 'qubits', 'gates', 'summary'])
      );
      expect(Object.keys(b.summary).sort()).toEqual(
        [
          'qubitCount',
          'medianT1Seconds',
          'medianT2Seconds',
          'medianReadoutError',
          'median1qError',
          'median2qError',
          'uncalibratedGates',
          'qubitsMissingT1',
        ].sort()
      );
    }
    const manila = out.find((b: any) => b.backend === 'ibmq_manila');
    expect(Object.keys(manila.qubits[0]).slice(0, 5)).toEqual([
      'qubit',
      't1Seconds',
      't2Seconds',
      'readoutError',
      'flags',
    ]);
    expect(Object.keys(manila.gates[0])).toEqual(
      expect.arrayContaining(['gate', 'qubits', 'error', 'durationSeconds', 'flags'])
    );
    const forte = out.find((b: any) => b.provider === 'braket');
    expect(forte.qubits).toEqual([]);
    // never NaN and never a placeholder 0 for missing: JSON would show null
    expect(r.stdout).not.toMatch(/NaN/);
  });

  it('normalize reports a bad file on stderr with file and field, prints the rest, and exits 1', () => {
    const bad = join(tmp, 'props_bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        backend_name: 'x',
        qubits: [[{ name: 'T1', unit: 'us', value: null }]],
        gates: [{ gate: 'sx' }],
      })
    );
    const r = run(['normalize', bad, fixture(fixtures, 'ibm/props_manila.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${bad}: gates[0].qubits: expected an array, got nothing (field missing)\n`);
    expect(JSON.parse(r.stdout).map((b: any) => b.backend)).toEqual(['ibmq_manila']);
  });

  it('backfill writes OpenMetrics for promtool', () => {
    const out = join(tmp, 'hanoi.om');
    const r = run(['backfill', '--out', out, '--step', '6h', '--hold', '1d', join(fixtures, 'calibration/ibm/drift')]);
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('# EOF\n')).toBe(true);
    // 5 snapshots × 5 samples (0, 6, 12, 18, 24 h) of the backend's median T1
    expect(text.split('\n').filter((l) => l.startsWith(CALIBRATION_METRIC.medianT1.name + '{'))).toHaveLength(25);
  });

  it('a bad duration names the flag, on one line, with exit code 2', () => {
    const r = run([
      'backfill',
      '--out',
      join(tmp, 'x.om'),
      '--step',
      'soon',
      fixture(fixtures, 'ibm/props_manila.json'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'hybridlens-calibration backfill: --step: "soon" is not a duration (use e.g. 90s, 15m, 1h30m, 7d); accepted: 1m to 1d'
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['normalize', 'serve', 'backfill', 'rules'])('%s --help prints its options on stdout, exit 0', (command) => {
    const r = run([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: hybridlens-calibration ${command}`));
    expect(r.stdout).toContain('-h, --help');
  });

  it('rules prints the drift recording rules', () => {
    const r = run(['rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('record: calibration:qubit_t1_seconds:ratio_to_median_7d');
  });

  it('serve exposes /metrics for a directory and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--dir', join(fixtures, 'calibration/google'), '--port', String(port), '--host', '127.0.0.1'],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    );
    try {
      const deadline = Date.now() + 20_000;
      let text = '';
      while (!text) {
        try {
          text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        } catch {
          if (Date.now() > deadline) {
            throw new Error('serve did not start');
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(text).toContain(`${CALIBRATION_METRIC.qubitCount.name}{provider="google",backend="rainbow"} 23`);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
