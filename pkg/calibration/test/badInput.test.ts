import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALIBRATION_INGEST_REASON as REASON } from '@hybridlens/conventions';
import { describeWithFixtures, freePort } from '@hybridlens/testkit';
import {
  backfill,
  normalizeFiles,
  normalizeTexts,
  readSnapshotFile,
  runCalibrationCli,
  startExporter,
  type RunningExporter,
} from '../src';
import { silentLogger } from '../src/log';
import { fixture } from './helpers';

const BIN = resolve(__dirname, '../bin/hybridlens-calibration.mjs');

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCalibrationCli(argv, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const ibmDoc = (qubits: unknown[][], gates: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    backend_name: 'ibm_test',
    backend_version: '1.0.0',
    last_update_date: '2026-01-02T03:04:05Z',
    qubits,
    gates,
    ...extra,
  });
const param = (name: string, unit: string, value: unknown) => ({ name, unit, value, date: '2026-01-02T00:00:00Z' });
const goodQubit = (t1 = 100) => [param('T1', 'us', t1), param('T2', 'us', 80), param('readout_error', '', 0.02)];
const sx = (q: number, error: number) => ({ gate: 'sx', qubits: [q], parameters: [param('gate_error', '', error)] });

const braketDoc = (oneQubit: Record<string, unknown>, twoQubit: Record<string, unknown> = {}) =>
  JSON.stringify({
    braketSchemaHeader: { name: 'braket.device_schema.iqm.iqm_device_capabilities', version: '1' },
    paradigm: { qubitCount: 3, nativeGateSet: ['cz', 'prx'] },
    service: { updatedAt: '2026-01-02T03:04:05Z' },
    standardized: {
      braketSchemaHeader: { name: 'braket.device_schema.standardized_gate_model_qpu_device_properties', version: '1' },
      oneQubitProperties: oneQubit,
      twoQubitProperties: twoQubit,
    },
  });
const braketQubit = (t1 = 4e-5, readoutFidelity = 0.97) => ({
  T1: { value: t1, unit: 'S' },
  T2: { value: 2e-5, unit: 'S' },
  oneQubitFidelity: [
    { fidelityType: { name: 'SIMULTANEOUS_RANDOMIZED_BENCHMARKING' }, fidelity: 0.999 },
    { fidelityType: { name: 'READOUT' }, fidelity: readoutFidelity },
  ],
});
const cz = (fidelity: number) => ({
  twoQubitGateFidelity: [
    {
      gateName: 'CZ',
      fidelity,
      fidelityType: { name: 'SIMULTANEOUS_INTERLEAVED_RANDOMIZED_BENCHMARKING' },
    },
  ],
});
const cirqDoc = (metrics: Array<{ name: string; targets: string[]; value: number }>) =>
  JSON.stringify({
    cirq_type: 'Calibration',
    metrics: { metrics: metrics.map((m) => ({ name: m.name, targets: m.targets, values: [{ doubleVal: m.value }] })) },
  });

