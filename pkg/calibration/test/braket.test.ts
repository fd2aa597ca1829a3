import { readFileSync } from 'node:fs';
import { describeWithFixtures } from '@hybridlens/testkit';
import { normalizeFiles, normalizeTexts } from '../src';
import { fixture, independentMedian, readJson } from './helpers';

const fidelityOf = (list: any[], type: string) =>
  list.find((f) => f.fidelityType.name === type)?.fidelity as number | undefined;

describeWithFixtures('Braket standardized properties (IQM, Rigetti, IonQ)', (dir) => {
  it('IQM Garnet: T1/T2 unit "S" read as seconds; T2 of 0 is missing, not zero', () => {
    const path = fixture(dir, 'braket/iqm_garnet_2026-05-05.json');
    const raw = readJson(path).standardized.oneQubitProperties;
    const [b] = normalizeFiles([path]).backends;
    expect(b!.provider).toBe('braket');
    expect(b!.vendor).toBe('iqm');
    expect(b!.backend).toBe('garnet');
    expect(raw['1'].T1.unit).toBe('S');
    expect(b!.qubits.find((q) => q.qubit === 1)!.t1Seconds).toBe(raw['1'].T1.value);
    const zeroT2 = Object.keys(raw).filter((k) => raw[k].T2.value === 0);
    expect(zeroT2.length).toBeGreaterThan(0);
    for (const k of zeroT2) {
      const q = b!.qubits.find((x) => x.qubit === Number(k))!;
      expect(q.t2Seconds).toBeNull();
      expect(q.flags).toContain('missing_t2');
    }
    const t2 = Object.values(raw)
      .map((q: any) => q.T2.value)
      .filter((v: number) => v > 0);
    expect(b!.summary.medianT2Seconds).toBeCloseTo(independentMedian(t2), 18);
  });

  it('IQM: READOUT_ERROR_* values sit in a `fidelity` field and are errors; readout error = 1 − READOUT', () => {
    const path = fixture(dir, 'braket/iqm_garnet_2026-05-05.json');
    const raw = readJson(path).standardized.oneQubitProperties;
    const [b] = normalizeFiles([path]).backends;
    for (const [k, q] of Object.entries<any>(raw)) {
      const readout = fidelityOf(q.oneQubitFidelity, 'READOUT')!;
      const err01 = fidelityOf(q.oneQubitFidelity, 'READOUT_ERROR_0_TO_1')!;
      expect(err01).toBeLessThan(0.5); // an error, despite the field name
      expect(b!.qubits.find((x) => x.qubit === Number(k))!.readoutError).toBeCloseTo(1 - readout, 15);
    }
    const oneQ = Object.values<any>(raw).map(
      (q) => 1 - fidelityOf(q.oneQubitFidelity, 'SIMULTANEOUS_RANDOMIZED_BENCHMARKING')!
    );
    expect(b!.summary.median1qError).toBeCloseTo(independentMedian(oneQ), 15);
  });

  it('IQM: the native CZ is the 2q gate; the Clifford average is kept but not in the median', () => {
    const path = fixture(dir, 'braket/iqm_garnet_2026-05-05.json');
    const raw = readJson(path).standardized.twoQubitProperties;
    const [b] = normalizeFiles([path]).backends;
    const cz = Object.values<any>(raw).map(
      (p) => 1 - p.twoQubitGateFidelity.find((g: any) => g.gateName === 'CZ').fidelity
    );
    expect(b!.summary.median2qError).toBeCloseTo(independentMedian(cz), 15);
    expect(b!.gates.some((g) => g.gate === 'two_qubit_clifford' && !g.native)).toBe(true);
  });

  it('Rigetti Ankaa-3: fidelity 0.5 marks bad pairs and qubits: flagged, counted, excluded; T1 of 0 missing', () => {
    const path = fixture(dir, 'braket/rigetti_ankaa-3_2026-04-01.json');
    const doc = readJson(path);
    const [b] = normalizeFiles([path]).backends;
    expect(b!.backend).toBe(doc.provider.specs.name);
    const pairs = Object.values<any>(doc.standardized.twoQubitProperties).map(
      (p) => p.twoQubitGateFidelity[0].fidelity as number
    );
    const qubitRb = Object.values<any>(doc.standardized.oneQubitProperties).map((q) =>
      fidelityOf(q.oneQubitFidelity, 'SIMULTANEOUS_RANDOMIZED_BENCHMARKING')!
    );
    const bad = pairs.filter((f) => f === 0.5).length + qubitRb.filter((f) => f === 0.5).length;
    expect(bad).toBeGreaterThan(0);
    expect(b!.summary.uncalibratedGates).toBe(bad);
    expect(b!.summary.median2qError).toBeCloseTo(
      independentMedian(pairs.filter((f) => f !== 0.5).map((f) => 1 - f)),
      15
    );
    expect(b!.summary.median1qError).toBeCloseTo(
      independentMedian(qubitRb.filter((f) => f !== 0.5).map((f) => 1 - f)),
      15
    );
    const zeroT1 = Object.entries<any>(doc.standardized.oneQubitProperties).filter(([, q]) => q.T1.value === 0);
    expect(b!.summary.qubitsMissingT1).toBe(zeroT1.length);
    // qubits absent from the snapshot (dropped out) are absent from the model: 82 present of ids 0..83
    expect(b!.summary.qubitCount).toBe(Object.keys(doc.standardized.oneQubitProperties).length);
    expect(b!.qubits.map((q) => q.qubit)).not.toContain(42);
  });

  it('IonQ Forte (v3): device-level values only, empty qubit list, 1q error from the provider block', () => {
    const path = fixture(dir, 'braket/ionq_forte_enterprise_1_2026-05-03.json');
    const doc = readJson(path);
    const [b] = normalizeFiles([path]).backends;
    expect(b!.qubits).toEqual([]);
    expect(b!.format).toBe('braket.standardized.v3');
    expect(doc.standardized.T1.unit).toBe('s');
    expect(b!.summary.medianT1Seconds).toBe(doc.standardized.T1.value);
    expect(b!.summary.medianT2Seconds).toBe(doc.standardized.T2.value);
    expect(b!.summary.median2qError).toBeCloseTo(1 - doc.standardized.twoQubitGateFidelity[0].fidelity, 15);
    expect(b!.summary.medianReadoutError).toBeCloseTo(1 - doc.standardized.readoutFidelity[0].fidelity, 15);
    expect(b!.summary.median1qError).toBeCloseTo(1 - doc.provider.fidelity['1Q'].mean, 15);
    expect(b!.summary.qubitCount).toBe(doc.paradigm.qubitCount);
    expect(b!.calibratedAt).toBe(new Date(doc.standardized.updatedAt).toISOString());
  });

  it('a GetDevice response (capabilities as a JSON string) takes the device name and status from the response', () => {
    const text = readFileSync(fixture(dir, 'braket/iqm_garnet_2026-05-05.json'), 'utf8');
    const response = {
      deviceArn: 'arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet',
      deviceName: 'Garnet',
      providerName: 'IQM',
      deviceType: 'QPU',
      deviceStatus: 'ONLINE',
      deviceCapabilities: text,
    };
    const { backends, errors } = normalizeTexts([{ source: 'getdevice.json', text: JSON.stringify(response) }]);
    expect(errors).toEqual([]);
    expect(backends[0]!.backend).toBe('Garnet');
    expect(backends[0]!.availability).toEqual({ status: 'ONLINE', available: true, averageQueueSeconds: null });
    expect(backends[0]!.summary.qubitCount).toBe(20);
  });
});

