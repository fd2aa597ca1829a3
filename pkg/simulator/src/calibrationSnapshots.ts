import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalBackendId } from '@hybridlens/conventions';
import { writeFileAtomic } from './atomicFile';
import { CalibrationModel, type CalibratedDevice, type CalibrationSnapshot } from './calibration';
import { FAULT_KIND } from './faultKinds';
import type { FaultEngine } from './faultEngine';
import { BRAKET_IQM_GARNET_PER_SHOT_USD, BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD } from './pricing';
import { STATUS_REPORT_LAG_MS } from './providerState';
import { type QuantumBackend, RIGETTI_CALIBRATION_DEVICE, type Topology } from './topology';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A Google device for the Cirq calibration format only: the routing topology has no Google backend
 * (no public pay-per-use access), but the calibration exporter's demo data should cover the format.
 */
export const CIRQ_DEMO_DEVICE: CalibratedDevice = {
  provider: 'google',
  backend: 'rainbow',
  qubits: 23,
  processorFamily: 'Sycamore',
  calibration: {
    t1Seconds: [10e-6, 25e-6],
    t2OverT1: [0.5, 1],
    readoutError: [0.005, 0.05],
    oneQubitError: [8e-4, 2.5e-3],
    twoQubitError: [5e-3, 1.5e-2],
    oneQubitGateSeconds: 25e-9,
    twoQubitGateSeconds: 12e-9,
    readoutSeconds: 1e-6,
    recalibrationHours: 24,
  },
};