describe('bad input', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hl-cal-bad-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };

  describe('malformed snapshot files', () => {
    const refused = (name: string, content: string | Buffer) => {
      const path = file(name, content);
      const { backends, errors } = normalizeFiles([path]);
      expect(backends).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message.startsWith(`${path}: `)).toBe(true);
      return errors[0]!;
    };

    it('refuses malformed snapshot: IBM properties truncated mid-write', () => {
      const text = ibmDoc([goodQubit(), goodQubit()], [sx(0, 1e-3), sx(1, 2e-3)]);
      const e = refused('props_cut.json', text.slice(0, Math.floor(text.length / 2)));
      expect(e.reason).toBe(REASON.invalidJson);
      expect(e.message).toMatch(/\(document\): not valid JSON/);
    });

    it('refuses malformed snapshot: Braket capabilities truncated mid-write', () => {
      const text = braketDoc({ '1': braketQubit() });
      expect(refused('iqm_cut.json', text.slice(0, text.length - 7)).reason).toBe(REASON.invalidJson);
    });

    it('refuses malformed snapshot: random bytes', () => {
      const noise = Buffer.alloc(4096);
      for (let i = 0; i < noise.length; i++) {
        noise[i] = (i * 7919 + 13) % 251;
      }
      noise[0] = 0x9c;
      const e = refused('noise.json', noise);
      expect(e.reason).toBe(REASON.invalidJson);
      expect(e.message).toMatch(/not a JSON object: starts with byte 0x9c/);
    });

    it('refuses malformed snapshot: an empty file', () => {
      expect(refused('empty.json', '').message).toMatch(/empty file/);
    });

    it('refuses malformed snapshot: an HTML error page saved as .json', () => {
      expect(refused('page.json', '<html><body>502 Bad Gateway</body></html>').reason).toBe(REASON.invalidJson);
    });

    it('refuses malformed snapshot: a JSON array instead of an object', () => {
      expect(refused('array.json', '[1, 2, 3]').reason).toBe(REASON.invalidJson);
    });

    it('refuses malformed snapshot: bytes that are not UTF-8 inside a JSON object', () => {
      const e = refused('latin1.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
      expect(e.message).toMatch(/not UTF-8 text/);
    });

    it('refuses malformed snapshot: a known format with a field of the wrong type names the field', () => {
      const e = refused('props_type.json', ibmDoc([[param('T1', 'us', 'long')]], []));
      expect(e.reason).toBe(REASON.invalidField);
      expect(e.message).toBe(
        `${join(tmp, 'props_type.json')}: qubits[0][0].value: expected a finite number, got string "long"`
      );
    });

    it('refuses malformed snapshot: JSON of no known calibration format', () => {
      expect(refused('mystery.json', '{"device": "x", "t1": 3}').reason).toBe(REASON.unknownFormat);
    });
  });

  describe('oversized snapshot files', () => {
    it('refuses oversized snapshot: a valid snapshot over the size limit is not read', () => {
      const path = file('props_big.json', ibmDoc([goodQubit()], [sx(0, 1e-3)]));
      expect(() => readSnapshotFile(path, 'props_big.json', 100)).toThrow(
        /props_big\.json: \(file\): \d+ bytes is over the limit of 100 bytes; not read/
      );
    });

    it('refuses oversized snapshot: garbage far over the limit, the other files of the directory still served', async () => {
      const dir = join(tmp, 'oversized');
      mkdirSync(dir);
      writeFileSync(join(dir, 'props_ok.json'), ibmDoc([goodQubit()], [sx(0, 1e-3)]));
      writeFileSync(join(dir, 'dump.json'), Buffer.alloc(300_000, 0x7b));
      const exporter = await startExporter({ dir, port: 0, log: silentLogger, maxFileBytes: 100_000 });
      try {
        const text = await (await fetch(`${exporter.url}/metrics`)).text();
        expect(text).toContain('hybrid_calibration_backend_qubits{provider="ibm",backend="ibm_test"} 1');
        expect(text).toContain('hybrid_calibration_ingest_errors_total{source="dump.json",reason="too_large"} 1');
      } finally {
        await exporter.close();
      }
    });
  });

  describe('impossible values', () => {
    const normalized = (source: string, text: string) => {
      const result = normalizeTexts([{ source, text }]);
      expect(result.errors).toEqual([]);
      return { b: result.backends[0]!, warnings: result.warnings };
    };

    it('drops out-of-range value: a negative gate error', () => {
      const { b, warnings } = normalized(
        'props_neg.json',
        ibmDoc([goodQubit(), goodQubit()], [sx(0, -0.01), sx(1, 2e-3)])
      );
      const gate = b.gates.find((g) => g.qubits[0] === 0)!;
      expect(gate.error).toBeNull();
      expect(gate.flags).toContain('out_of_range');
      expect(b.summary.median1qError).toBe(2e-3);
      expect(warnings.map((w) => [w.reason, w.field, w.backend])).toEqual([
        [REASON.outOfRange, 'gate_error', 'ibm_test'],
      ]);
      expect(warnings[0]!.message).toBe(
        'props_neg.json: sx 0: gate_error: -0.01 is outside the valid range [0, 1]; dropped'
      );
    });

    it('drops out-of-range value: a readout error above 1', () => {
      const qubits = [[param('T1', 'us', 100), param('readout_error', '', 1.7)], goodQubit()];
      const { b, warnings } = normalized('props_ro.json', ibmDoc(qubits, [sx(0, 1e-3), sx(1, 1e-3)]));
      expect(b.qubits[0]!.readoutError).toBeNull();
      expect(b.qubits[0]!.flags).toEqual(expect.arrayContaining(['out_of_range', 'missing_readout', 'missing_t2']));
      expect(b.summary.medianReadoutError).toBe(0.02);
      expect(warnings[0]!.message).toMatch(/^props_ro\.json: qubit 0: readout_error: 1\.7 is outside/);
    });

    it('drops out-of-range value: a readout fidelity above 1 (error below 0)', () => {
      const { b, warnings } = normalized('iqm_x.json', braketDoc({ '1': braketQubit(4e-5, 1.2), '2': braketQubit() }));
      expect(b.qubits.find((q) => q.qubit === 1)!.readoutError).toBeNull();
      expect(warnings.map((w) => `${w.target} ${w.field}`)).toEqual(['qubit 1 readout_error']);
    });

    it('drops out-of-range value: T1 of 1e294 s', () => {
      const { b, warnings } = normalized(
        'props_t1.json',
        ibmDoc([goodQubit(1e300), goodQubit(120)], [sx(0, 1e-3), sx(1, 1e-3)])
      );
      expect(b.qubits[0]!.t1Seconds).toBeNull();
      expect(b.summary.medianT1Seconds).toBeCloseTo(120e-6, 15);
      expect(b.summary.qubitsMissingT1).toBe(1);
      expect(warnings[0]!.message).toMatch(/qubit 0: t1: 1e\+294 is outside the valid range \(0, 86400\] s; dropped/);
    });

    it('drops out-of-range value: a negative T2', () => {
      const q = { ...braketQubit(), T2: { value: -5e-5, unit: 'S' } };
      const { b, warnings } = normalized('iqm_t2.json', braketDoc({ '1': q, '2': braketQubit() }));
      expect(b.qubits.find((x) => x.qubit === 1)!.t2Seconds).toBeNull();
      expect(warnings.map((w) => w.field)).toEqual(['t2']);
    });

    it('drops out-of-range value: a gate lasting 5 s', () => {
      const slow = {
        gate: 'sx',
        qubits: [0],
        parameters: [param('gate_error', '', 1e-3), param('gate_length', 'ns', 5e9)],
      };
      const { b, warnings } = normalized('props_slow.json', ibmDoc([goodQubit()], [slow]));
      expect(b.gates[0]!.durationSeconds).toBeNull();
      expect(b.gates[0]!.error).toBe(1e-3);
      expect(warnings.map((w) => w.field)).toEqual(['gate_duration']);
    });

    it('drops out-of-range value: a 2q fidelity above 1', () => {
      const { b, warnings } = normalized(
        'iqm_cz.json',
        braketDoc({ '1': braketQubit(), '2': braketQubit(), '3': braketQubit() }, { '1-2': cz(1.3), '2-3': cz(0.99) })
      );
      expect(b.gates.find((g) => g.gate === 'cz' && g.qubits[0] === 1)!.error).toBeNull();
      expect(b.summary.median2qError).toBeCloseTo(0.01, 12);
      expect(warnings.map((w) => `${w.target} ${w.field}`)).toEqual(['cz 1-2 gate_error']);
    });

    it('drops out-of-range value: a negative average queue time', () => {
      const azure = {
        value: [
          { id: 'ionq', targets: [{ id: 'ionq.qpu.aria-1', currentAvailability: 'Available', averageQueueTime: -3 }] },
        ],
      };
      const { b, warnings } = normalized('azure.json', JSON.stringify(azure));
      expect(b.availability!.averageQueueSeconds).toBeNull();
      expect(b.availability!.available).toBe(true);
      expect(warnings.map((w) => w.field)).toEqual(['queue_time']);
    });

    it('drops out-of-range value: a calibration time in 1970 (seconds read as milliseconds)', () => {
      const { b, warnings } = normalized(
        'props_1970.json',
        ibmDoc([goodQubit()], [sx(0, 1e-3)], { last_update_date: '1970-01-21T08:38:00Z' })
      );
      expect(b.calibratedAt).toBeNull();
      expect(warnings.map((w) => w.field)).toEqual(['timestamp']);
    });
  });

  describe('duplicates', () => {
    it('drops duplicate qubit: a 5-qubit IBM device exported as 6 (the last entry a copy, no gate on it)', () => {
      const qubits = [0, 1, 2, 3, 4].map((q) => goodQubit(100 + q));
      const gates = [0, 1, 2, 3, 4].map((q) => sx(q, 1e-3 + q * 1e-4));
      const { backends, warnings } = normalizeTexts([
        { source: 'props_six.json', text: ibmDoc([...qubits, goodQubit(104)], gates) },
      ]);
      expect(backends[0]!.summary.qubitCount).toBe(5);
      expect(warnings.map((w) => [w.reason, w.field, w.target])).toEqual([[REASON.duplicate, 'qubit', 'qubit 5']]);
      expect(warnings[0]!.message).toMatch(/repeats qubit 4 parameter for parameter; the copy is dropped/);
    });

    it('drops duplicate qubit: Braket keys "1" and "01" name the same qubit; the first is kept', () => {
      const { backends, warnings } = normalizeTexts([
        {
          source: 'iqm_dup.json',
          text: braketDoc({ '1': braketQubit(4e-5), '01': braketQubit(9e-5), '2': braketQubit() }),
        },
      ]);
      const b = backends[0]!;
      expect(b.qubits.filter((q) => q.qubit === 1)).toHaveLength(1);
      expect(b.qubits.find((q) => q.qubit === 1)!.t1Seconds).toBe(4e-5);
      expect(warnings.some((w) => w.reason === REASON.duplicate && w.target === 'qubit 1')).toBe(true);
    });

    it('drops duplicate qubit: Cirq "q3_2" and "3_2" are the same grid qubit', () => {
      const { backends, warnings } = normalizeTexts([
        {
          source: 'rainbow_dup.json',
          text: cirqDoc([
            { name: 'single_qubit_idle_t1_micros', targets: ['q3_2'], value: 20 },
            { name: 'single_qubit_idle_t1_micros', targets: ['3_2'], value: 90 },
            { name: 'single_qubit_idle_t1_micros', targets: ['3_3'], value: 25 },
          ]),
        },
      ]);
      expect(backends[0]!.qubits.map((q) => [q.qubit, q.t1Seconds])).toEqual([
        ['3_2', 20e-6],
        ['3_3', 25e-6],
      ]);
      expect(warnings.map((w) => w.reason)).toEqual([REASON.duplicate]);
    });

    it('drops duplicate qubit: the same gate on the same qubit listed twice keeps the first', () => {
      const { backends, warnings } = normalizeTexts([
        { source: 'props_gate2.json', text: ibmDoc([goodQubit()], [sx(0, 1e-3), sx(0, 9e-3)]) },
      ]);
      expect(backends[0]!.gates.map((g) => g.error)).toEqual([1e-3]);
      expect(warnings.map((w) => `${w.reason} ${w.target}`)).toEqual(['duplicate sx 0']);
    });

    it('drops duplicate qubit: IQM "QB1" and "QB01" observations are one qubit', () => {
      const doc = {
        calibration_set_id: 'c-1',
        quality_metric_set_id: 'q-1',
        metrics: {
          'QB1.t1_time': { value: '4e-05', unit: 's' },
          'QB01.t1_time': { value: '9e-05', unit: 's' },
          'QB2.t1_time': { value: '3e-05', unit: 's' },
        },
      };
      const { backends, warnings } = normalizeTexts([{ source: 'iqm_qb.json', text: JSON.stringify(doc) }]);
      expect(backends[0]!.qubits.map((q) => q.qubit)).toEqual([1, 2]);
      expect(warnings.map((w) => w.reason)).toEqual([REASON.duplicate]);
    });
  });

  describe('entries without a target', () => {
    it('drops entry without target: a Cirq per-qubit metric with no targets (a phantom qubit="")', () => {
      const { backends, warnings } = normalizeTexts([
        {
          source: 'rainbow_phantom.json',
          text: cirqDoc([
            { name: 'single_qubit_idle_t1_micros', targets: [], value: 20 },
            { name: 'single_qubit_idle_t1_micros', targets: ['3_2'], value: 25 },
          ]),
        },
      ]);
      expect(backends[0]!.qubits.map((q) => q.qubit)).toEqual(['3_2']);
      expect(warnings.map((w) => [w.reason, w.field])).toEqual([[REASON.missingTarget, 'qubit']]);
    });

    it('drops entry without target: a Braket qubit keyed ""', () => {
      const { backends, warnings } = normalizeTexts([
        { source: 'iqm_empty_key.json', text: braketDoc({ '': braketQubit(), '1': braketQubit() }) },
      ]);
      expect(backends[0]!.qubits.map((q) => q.qubit)).toEqual([1]);
      expect(warnings.filter((w) => w.reason === REASON.missingTarget)).toHaveLength(2); // the qubit and its RB entry
    });

    it('drops entry without target: a Cirq two-qubit metric with no targets', () => {
      const { backends, warnings } = normalizeTexts([
        {
          source: 'rainbow_pair.json',
          text: cirqDoc([
            { name: 'single_qubit_idle_t1_micros', targets: ['3_2'], value: 25 },
            { name: 'two_qubit_sycamore_gate_xeb_pauli_error_per_cycle', targets: [], value: 0.01 },
          ]),
        },
      ]);
      expect(backends[0]!.gates.filter((g) => g.kind === '2q')).toEqual([]);
      expect(warnings.map((w) => [w.reason, w.field])).toEqual([[REASON.missingTarget, 'coupler']]);
    });

    it('drops entry without target: a Braket pair keyed "-3"', () => {
      const { backends, warnings } = normalizeTexts([
        {
          source: 'iqm_pair.json',
          text: braketDoc({ '1': braketQubit(), '3': braketQubit() }, { '-3': cz(0.99), '1-3': cz(0.98) }),
        },
      ]);
      expect(backends[0]!.gates.filter((g) => g.kind === '2q').map((g) => g.qubits)).toEqual([[1, 3]]);
      expect(warnings.map((w) => w.reason)).toEqual([REASON.missingTarget]);
    });
  });

  describe('command-line flags', () => {
    it.each([
      [
        '--step 0',
        ['backfill', '--out', 'x.om', '--step', '0', 'f.json'],
        '--step: "0" is not a duration (use e.g. 90s, 15m, 1h30m, 7d); accepted: 1m to 1d',
      ],
      ['--step 0s', ['backfill', '--out', 'x.om', '--step', '0s', 'f.json'], '--step: 0s is below the minimum of 1m'],
      ['--step 2d', ['backfill', '--out', 'x.om', '--step', '2d', 'f.json'], '--step: 2d is above the maximum of 1d'],
      [
        '--hold 3650d',
        ['backfill', '--out', 'x.om', '--hold', '3650d', 'f.json'],
        '--hold: 3650d is above the maximum of 90d',
      ],
      [
        '--live-interval 0',
        ['serve', '--live-interval', '0'],
        '--live-interval: "0" is not a duration (use e.g. 90s, 15m, 1h30m, 7d); accepted: 1m to 1d',
      ],
      ['--live-interval 10s', ['serve', '--live-interval', '10s'], '--live-interval: 10s is below the minimum of 1m'],
      ['--port 70000', ['serve', '--port', '70000'], '--port: 70000 is out of range (0 to 65535)'],
      ['--max-file-size 0', ['serve', '--max-file-size', '0'], '--max-file-size: 0 is out of range (1 to 1024)'],
      ['--cadence ibm', ['serve', '--cadence', 'ibm'], '--cadence: "ibm" is not PROVIDER=DURATION (e.g. ibm=24h)'],
      ['--cadence ibm=1s', ['serve', '--cadence', 'ibm=1s'], '--cadence: 1s is below the minimum of 1h'],
    ])('refuses flag out of range: %s', async (_case, argv, message) => {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      const [first, second, ...rest] = r.stderr.split('\n');
      expect(first).toBe(`hybridlens-calibration ${argv[0]}: ${message}`);
      expect(second).toBe(`Run "hybridlens-calibration ${argv[0]} --help" for usage.`);
      expect(rest.join('')).toBe('');
    });
  });

  // Spawned, not in-process: jest gives node's own errors another realm's Error, which is not what users run.
  // Starting the CLI (tsx compiles on start) takes seconds on a loaded machine.
  const SPAWN_TIMEOUT_MS = 40_000;
  const spawnCli = (argv: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, stderr: r.stderr };
  };

  const emptyDir = () => mkdtempSync(join(tmp, 'empty-'));

  describe('ports', () => {
    it(
      'refuses port in use: one line, exit 1',
      async () => {
        const blocker = createServer();
        const port = await freePort();
        await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
        try {
          const r = spawnCli(['serve', '--dir', emptyDir(), '--host', '127.0.0.1', '--port', String(port)]);
          expect(r.code).toBe(1);
          expect(r.stderr).toBe(
            `hybridlens-calibration serve: 127.0.0.1:${port}: address already in use (choose another --port or stop the process using it)\n`
          );
        } finally {
          await new Promise((resolve) => blocker.close(resolve));
        }
      },
      SPAWN_TIMEOUT_MS
    );

    it(
      'refuses port in use: an address not on this machine, one line',
      async () => {
        const r = spawnCli(['serve', '--dir', emptyDir(), '--host', '192.0.2.1', '--port', String(await freePort())]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(
          /^hybridlens-calibration serve: 192\.0\.2\.1:\d+: address not available on this machine \(check --host\)\n$/
        );
      },
      SPAWN_TIMEOUT_MS
    );
  });

  describe('request bodies', () => {
    let exporter: RunningExporter;
    beforeAll(async () => {
      exporter = await startExporter({ dir: null, port: 0, log: silentLogger });
    });
    afterAll(async () => {
      await exporter.close();
    });

    /** A raw request with a body, answered in full (a reset would reject). */
    const send = (method: string, body: Buffer, chunked = false) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          `${exporter.url}/metrics`,
          { method, headers: chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': body.length } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          }
        );
        req.on('error', reject);
        if (chunked) {
          for (let i = 0; i < body.length; i += 1000) {
            req.write(body.subarray(i, i + 1000));
          }
        } else {
          req.write(body);
        }
        req.end();
      });

    it('refuses request body: 2 KB posted to /metrics gets 413 with a message', async () => {
      const r = await send('POST', Buffer.alloc(2048, 0x61));
      expect(r.status).toBe(413);
      expect(r.text).toBe('request body over 1024 bytes: this exporter takes no request bodies\n');
    });

    it('refuses request body: 20 MB gets its 413, not a connection reset', async () => {
      const r = await send('PUT', Buffer.alloc(20 * 1024 * 1024, 0x62));
      expect(r.status).toBe(413);
    });

    it('refuses request body: a chunked body that grows past the limit', async () => {
      expect((await send('POST', Buffer.alloc(10_000, 0x63), true)).status).toBe(413);
    });

    it('refuses request body: a small body on a GET is ignored, a small POST is 405', async () => {
      expect((await send('GET', Buffer.alloc(100, 0x64))).status).toBe(200);
      expect((await send('POST', Buffer.alloc(100, 0x64))).status).toBe(405);
    });
  });
});