describe('Braket standardized v2 (hand-written minimal document)', () => {
  const v2 = {
    braketSchemaHeader: { name: 'braket.device_schema.rigetti.rigetti_device_capabilities', version: '2' },
    paradigm: { qubitCount: 2, nativeGateSet: ['rx', 'rz', 'cnot'] },
    service: { updatedAt: '2025-03-04T05:06:07Z' },
    standardized: {
      braketSchemaHeader: { name: 'braket.device_schema.standardized_gate_model_qpu_device_properties', version: '2' },
      oneQubitProperties: {
        '0': {
          T1: { value: 28.9, unit: 'us' },
          T2: { value: 44.5, unit: 'us' },
          oneQubitFidelity: [
            { fidelityType: { name: 'RANDOMIZED_BENCHMARKING' }, fidelity: 0.999, unit: 'fraction' },
            { fidelityType: { name: 'READOUT' }, fidelity: 0.9, unit: 'fraction' },
          ],
        },
        '1': {
          T1: { value: 30e-6, unit: 's' },
          T2: { value: 20e-6, unit: 's' },
          oneQubitFidelity: [{ fidelityType: { name: 'READOUT' }, fidelity: 0.95, unit: 'fraction' }],
        },
      },
      twoQubitProperties: {
        '0-1': {
          twoQubitGateFidelity: [
            {
              direction: { control: 1, target: 0 },
              gateName: 'CNOT',
              fidelity: 0.98,
              fidelityType: { name: 'INTERLEAVED_RANDOMIZED_BENCHMARKING' },
              unit: 'fraction',
            },
          ],
        },
      },
    },
  };

  it('reads units per value, gate direction, and takes the time from service.updatedAt', () => {
    const { backends, errors } = normalizeTexts([{ source: 'rigetti_test_2025-03-04.json', text: JSON.stringify(v2) }]);
    expect(errors).toEqual([]);
    const b = backends[0]!;
    expect(b.backend).toBe('test');
    expect(b.format).toBe('braket.standardized.v2');
    expect(b.qubits[0]!.t1Seconds).toBeCloseTo(28.9e-6, 15);
    expect(b.qubits[1]!.t1Seconds).toBeCloseTo(30e-6, 15);
    expect(b.gates.find((g) => g.kind === '2q')).toMatchObject({ gate: 'cnot', qubits: [1, 0], native: true });
    expect(b.summary.median2qError).toBeCloseTo(0.02, 15);
    expect(b.summary.median1qError).toBeCloseTo(0.001, 15);
    expect(b.summary.medianReadoutError).toBeCloseTo(0.075, 15);
    expect(b.calibratedAt).toBe('2025-03-04T05:06:07.000Z');
  });

  it('a missing standardized block is an error naming the field', () => {
    const { errors } = normalizeTexts([
      { source: 'sim.json', text: JSON.stringify({ ...v2, standardized: undefined }) },
    ]);
    expect(errors[0]!.message).toMatch(/^sim\.json: standardized: expected an object/);
  });
});

