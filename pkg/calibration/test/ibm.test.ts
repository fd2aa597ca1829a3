import { describeWithFixtures } from '@hybridlens/testkit';
import { normalizeFiles, normalizeTexts } from '../src';
import { fixture, independentMedian, readJson } from './helpers';

describeWithFixtures('IBM BackendProperties + BackendConfiguration', (dir) => {
  it('converts T1/T2 from "us" and gate lengths from "ns" to seconds', () => {
    const raw = readJson(fixture(dir, 'ibm/props_manila.json'));
    const [b] = normalizeFiles([fixture(dir, 'ibm/props_manila.json')]).backends;
    const rawT1 = raw.qubits[0].find((p: any) => p.name === 'T1');
    expect(rawT1.unit).toBe('us');
    expect(b!.qubits[0]!.t1Seconds).toBeCloseTo(rawT1.value * 1e-6, 15);
    const rawSx = raw.gates.find((g: any) => g.gate === 'sx' && g.qubits[0] === 0);
    const sx = b!.gates.find((g) => g.gate === 'sx' && g.qubits[0] === 0)!;
    expect(sx.durationSeconds).toBeCloseTo(
      rawSx.parameters.find((p: any) => p.name === 'gate_length').value * 1e-9,
      18
    );
    expect(b!.calibratedAt).toBe(new Date(raw.last_update_date).toISOString());
  });

  it('takes coupling map, basis gates and processor family from conf_*.json', () => {
    const { backends, errors } = normalizeFiles([
      fixture(dir, 'ibm/props_manila.json'),
      fixture(dir, 'ibm/conf_manila.json'),
    ]);
    expect(errors).toEqual([]);
    expect(backends).toHaveLength(1);
    const conf = readJson(fixture(dir, 'ibm/conf_manila.json'));
    expect(backends[0]!.processorFamily).toBe(conf.processor_type.family);
    expect(backends[0]!.configuration?.couplingMap).toEqual(conf.coupling_map);
    expect(backends[0]!.configuration?.basisGates).toEqual(conf.basis_gates);
  });

  it('median 1q error is over sx, median 2q error over the native ecr gate, 1.0 sentinels excluded and counted', () => {
    const raw = readJson(fixture(dir, 'ibm/props_sherbrooke.json'));
    const [b] = normalizeFiles([fixture(dir, 'ibm/props_sherbrooke.json')]).backends;
    const errorsOf = (gate: string) =>
      raw.gates
        .filter((g: any) => g.gate === gate)
        .map((g: any) => g.parameters.find((p: any) => p.name === 'gate_error').value as number);
    const ecr = errorsOf('ecr');
    const sentinels = ecr.filter((e: number) => e === 1);
    expect(sentinels.length).toBeGreaterThan(0);
    expect(b!.summary.uncalibratedGates).toBe(sentinels.length);
    expect(b!.summary.median2qError).toBeCloseTo(independentMedian(ecr.filter((e: number) => e !== 1)), 15);
    expect(b!.summary.median1qError).toBeCloseTo(independentMedian(errorsOf('sx')), 15);
    const flagged = b!.gates.filter((g) => g.flags.includes('uncalibrated'));
    expect(flagged).toHaveLength(sentinels.length);
    expect(flagged.every((g) => g.error === null && g.gate === 'ecr')).toBe(true);
    const t1 = raw.qubits.map((q: any) => q.find((p: any) => p.name === 'T1').value * 1e-6);
    expect(b!.summary.medianT1Seconds).toBeCloseTo(independentMedian(t1), 15);
    expect(b!.summary.qubitCount).toBe(127);
    const readout = raw.qubits.map((q: any) => q.find((p: any) => p.name === 'readout_error').value);
    expect(b!.summary.medianReadoutError).toBeCloseTo(independentMedian(readout), 15);
  });

  it('uses cx as the 2q gate where the device has no ecr (hanoi), sentinels excluded', () => {
    const path = fixture(dir, 'ibm/drift/props_hanoi_2024-04-16.json');
    const raw = readJson(path);
    const [b] = normalizeFiles([path]).backends;
    const cx = raw.gates
      .filter((g: any) => g.gate === 'cx')
      .map((g: any) => g.parameters.find((p: any) => p.name === 'gate_error').value);
    expect(b!.summary.uncalibratedGates).toBe(cx.filter((e: number) => e === 1).length);
    expect(b!.summary.median2qError).toBeCloseTo(independentMedian(cx.filter((e: number) => e !== 1)), 15);
    expect(b!.gates.filter((g) => g.native && g.kind === '2q').every((g) => g.gate === 'cx')).toBe(true);
  });

  it('keeps virtual rz (error 0, length 0) as a flagged real zero and reset with only a length', () => {
    const [b] = normalizeFiles([fixture(dir, 'ibm/props_manila.json')]).backends;
    const rz = b!.gates.find((g) => g.gate === 'rz')!;
    expect(rz.flags).toEqual(['virtual']);
    const reset = b!.gates.find((g) => g.gate === 'reset')!;
    expect(reset.error).toBeNull();
    expect(reset.durationSeconds).toBeGreaterThan(0);
    expect(reset.native).toBe(false);
  });
});

