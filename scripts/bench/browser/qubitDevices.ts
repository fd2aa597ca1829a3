// Node side of the qubit-map benchmark: devices as the backend page holds them (QubitView / CouplerView), each
// qubit placed by @hybridlens/calibration's layout (deviceView → computeLayout), as the exporter places them.
import { join } from 'node:path';
import { deviceView, normalizeFiles, normalizeTexts, type BackendCalibration } from '@hybridlens/calibration';
import { CALIBRATION_QUANTITY, CALIBRATION_QUBITS_SEPARATOR } from '@hybridlens/conventions';
import { sharedFixturesDir } from '@hybridlens/testkit';
import { heavyHex, ibmProperties, irregular } from '../../../pkg/calibration/test/synthetic';
import type { QubitMapDevice } from './protocol';

/** The newest real 27-qubit Falcon snapshot in the shared fixtures (IBM Hanoi, Qiskit fake provider). */
const HANOI = 'calibration/ibm/drift/props_hanoi_2025-02-26.json';

function onlyBackend(backends: BackendCalibration[], what: string): BackendCalibration {
  if (backends.length !== 1) {
    throw new Error(`${what}: expected one backend, normalized ${backends.length}`);
  }
  return backends[0]!;
}

function mapDevice(name: string, b: BackendCalibration): QubitMapDevice {
  const view = deviceView(b);
  const byId = new Map(b.qubits.map((q) => [String(q.qubit), q]));
  const value = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);
  const qubits = view.qubits.map(({ id, position }) => {
    const key = String(id);
    const q = byId.get(key);
    const values = {
      [CALIBRATION_QUANTITY.t1]: value(q?.t1Seconds),
      [CALIBRATION_QUANTITY.t2]: value(q?.t2Seconds),
      [CALIBRATION_QUANTITY.readoutError]: value(q?.readoutError),
      [CALIBRATION_QUANTITY.oneQubitError]: value(view.oneQubit.get(key)?.error),
    };
    return { id: key, x: position.x, y: position.y, values, measuredAt: {}, stderr: {}, drift: {} };
  });
  const couplers = view.couplers.map((c) => {
    const pair: [string, string] = [String(c.qubits[0]), String(c.qubits[1])];
    return {
      qubits: pair,
      label: pair.join(CALIBRATION_QUBITS_SEPARATOR),
      gate: c.gate,
      error: value(c.entry?.error),
      uncalibrated: c.entry?.flags.includes('uncalibrated') ?? false,
    };
  });
  return { name, layout: view.layout, qubits, couplers };
}

function synthetic(name: string, device: ReturnType<typeof heavyHex>): QubitMapDevice {
  const text = JSON.stringify(ibmProperties(name, device));
  return mapDevice(name, onlyBackend(normalizeTexts([{ source: name, text }]).backends, name));
}

/**
 * The three sizes of issue 12: IBM Hanoi (27, real snapshot; undefined when ../shared/fixtures is absent), a
 * 156-qubit Heron r2-like heavy-hex lattice, and a 400-qubit irregular coupling map that no lattice fits, drawn
 * by the layout's fallback (stress layout).
 */
export function benchDevices(): { devices: QubitMapDevice[]; skipped: string[] } {
  const devices: QubitMapDevice[] = [];
  const skipped: string[] = [];
  const fixtures = sharedFixturesDir();
  if (fixtures) {
    devices.push(mapDevice('ibm_hanoi', onlyBackend(normalizeFiles([join(fixtures, HANOI)]).backends, HANOI)));
  } else {
    skipped.push(`27 qubits (IBM Hanoi): ../shared/fixtures is not beside this checkout`);
  }
  devices.push(synthetic('heron_r2_like_156', heavyHex(8, 16, [3, 1])));
  devices.push(synthetic('irregular_400', irregular(400)));
  return { devices, skipped };
}