function isoWithOffset(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** IBM Qiskit BackendProperties JSON (what `backend.properties().to_dict()` gives). */
export function ibmBackendProperties(snap: CalibrationSnapshot, qubitCount: number): unknown {
  const date = isoWithOffset(snap.calibratedAt);
  const param = (name: string, unit: string, value: number) => ({ date, name, unit, value });
  const qubits = snap.qubits
    .slice(0, qubitCount)
    .map((q) => [
      ...(Number.isFinite(q.t1Seconds) ? [param('T1', 'us', q.t1Seconds * 1e6)] : []),
      param('T2', 'us', q.t2Seconds * 1e6),
      param('frequency', 'GHz', 4.6 + ((q.qubit * 0.037) % 0.4)),
      param('anharmonicity', 'GHz', -0.31),
      param('readout_error', '', q.readoutError),
      param('prob_meas0_prep1', '', Math.min(1, q.readoutError * 1.3)),
      param('prob_meas1_prep0', '', q.readoutError * 0.7),
      param('readout_length', 'ns', snap.readoutSeconds * 1e9),
    ]);
  const gates: unknown[] = [];
  for (const q of snap.qubits.slice(0, qubitCount)) {
    for (const gate of ['id', 'sx', 'x']) {
      gates.push({
        qubits: [q.qubit],
        gate,
        parameters: [
          param('gate_error', '', snap.corrupted ? 1 : q.oneQubitError),
          param('gate_length', 'ns', snap.oneQubitGateSeconds * 1e9),
        ],
        name: `${gate}${q.qubit}`,
      });
    }
    gates.push({
      qubits: [q.qubit],
      gate: 'rz',
      parameters: [param('gate_error', '', 0), param('gate_length', 'ns', 0)],
      name: `rz${q.qubit}`,
    });
    gates.push({
      qubits: [q.qubit],
      gate: 'reset',
      parameters: [param('gate_length', 'ns', 1272.9)],
      name: `reset${q.qubit}`,
    });
  }
  for (const p of snap.pairs) {
    const [a, b] = p.qubits;
    gates.push({
      qubits: [a, b],
      gate: 'ecr',
      parameters: [
        param('gate_error', '', p.twoQubitError),
        param('gate_length', 'ns', snap.twoQubitGateSeconds * 1e9),
      ],
      name: `ecr${a}_${b}`,
    });
  }
  return {
    backend_name: snap.backend,
    backend_version: '1.6.58',
    last_update_date: date,
    qubits,
    gates,
    // Coupler figures per pair (exchange coupling and ZZ crosstalk), and a layered-fidelity qubit chain.
    general: snap.pairs.flatMap((p) => [
      param(`jq_${p.qubits[0]}${p.qubits[1]}`, 'GHz', 0.0018 + p.twoQubitError * 0.01),
      param(`zz_${p.qubits[0]}${p.qubits[1]}`, 'GHz', -4e-5 - p.twoQubitError * 0.002),
    ]),
    general_qlists: [
      { name: `lf_${Math.min(4, qubitCount)}`, qubits: Array.from({ length: Math.min(4, qubitCount) }, (_, i) => i) },
    ],
  };
}

/** Amazon Braket device capabilities with standardized (v1) calibration, IQM or Rigetti flavour. */
export function braketDeviceProperties(snap: CalibrationSnapshot, vendor: 'iqm' | 'rigetti'): unknown {
  // IQM numbers qubits from 1, Rigetti from 0.
  const base = vendor === 'iqm' ? 1 : 0;
  const oneQubitProperties: Record<string, unknown> = {};
  for (const q of snap.qubits) {
    const readoutFidelity = 1 - q.readoutError;
    oneQubitProperties[String(q.qubit + base)] = {
      // A corrupted record reports T1 as 0 (Rigetti's own "not measured" value).
      T1: {
        value: Number.isFinite(q.t1Seconds) ? q.t1Seconds : 0,
        standardError: Number.isFinite(q.t1Seconds) ? q.t1Seconds * 0.08 : 0,
        unit: 'S',
      },
      T2: { value: q.t2Seconds, standardError: q.t2Seconds * 0.06, unit: 'S' },
      oneQubitFidelity: [
        {
          fidelityType: { name: 'SIMULTANEOUS_RANDOMIZED_BENCHMARKING' },
          fidelity: snap.corrupted ? 0.5 : 1 - q.oneQubitError,
          standardError: snap.corrupted ? 1 : 2e-5,
        },
        ...(vendor === 'iqm'
          ? [
              { fidelityType: { name: 'READOUT_ERROR_0_TO_1' }, fidelity: q.readoutError * 0.8 },
              { fidelityType: { name: 'READOUT_ERROR_1_TO_0' }, fidelity: q.readoutError * 1.2 },
            ]
          : []),
        {
          fidelityType: { name: 'READOUT' },
          fidelity: readoutFidelity,
          ...(vendor === 'iqm' ? { standardError: 7e-4 } : {}),
        },
      ],
    };
  }
  const twoQubitProperties: Record<string, unknown> = {};
  const connectivity: Record<string, string[]> = {};
  for (const p of snap.pairs) {
    const a = String(p.qubits[0] + base);
    const b = String(p.qubits[1] + base);
    twoQubitProperties[`${a}-${b}`] = {
      twoQubitGateFidelity: [
        {
          gateName: vendor === 'iqm' ? 'CZ' : 'ISWAP',
          fidelity: snap.corrupted ? 0.5 : 1 - p.twoQubitError,
          standardError: snap.corrupted ? 1 : 2.4e-4,
          fidelityType: {
            name:
              vendor === 'iqm'
                ? 'SIMULTANEOUS_INTERLEAVED_RANDOMIZED_BENCHMARKING'
                : 'INTERLEAVED_RANDOMIZED_BENCHMARKING',
          },
        },
      ],
    };
    (connectivity[a] ??= []).push(b);
    (connectivity[b] ??= []).push(a);
  }
  const updatedAt = isoWithOffset(snap.calibratedAt);
  return {
    braketSchemaHeader: {
      name: `braket.device_schema.${vendor}.${vendor}_device_capabilities`,
      version: vendor === 'iqm' ? '1' : '2',
    },
    service: {
      braketSchemaHeader: { name: 'braket.device_schema.device_service_properties', version: '1' },
      executionWindows: [{ executionDay: 'Everyday', windowStartHour: '00:00:00', windowEndHour: '23:59:59' }],
      shotsRange: vendor === 'iqm' ? [1, 20000] : [10, 50000],
      deviceCost: {
        price: vendor === 'iqm' ? BRAKET_IQM_GARNET_PER_SHOT_USD : BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD,
        unit: 'shot',
      },
      deviceLocation: vendor === 'iqm' ? 'Espoo, Finland' : 'California, USA',
      updatedAt,
    },
    action: {
      'braket.ir.openqasm.program': {
        version: ['1.0'],
        actionType: 'braket.ir.openqasm.program',
        supportedOperations: vendor === 'iqm' ? ['cz', 'prx'] : ['rx', 'rz', 'iswap'],
      },
    },
    paradigm: {
      braketSchemaHeader: { name: 'braket.device_schema.gate_model_qpu_paradigm_properties', version: '1' },
      qubitCount: snap.qubits.length,
      nativeGateSet: vendor === 'iqm' ? ['cz', 'prx', 'measure_ff', 'barrier'] : ['rx', 'rz', 'iswap', 'barrier'],
      connectivity: { fullyConnected: false, connectivityGraph: connectivity },
    },
    standardized: {
      braketSchemaHeader: { name: 'braket.device_schema.standardized_gate_model_qpu_device_properties', version: '1' },
      oneQubitProperties,
      twoQubitProperties,
    },
  };
}

/**
 * Cirq `Calibration` JSON (cirq.google): a MetricsSnapshot with metrics by name and row_col targets, and
 * the snapshot time as `timestampMs` (proto3 JSON writes int64 as a string), as the Quantum Engine returns it.
 */
export function cirqCalibration(snap: CalibrationSnapshot): unknown {
  const columns = 5;
  const target = (q: number) => `${Math.floor(q / columns) + 3}_${q % columns}`;
  const metrics: unknown[] = [];
  const metric = (name: string, targets: string[], value: number) =>
    metrics.push({ name, targets, values: [{ doubleVal: value }] });
  for (const q of snap.qubits) {
    metric('single_qubit_p00_error', [target(q.qubit)], q.readoutError * 0.6);
    metric('single_qubit_p11_error', [target(q.qubit)], q.readoutError * 1.8);
    metric('single_qubit_rb_average_error_per_gate', [target(q.qubit)], q.oneQubitError);
    if (Number.isFinite(q.t1Seconds)) {
      metric('single_qubit_idle_t1_micros', [target(q.qubit)], q.t1Seconds * 1e6);
    }
  }
  for (const p of snap.pairs) {
    metric(
      'two_qubit_sycamore_gate_xeb_average_error_per_cycle',
      [target(p.qubits[0]), target(p.qubits[1])],
      p.twoQubitError
    );
    metric(
      'two_qubit_sqrt_iswap_gate_xeb_average_error_per_cycle',
      [target(p.qubits[0]), target(p.qubits[1])],
      p.twoQubitError * 1.05
    );
  }
  return { cirq_type: 'Calibration', metrics: { timestampMs: String(snap.calibratedAt), metrics } };
}

/** The Braket device ARN of a device: the provider's own id, whose last segment is the canonical backend id. */
export function braketDeviceArn(region: string, vendor: 'iqm' | 'rigetti', deviceName: string): string {
  return `arn:aws:braket:${region}::device/qpu/${vendor}/${deviceName}`;
}

/**
 * What Braket's GetDevice returns (boto3 `get_device`): the device ARN and name, its status, and the
 * capabilities document as a JSON string. OFFLINE while a provider outage is scheduled.
 */
export function braketGetDevice(
  device: { backend: string; region: string },
  vendor: 'iqm' | 'rigetti',
  capabilities: unknown,
  online: boolean
): unknown {
  const deviceArn = braketDeviceArn(device.region, vendor, device.backend);
  return {
    deviceArn,
    deviceName: canonicalBackendId(deviceArn),
    providerName: vendor === 'iqm' ? 'IQM' : 'Rigetti',
    deviceType: 'QPU',
    deviceStatus: online ? 'ONLINE' : 'OFFLINE',
    deviceCapabilities: JSON.stringify(capabilities),
  };
}

export interface SnapshotOptions {
  dir: string;
  topology: Topology;
  seed: number;
  start: number;
  end: number;
  faults: FaultEngine;
  /** At most this many dated snapshots per device (newest kept); default 31. */
  maxPerDevice?: number;
}

interface Writer {
  device: CalibratedDevice;
  folder: string;
  stem: string;
  render: (snap: CalibrationSnapshot, at: number) => unknown;
}

/**
 * Calibration snapshots in the providers' own formats, one per recalibration in [start, end] under
 * `<dir>/<provider>/drift/` plus the newest one in `<dir>/<provider>/`. Corrupted-calibration faults
 * show up in the snapshots taken while they were active.
 */
export function writeCalibrationSnapshots(options: SnapshotOptions): string[] {
  const writers: Writer[] = [];
  for (const b of [...options.topology.backends, RIGETTI_CALIBRATION_DEVICE]) {
    if (b.provider === 'ibm') {
      writers.push({
        device: b,
        folder: 'ibm',
        stem: `props_${b.backend}`,
        render: (s) => ibmBackendProperties(s, b.qubits),
      });
    } else if (b.provider === 'braket') {
      const vendor = /garnet|iqm/i.test(b.backend + b.processorFamily) ? 'iqm' : 'rigetti';
      const online = (at: number) =>
        options.faults.intensity(FAULT_KIND.providerOutage, at, { provider: b.provider, backend: b.backend }) === 0;
      writers.push({
        device: b,
        folder: 'braket',
        stem: `${vendor}_${b.backend.toLowerCase()}`,
        render: (s, at) => braketGetDevice(b, vendor, braketDeviceProperties(s, vendor), online(at)),
      });
    }
  }
  writers.push({
    device: CIRQ_DEMO_DEVICE,
    folder: 'google',
    stem: `${CIRQ_DEMO_DEVICE.backend}_calibration`,
    render: cirqCalibration,
  });

  const files: string[] = [];
  for (const w of writers) {
    const model = new CalibrationModel(w.device, options.seed);
    const corruptAt = (t: number) =>
      options.faults.intensity(FAULT_KIND.calibrationCorrupt, t, {
        provider: w.device.provider,
        backend: w.device.backend,
      }) > 0;
    const first = model.epochOf(options.start);
    const last = model.epochOf(options.end);
    const epochs: number[] = [];
    for (let e = Math.max(first, last - (options.maxPerDevice ?? 31) + 1); e <= last; e++) {
      if (model.calibratedAtOfEpoch(e) <= options.end) {
        epochs.push(e);
      }
    }
    const folder = join(options.dir, w.folder);
    mkdirSync(join(folder, 'drift'), { recursive: true });
    for (const e of epochs) {
      const at = model.calibratedAtOfEpoch(e);
      // The snapshot a provider serves an hour after recalibrating (corrupted if a fault is active then).
      const probe = Math.min(options.end, at + HOUR_MS);
      const snap = model.fullSnapshotAt(probe, corruptAt(probe));
      const file = join(folder, 'drift', `${w.stem}_${new Date(snap.calibratedAt).toISOString().slice(0, 10)}.json`);
      writeFileAtomic(file, JSON.stringify(w.render(snap, probe)));
      files.push(file);
    }
    const latest = model.fullSnapshotAt(options.end, corruptAt(options.end));
    const file = join(folder, `${w.stem}.json`);
    writeFileAtomic(file, JSON.stringify(w.render(latest, options.end)));
    files.push(file);
  }
  files.push(...writeAzureProviderStatus(options));
  return files;
}

/**
 * Azure Quantum's workspace providerStatus response (`GET .../providerStatus`) for the Azure targets the
 * jobs run on: no calibration, but availability (what the status page reports, one lag late) and the
 * average queue time. The response carries no time of its own: dated copies say when by their file name.
 */
export function azureProviderStatus(
  targets: readonly QuantumBackend[],
  faults: FaultEngine,
  time: number
): { value: unknown[] } {
  const byVendor = new Map<string, QuantumBackend[]>();
  for (const t of targets) {
    const vendor = t.backend.split('.')[0]!;
    byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), t]);
  }
  const availability = (t: QuantumBackend) =>
    faults.intensity(FAULT_KIND.providerOutage, time - STATUS_REPORT_LAG_MS, {
      provider: t.provider,
      backend: t.backend,
    }) > 0
      ? 'Unavailable'
      : 'Available';
  return {
    value: [...byVendor].map(([vendor, list]) => ({
      id: vendor,
      currentAvailability: list.some((t) => availability(t) === 'Available') ? 'Available' : 'Unavailable',
      targets: list.map((t) => ({
        id: t.backend,
        currentAvailability: availability(t),
        averageQueueTime: Math.round(t.queue.medianLength * t.queue.secondsPerJob),
        statusPage: `https://status.${vendor}.co`,
      })),
    })),
  };
}

function writeAzureProviderStatus(options: SnapshotOptions): string[] {
  const targets = options.topology.backends.filter((b) => b.provider === 'azure');
  if (targets.length === 0) {
    return [];
  }
  const folder = join(options.dir, 'azure');
  mkdirSync(join(folder, 'drift'), { recursive: true });
  const files: string[] = [];
  const firstDay = Math.max(
    Math.floor(options.start / DAY_MS),
    Math.floor(options.end / DAY_MS) - (options.maxPerDevice ?? 31) + 1
  );
  for (let day = firstDay; day * DAY_MS + HOUR_MS <= options.end; day++) {
    const at = day * DAY_MS + HOUR_MS;
    const file = join(folder, 'drift', `provider_status_${new Date(at).toISOString().slice(0, 10)}.json`);
    writeFileAtomic(file, JSON.stringify(azureProviderStatus(targets, options.faults, at)));
    files.push(file);
  }
  const latest = join(folder, 'provider_status.json');
  writeFileAtomic(latest, JSON.stringify(azureProviderStatus(targets, options.faults, options.end)));
  files.push(latest);
  return files;
}
