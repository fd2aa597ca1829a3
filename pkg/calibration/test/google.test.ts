import { describeWithFixtures } from '@hybridlens/testkit';
import { normalizeFiles, normalizeTexts } from '../src';
import { fixture, independentMedian, readJson } from './helpers';

describeWithFixtures('Google Cirq calibration JSON', (dir) => {
  const path = () => fixture(dir, 'google/rainbow_2021_11_16_calibration.json');
  const metric = (name: string) => {
    const all = readJson(path()).metrics.metrics as Array<{
      name: string;
      targets: string[];
      values: Array<{ doubleVal: number }>;
    }>;
    return all.filter((m) => m.name === name);
  };

  it('has no timestamp inside: calibratedAt is null, the device name comes from the file name', () => {
    const [b] = normalizeFiles([path()]).backends;
    expect(b!.provider).toBe('google');
    expect(b!.backend).toBe('rainbow');
    expect(b!.calibratedAt).toBeNull();
    expect(b!.calibrationVersion).toMatch(/^sha256:[0-9a-f]{12}$/);
  });

  it('T1 from single_qubit_idle_t1_micros in seconds; no T2 anywhere', () => {
    const [b] = normalizeFiles([path()]).backends;
    const t1 = metric('single_qubit_idle_t1_micros');
    expect(b!.summary.qubitCount).toBe(t1.length);
    expect(b!.summary.medianT1Seconds).toBeCloseTo(independentMedian(t1.map((m) => m.values[0]!.doubleVal * 1e-6)), 18);
    expect(b!.summary.medianT2Seconds).toBeNull();
    expect(b!.qubits.every((q) => q.t2Seconds === null && q.flags.includes('missing_t2'))).toBe(true);
    expect(b!.qubits.find((q) => q.qubit === t1[0]!.targets[0])!.t1Seconds).toBeCloseTo(
      t1[0]!.values[0]!.doubleVal * 1e-6,
      18
    );
  });

  it('readout error is the mean of p00 and p11 errors; 1q is the RB Pauli error; 2q the Sycamore XEB Pauli error', () => {
    const [b] = normalizeFiles([path()]).backends;
    const p00 = new Map(metric('single_qubit_p00_error').map((m) => [m.targets[0], m.values[0]!.doubleVal]));
    const p11 = new Map(metric('single_qubit_p11_error').map((m) => [m.targets[0], m.values[0]!.doubleVal]));
    const readout = [...p00.keys()].map((k) => (p00.get(k)! + p11.get(k)!) / 2);
    expect(b!.summary.medianReadoutError).toBeCloseTo(independentMedian(readout), 15);
    expect(b!.summary.median1qError).toBeCloseTo(
      independentMedian(metric('single_qubit_rb_pauli_error_per_gate').map((m) => m.values[0]!.doubleVal)),
      15
    );
    const syc = metric('two_qubit_sycamore_gate_xeb_pauli_error_per_cycle');
    expect(b!.summary.median2qError).toBeCloseTo(independentMedian(syc.map((m) => m.values[0]!.doubleVal)), 15);
    const gate = b!.gates.find((g) => g.gate === 'sycamore' && g.qubits.join() === syc[0]!.targets.join())!;
    expect(gate.native).toBe(true);
    expect(b!.gates.some((g) => g.gate === 'sqrt_iswap' && !g.native)).toBe(true);
  });
});

describe('Cirq MetricsSnapshot with a timestamp (hand-written)', () => {
  it('reads timestampMs and q-prefixed targets', () => {
    const doc = {
      timestampMs: '1637058415838',
      metrics: [
        { name: 'single_qubit_idle_t1_micros', targets: ['q1_2'], values: [{ doubleVal: 20 }] },
        { name: 'single_qubit_p00_error', targets: ['q1_2'], values: [{ doubleVal: 0.01 }] },
        { name: 'single_qubit_p11_error', targets: ['q1_2'], values: [{ doubleVal: 0.03 }] },
        {
          name: 'two_qubit_sqrt_iswap_gate_xeb_pauli_error_per_cycle',
          targets: ['q1_2', 'q1_3'],
          values: [{ doubleVal: 0.012 }],
        },
      ],
    };
    const { backends, errors } = normalizeTexts([
      { source: 'weber_2021_11_16_calibration.json', text: JSON.stringify(doc) },
    ]);
    expect(errors).toEqual([]);
    const b = backends[0]!;
    expect(b.backend).toBe('weber');
    expect(b.calibratedAt).toBe('2021-11-16T10:26:55.838Z');
    expect(b.qubits[0]).toEqual({
      qubit: '1_2',
      t1Seconds: 20e-6,
      t2Seconds: null,
      readoutError: 0.02,
      flags: ['missing_t2'],
    });
    expect(b.summary.median2qError).toBe(0.012);
    expect(b.gates[0]).toMatchObject({ gate: 'sqrt_iswap', qubits: ['1_2', '1_3'], native: true });
  });
});

describe('Cirq calibration without Pauli errors (hand-written)', () => {
  it('falls back to the RB / XEB average errors, Pauli preferred wherever present', () => {
    const doc = {
      cirq_type: 'Calibration',
      metrics: {
        metrics: [
          { name: 'single_qubit_rb_average_error_per_gate', targets: ['0_1'], values: [{ doubleVal: 0.0011 }] },
          {
            name: 'two_qubit_sqrt_iswap_gate_xeb_average_error_per_cycle',
            targets: ['0_1', '0_2'],
            values: [{ doubleVal: 0.009 }],
          },
          {
            name: 'two_qubit_sycamore_gate_xeb_average_error_per_cycle',
            targets: ['0_1', '0_2'],
            values: [{ doubleVal: 0.007 }],
          },
        ],
      },
    };
    const b = normalizeTexts([{ source: 'sim_calibration.json', text: JSON.stringify(doc) }]).backends[0]!;
    expect(b.summary.median1qError).toBe(0.0011);
    expect(b.summary.median2qError).toBe(0.007);
    const withPauli = {
      ...doc,
      metrics: {
        metrics: [
          ...doc.metrics.metrics,
          {
            name: 'two_qubit_sqrt_iswap_gate_xeb_pauli_error_per_cycle',
            targets: ['0_1', '0_2'],
            values: [{ doubleVal: 0.012 }],
          },
        ],
      },
    };
    expect(
      normalizeTexts([{ source: 'x.json', text: JSON.stringify(withPauli) }]).backends[0]!.summary.median2qError
    ).toBe(0.012);
  });
});