describe('IBM traps in hand-written documents', () => {
  const doc = (qubit0: unknown[], unit = 'us') =>
    JSON.stringify({
      backend_name: 'ibm_test',
      backend_version: '1.0.0',
      last_update_date: '2025-01-02T03:04:05+01:00',
      qubits: [
        qubit0,
        [
          { name: 'T1', unit, value: 100, date: '2025-01-02T00:00:00Z' },
          { name: 'T2', unit, value: 50, date: '2025-01-02T00:00:00Z' },
          { name: 'readout_error', unit: '', value: 0.02, date: '2025-01-02T00:00:00Z' },
        ],
      ],
      gates: [
        {
          gate: 'sx',
          qubits: [0],
          parameters: [
            { name: 'gate_error', unit: '', value: 0.001 },
            { name: 'gate_length', unit: 'ns', value: 35.5 },
          ],
        },
        { gate: 'sx', qubits: [1], parameters: [{ name: 'gate_error', unit: '', value: 1.0 }] },
        { gate: 'cz', qubits: [0, 1], parameters: [{ name: 'gate_error', unit: '', value: 0.01 }] },
      ],
      general: [],
    });

  it('a qubit without T1/T2 gets nulls and flags, is counted, and medians use the others', () => {
    const { backends } = normalizeTexts([
      { source: 'props_test.json', text: doc([{ name: 'readout_error', unit: '', value: 0.03 }]) },
    ]);
    const b = backends[0]!;
    expect(b.qubits[0]).toEqual({
      qubit: 0,
      t1Seconds: null,
      t2Seconds: null,
      readoutError: 0.03,
      flags: ['missing_t1', 'missing_t2'],
    });
    expect(b.summary.qubitsMissingT1).toBe(1);
    expect(b.summary.medianT1Seconds).toBeCloseTo(100e-6, 15);
    expect(b.summary.medianReadoutError).toBeCloseTo(0.025, 15);
    // the sx sentinel on qubit 1 is flagged and left out of the 1q median
    expect(b.summary.median1qError).toBe(0.001);
    expect(b.summary.uncalibratedGates).toBe(1);
    expect(b.summary.median2qError).toBe(0.01);
    expect(b.calibratedAt).toBe('2025-01-02T02:04:05.000Z');
  });

  it('reads ms and s as well as us', () => {
    const { backends } = normalizeTexts([{ source: 'x.json', text: doc([], 'ms') }]);
    expect(backends[0]!.qubits[1]!.t1Seconds).toBeCloseTo(0.1, 12);
  });

  it('an unknown time unit is an error naming the file and the field', () => {
    const { backends, errors } = normalizeTexts([{ source: 'props_weird.json', text: doc([], 'fortnights') }]);
    expect(backends).toEqual([]);
    expect(errors[0]!.message).toBe(
      'props_weird.json: qubits[1][0].unit: unknown time unit "fortnights" (expected s, ms, us or ns)'
    );
  });
});

describe('IBM devices from before sx', () => {
  it('take u2 as the native single-qubit gate and cx as the two-qubit one', () => {
    const doc = {
      backend_name: 'ibmq_old',
      last_update_date: '2020-01-01T00:00:00Z',
      qubits: [[{ name: 'T1', unit: 'µs', value: 50 }]],
      gates: [
        {
          gate: 'u1',
          qubits: [0],
          parameters: [
            { name: 'gate_error', unit: '', value: 0 },
            { name: 'gate_length', unit: 'ns', value: 0 },
          ],
        },
        { gate: 'u2', qubits: [0], parameters: [{ name: 'gate_error', unit: '', value: 0.0004 }] },
        { gate: 'u3', qubits: [0], parameters: [{ name: 'gate_error', unit: '', value: 0.0008 }] },
        { gate: 'cx', qubits: [0, 1], parameters: [{ name: 'gate_error', unit: '', value: 0.02 }] },
      ],
    };
    const b = normalizeTexts([{ source: 'props_old.json', text: JSON.stringify(doc) }]).backends[0]!;
    expect(b.qubits[0]!.t1Seconds).toBeCloseTo(50e-6, 15);
    expect(b.summary.median1qError).toBe(0.0004);
    expect(b.summary.median2qError).toBe(0.02);
  });
});
