import { normalizeTexts } from '../src';

// Minimal documents of the documented shapes, written for these tests (not copies of real responses).
const iqmFlat = {
  calibration_set_id: 'e70667f9-a432-4585-97a9-d54de9a85abd',
  calibration_set_dut_label: 'M000_TEST',
  calibration_set_created_timestamp: '2023-02-10T08:57:04.605956',
  quality_metric_set_id: '3d1b2a55-6b0e-4a4c-9f55-0a6e9e0c1111',
  quality_metric_set_end_timestamp: '2023-02-10T09:10:00.000000+00:00',
  metrics: {
    'QB1.t1_time': { value: '4.0e-05', unit: 's', uncertainty: '2e-06', timestamp: '2023-02-10T08:57:04' },
    'QB1.t2_time': { value: '3.0e-05', unit: 's', uncertainty: 'None', timestamp: '2023-02-10T08:57:04' },
    'QB1.single_shot_readout_fidelity': {
      value: '0.96',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
    'QB1.fidelity_1qb_gates_averaged': {
      value: '0.999',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
    'QB2.t1_time': { value: 'None', unit: 's', uncertainty: 'None', timestamp: '2023-02-10T08:57:04' },
    'QB2.t2_time': { value: '20', unit: 'us', uncertainty: 'None', timestamp: '2023-02-10T08:57:04' },
    'QB2.single_shot_readout_error_01': {
      value: '0.02',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
    'QB2.single_shot_readout_error_10': {
      value: '0.04',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
    'QB2.fidelity_1qb_gates_averaged': {
      value: '0.997',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
    'QB1__QB2.cz_gate_fidelity': { value: '0.98', unit: '', uncertainty: 'None', timestamp: '2023-02-10T08:57:04' },
    'QB1__QB2.fidelity_2qb_cliffords_averaged': {
      value: '0.95',
      unit: '',
      uncertainty: 'None',
      timestamp: '2023-02-10T08:57:04',
    },
  },
};

const iqmDotted = {
  calibration_set_id: 'b0b0b0b0-0000-4000-8000-000000000000',
  quality_metric_set_id: 'c1c1c1c1-0000-4000-8000-000000000000',
  quality_metric_set_created_timestamp: '2025-06-01 02:55:42.740569+00:00',
  metrics: {
    'characterization.model.QB3.t1_time': {
      value: 5e-5,
      unit: 's',
      uncertainty: null,
      timestamp: '2025-06-01 02:55:42+00:00',
    },
    'characterization.model.QB3.t2_time': {
      value: 1e-5,
      unit: 's',
      uncertainty: null,
      timestamp: '2025-06-01 02:55:42+00:00',
    },
    'metrics.ssro.measure_fidelity.constant.QB3.fidelity': {
      value: 0.9,
      unit: '',
      uncertainty: null,
      timestamp: '2025-06-01 02:55:42+00:00',
    },
    'metrics.rb.prx.drag_crf_sx.QB3.fidelity:par=d2': {
      value: 0.998,
      unit: '',
      uncertainty: null,
      timestamp: '2025-06-01 02:55:42+00:00',
    },
    'metrics.irb.cz.crf_crf.QB3__QB4.fidelity:par=d2': {
      value: 0.5,
      unit: '',
      uncertainty: null,
      timestamp: '2025-06-01 02:55:42+00:00',
    },
  },
};

describe('IQM quality-metric set', () => {
  it('flat DUT-field keys: string values, "None" as missing, units, readout errors, CZ vs Clifford', () => {
    const { backends, errors } = normalizeTexts([
      { source: 'iqm_sirius_2023-02-10.json', text: JSON.stringify(iqmFlat) },
    ]);
    expect(errors).toEqual([]);
    const b = backends[0]!;
    expect(b.provider).toBe('iqm');
    expect(b.backend).toBe('sirius');
    expect(b.calibrationVersion).toBe(iqmFlat.calibration_set_id);
    expect(b.calibratedAt).toBe('2023-02-10T09:10:00.000Z');
    // each value with its own time (the observation's timestamp, no zone: UTC) and its uncertainty where given
    const at = Date.parse('2023-02-10T08:57:04Z') / 1000;
    expect(b.qubits).toEqual([
      {
        qubit: 1,
        t1Seconds: 4e-5,
        t2Seconds: 3e-5,
        readoutError: expect.closeTo(0.04, 12),
        flags: [],
        measuredAt: { t1: at, t2: at, readoutError: at },
        stderr: { t1: 2e-6 },
      },
      {
        qubit: 2,
        t1Seconds: null,
        t2Seconds: 20e-6,
        readoutError: expect.closeTo(0.03, 12),
        flags: ['missing_t1'],
        measuredAt: { t2: at, readoutError: at },
      },
    ]);
    expect(b.summary.qubitsMissingT1).toBe(1);
    expect(b.summary.median1qError).toBeCloseTo(0.002, 12);
    expect(b.summary.median2qError).toBeCloseTo(0.02, 12);
    expect(b.gates.find((g) => g.gate === 'two_qubit_clifford')!.native).toBe(false);
  });

  it('dotted observation names (characterization.model.QB3.t1_time, metrics.irb.cz…:par=d2), 0.5 sentinel', () => {
    const { backends } = normalizeTexts([
      { source: 'garnet.json', text: JSON.stringify({ ...iqmDotted, quantum_computer: 'garnet' }) },
    ]);
    const b = backends[0]!;
    expect(b.backend).toBe('garnet');
    expect(b.calibratedAt).toBe('2025-06-01T02:55:42.740Z');
    const at = Date.parse('2025-06-01T02:55:42Z') / 1000;
    expect(b.qubits).toEqual([
      {
        qubit: 3,
        t1Seconds: 5e-5,
        t2Seconds: 1e-5,
        readoutError: expect.closeTo(0.1, 12),
        flags: [],
        measuredAt: { t1: at, t2: at, readoutError: at },
      },
    ]);
    expect(b.gates.find((g) => g.gate === 'cz')).toMatchObject({
      qubits: [3, 4],
      error: null,
      flags: ['uncalibrated'],
      method: 'interleaved_rb',
    });
    expect(b.gates.find((g) => g.gate === 'prx')).toMatchObject({ method: 'rb', measuredAt: at });
    expect(b.summary.uncalibratedGates).toBe(1);
    expect(b.summary.median2qError).toBeNull();
    expect(b.summary.median1qError).toBeCloseTo(0.002, 12);
  });

  it('nested metric → locus documents (as IQM Helmi documents its API response)', () => {
    const nested = {
      calibration_set_id: '15c05aaf-0000-4000-8000-000000000000',
      quality_metric_set_id: '8ce54091-0000-4000-8000-000000000000',
      quality_metric_set_created_timestamp: '2024-11-29 02:55:42.740569+00:00',
      metrics: {
        t1_time: { QB1: { value: '3.1e-05', unit: 's', uncertainty: 'None', timestamp: '2024-11-29 04:55:42+00:00' } },
        t2_time: { QB1: { value: '1.9e-05', unit: 's', uncertainty: 'None', timestamp: '2024-11-29 04:55:42+00:00' } },
        measure_ssro_fidelity: {
          QB1: { value: '0.949', unit: '', uncertainty: 'None', timestamp: '2024-11-29 04:55:42+00:00' },
        },
        cz_gate_fidelity: {
          QB1__QB2: { value: '0.97', unit: '', uncertainty: 'None', timestamp: '2024-11-29 04:55:42+00:00' },
        },
      },
    };
    const b = normalizeTexts([{ source: 'iqm_helmi.json', text: JSON.stringify(nested) }]).backends[0]!;
    expect(b.backend).toBe('helmi');
    const at = Date.parse('2024-11-29T04:55:42Z') / 1000;
    expect(b.qubits).toEqual([
      {
        qubit: 1,
        t1Seconds: 3.1e-5,
        t2Seconds: 1.9e-5,
        readoutError: expect.closeTo(0.051, 12),
        flags: [],
        measuredAt: { t1: at, t2: at, readoutError: at },
      },
    ]);
    expect(b.summary.median2qError).toBeCloseTo(0.03, 12);
    expect(b.calibratedAt).toBe('2024-11-29T02:55:42.740Z');
  });

  it('a metric value that is not a number is an error naming the field', () => {
    const bad = { ...iqmFlat, metrics: { ...iqmFlat.metrics, 'QB1.t1_time': { value: 'fast', unit: 's' } } };
    const { errors } = normalizeTexts([{ source: 'iqm.json', text: JSON.stringify(bad) }]);
    expect(errors[0]!.message).toBe('iqm.json: metrics.QB1.t1_time.value: expected a finite number, got string "fast"');
  });
});

describe('Azure Quantum providerStatus', () => {
  const status = {
    value: [
      {
        id: 'ionq',
        currentAvailability: 'Degraded',
        targets: [
          {
            id: 'ionq.qpu.aria-1',
            currentAvailability: 'Available',
            averageQueueTime: 3600,
            statusPage: 'https://status.ionq.co',
          },
          { id: 'ionq.simulator', currentAvailability: 'Unavailable', averageQueueTime: 2 },
        ],
      },
      {
        id: 'quantinuum',
        currentAvailability: 'Available',
        targets: [{ id: 'quantinuum.qpu.h2-1', currentAvailability: 'Degraded', averageQueueTime: null }],
      },
    ],
    nextLink: null,
  };

  it('gives one backend per target with availability and average queue time in seconds', () => {
    const { backends, errors } = normalizeTexts([{ source: 'azure.json', text: JSON.stringify(status) }]);
    expect(errors).toEqual([]);
    expect(backends.map((b) => [b.provider, b.vendor, b.backend, b.availability])).toEqual([
      ['azure', 'ionq', 'ionq.qpu.aria-1', { status: 'Available', available: true, averageQueueSeconds: 3600 }],
      ['azure', 'ionq', 'ionq.simulator', { status: 'Unavailable', available: false, averageQueueSeconds: 2 }],
      [
        'azure',
        'quantinuum',
        'quantinuum.qpu.h2-1',
        { status: 'Degraded', available: false, averageQueueSeconds: null },
      ],
    ]);
    expect(backends[0]!.qubits).toEqual([]);
    expect(backends[0]!.summary.median1qError).toBeNull();
  });

  it('a target without currentAvailability is an error naming it', () => {
    const broken = { value: [{ id: 'ionq', targets: [{ id: 'ionq.qpu' }] }] };
    const { errors } = normalizeTexts([{ source: 'azure.json', text: JSON.stringify(broken) }]);
    expect(errors[0]!.message).toBe(
      'azure.json: value[0].targets[0].currentAvailability: expected a string, got nothing (field missing)'
    );
  });
});