describe('IonQ capabilities without a standardized block (older devices, hand-written)', () => {
  it('take device-level values from the provider block', () => {
    const doc = {
      braketSchemaHeader: { name: 'braket.device_schema.ionq.ionq_device_capabilities', version: '1' },
      paradigm: { qubitCount: 11, nativeGateSet: ['GPI', 'GPI2', 'MS'] },
      service: { updatedAt: '2023-01-01T00:00:00Z' },
      provider: {
        fidelity: { '1Q': { mean: 0.9975 }, '2Q': { mean: 0.96 }, spam: { mean: 0.99752 } },
        timing: { T1: 10000, T2: 0.2 },
      },
    };
    const b = normalizeTexts([{ source: 'ionq_harmony.json', text: JSON.stringify(doc) }]).backends[0]!;
    expect(b.backend).toBe('harmony');
    expect(b.format).toBe('braket.provider');
    expect(b.qubits).toEqual([]);
    expect(b.summary).toMatchObject({ qubitCount: 11, medianT1Seconds: 10000, medianT2Seconds: 0.2 });
    expect(b.summary.median2qError).toBeCloseTo(0.04, 15);
    expect(b.summary.median1qError).toBeCloseTo(0.0025, 15);
    expect(b.summary.medianReadoutError).toBeCloseTo(0.00248, 15);
  });
});