describeWithFixtures('bad input in a folder to backfill', (fixtures) => {
  describe('bad input', () => {
    let dir: string;
    beforeAll(() => {
      // Laid out like a simulator backfill's calibration/ folder: provider folders, a Cirq file without a date.
      dir = mkdtempSync(join(tmpdir(), 'hl-cal-bad-bf-'));
      mkdirSync(join(dir, 'ibm'));
      mkdirSync(join(dir, 'google'));
      mkdirSync(join(dir, 'braket'));
      writeFileSync(join(dir, 'ibm/props_manila.json'), readFileSync(fixture(fixtures, 'ibm/props_manila.json')));
      writeFileSync(
        join(dir, 'google/rainbow_calibration.json'),
        readFileSync(fixture(fixtures, 'google/rainbow_2021_11_16_calibration.json'))
      );
      writeFileSync(
        join(dir, 'braket/iqm_garnet.json'),
        readFileSync(fixture(fixtures, 'braket/iqm_garnet_2026-05-05.json'))
      );
      writeFileSync(join(dir, 'braket/broken.json'), '{"braketSchemaHeader": {"name": "braket.device_schema.iqm');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses undated snapshot: a Cirq file without timestamp or date is reported and skipped, the others written', async () => {
      const out = join(dir, '..', `${join(dir).split('/').pop()}.om`);
      try {
        const r = await cli(['backfill', '--out', out, '--step', '1d', '--hold', '2d', dir]);
        expect(r.code).toBe(1);
        const lines = r.stderr.trim().split('\n');
        expect(lines).toContain(
          `skipped: ${join(dir, 'google/rainbow_calibration.json')}: calibratedAt: no timestamp in the file and no YYYY-MM-DD date in its name; skipped (rename it with its date to include it)`
        );
        expect(
          lines.some((l) => l.startsWith(`skipped: ${join(dir, 'braket/broken.json')}: (document): not valid JSON`))
        ).toBe(true);
        expect(lines[lines.length - 1]).toMatch(/^hybridlens-calibration: 2 snapshots of 2 devices → .* 2 skipped$/);
        const text = readFileSync(out, 'utf8');
        expect(text).toContain('backend="ibmq_manila"');
        expect(text).toContain('backend="garnet"');
        expect(text).not.toContain('backend="rainbow"');
        expect(text.endsWith('# EOF\n')).toBe(true);
      } finally {
        rmSync(out, { force: true });
      }
    });

    it('refuses undated snapshot: only undated files is an error and writes nothing', () => {
      const out = join(dir, 'nothing.om');
      expect(() => backfill({ files: [join(dir, 'google/rainbow_calibration.json')], out })).toThrow(
        /no calibration snapshots to backfill; 1 skipped, first: .*rainbow_calibration\.json: calibratedAt: no timestamp/
      );
      expect(() => readFileSync(out)).toThrow(/ENOENT/);
    });

    it('refuses oversized history: --step and --hold that would write too many samples, before writing', () => {
      const out = join(dir, 'huge.om');
      expect(() =>
        backfill({
          files: [join(dir, 'ibm/props_manila.json')],
          out,
          stepSeconds: 60,
          holdSeconds: 90 * 86400,
          maxSamples: 1e6,
        })
      ).toThrow(/--step\/--hold: samples: \d+ samples is over the limit of 1000000: raise --step or lower --hold/);
      expect(() => readFileSync(out)).toThrow(/ENOENT/);
    });
  });
});

describe('tolerated input', () => {
  it('a UTF-8 byte-order mark before the JSON is accepted', () => {
    const text = '\uFEFF' + ibmDoc([goodQubit()], [sx(0, 1e-3)]);
    const { backends, errors } = normalizeTexts([{ source: 'props_bom.json', text }]);
    expect(errors).toEqual([]);
    expect(backends[0]!.backend).toBe('ibm_test');
  });

  it('a byte-order mark in a file is accepted too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-cal-bom-'));
    try {
      const path = join(dir, 'props_bom.json');
      writeFileSync(
        path,
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ibmDoc([goodQubit()], [sx(0, 1e-3)]))])
      );
      const { backends, errors } = normalizeFiles([path]);
      expect(errors).toEqual([]);
      expect(backends).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
