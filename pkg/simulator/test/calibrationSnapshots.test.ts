import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBackendId } from '@hybridlens/conventions';
import { describeWithFixtures } from '@hybridlens/testkit';
import { writeCalibrationSnapshots } from '../src/calibrationSnapshots';
import { FaultEngine } from '../src/faultEngine';
import { DEFAULT_TOPOLOGY } from '../src/topology';

const DAY = 86_400_000;
const END = Date.parse('2026-11-20T12:00:00Z');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
/** The capabilities document inside a Braket GetDevice response. */
const capabilities = (doc: Record<string, unknown>) =>
  JSON.parse(doc.deviceCapabilities as string) as Record<string, unknown>;

/** The set of "path: type" entries of a JSON document, with list items and map keys collapsed. */
function shape(value: unknown, path = '', out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 6) {
    return out;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) {
      shape(item, `${path}[]`, out, depth + 1);
    }
  } else if (typeof value === 'object' && value !== null) {
    out.add(`${path}: object`);
    for (const [k, v] of Object.entries(value)) {
      // Qubit ids and qubit pairs are data, not schema.
      shape(v, `${path}.${/^\d+(-\d+)?$/.test(k) ? '<id>' : k}`, out, depth + 1);
    }
  } else {
    out.add(`${path}: ${typeof value}`);
  }
  return out;
}

const missingFrom = (ours: Set<string>, theirs: Set<string>, prefix: string) =>
  [...theirs].filter((p) => p.startsWith(prefix) && !ours.has(p));

describeWithFixtures('calibration snapshots in the providers’ own formats', (fixtures) => {
  let dir: string;
  let files: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-sim-cal-'));
    const faults = new FaultEngine([
      {
        kind: 'calibration_corrupt',
        provider: 'ibm',
        backend: 'ibm_sherbrooke',
        start: END - 6 * 3_600_000,
        end: END + DAY,
        intensity: 1,
        origin: 'test',
      },
      {
        kind: 'provider_outage',
        provider: 'azure',
        start: END - 2 * 3_600_000,
        end: END + DAY,
        intensity: 1,
        origin: 'test',
      },
      {
        kind: 'provider_outage',
        provider: 'braket',
        backend: 'Ankaa-3',
        start: END - 3_600_000,
        end: END + DAY,
        intensity: 1,
        origin: 'test',
      },
    ]);
    files = writeCalibrationSnapshots({
      dir,
      topology: DEFAULT_TOPOLOGY,
      seed: 1,
      start: END - 3 * DAY,
      end: END,
      faults,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one snapshot per recalibration plus the latest, per device', () => {
    const names = files.map((f) => f.slice(dir.length + 1)).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'ibm/props_ibm_sherbrooke.json',
        'braket/iqm_garnet.json',
        'braket/rigetti_ankaa-3.json',
        'google/rainbow_calibration.json',
      ])
    );
    expect(names.filter((n) => n.startsWith('ibm/drift/')).length).toBeGreaterThanOrEqual(3);
  });

  it('IBM BackendProperties has the fields, names and units of a real snapshot', () => {
    const ours = read(
      join(
        dir,
        'ibm/drift',
        files
          .find((f) => f.includes('ibm/drift/'))!
          .split('/')
          .pop()!
      )
    );
    const real = read(join(fixtures, 'calibration/ibm/props_sherbrooke.json'));
    expect(missingFrom(shape(ours), shape(real), '')).toEqual([]);
    const units = (doc: Record<string, unknown>) =>
      new Set((doc.qubits as Array<Array<{ name: string; unit: string }>>).flat().map((p) => `${p.name}:${p.unit}`));
    expect([...units(real)].filter((u) => !units(ours).has(u))).toEqual([]);
    expect(new Set((ours.gates as Array<{ gate: string }>).map((g) => g.gate))).toEqual(
      new Set((real.gates as Array<{ gate: string }>).map((g) => g.gate))
    );
    expect((ours.qubits as unknown[]).length).toBe(127);
  });

  it('a corrupted IBM calibration looks like broken real data: missing T1s and sentinel gate errors', () => {
    const latest = read(join(dir, 'ibm/props_ibm_sherbrooke.json'));
    const qubits = latest.qubits as Array<Array<{ name: string }>>;
    expect(qubits.filter((q) => !q.some((p) => p.name === 'T1')).length).toBeGreaterThan(5);
    const sx = (latest.gates as Array<{ gate: string; parameters: Array<{ name: string; value: number }> }>).filter(
      (g) => g.gate === 'sx'
    );
    expect(sx.every((g) => g.parameters.find((p) => p.name === 'gate_error')!.value === 1)).toBe(true);
  });

  it('Braket device properties match the IQM and Rigetti standardized shapes (T1/T2 in "S")', () => {
    for (const [ours, real] of [
      ['braket/iqm_garnet.json', 'calibration/braket/iqm_garnet_2026-05-05.json'],
      ['braket/rigetti_ankaa-3.json', 'calibration/braket/rigetti_ankaa-3_2026-04-01.json'],
    ] as const) {
      const o = capabilities(read(join(dir, ours)));
      const r = read(join(fixtures, real));
      expect(missingFrom(shape(o), shape(r), '.standardized')).toEqual([]);
      expect(o.braketSchemaHeader).toEqual(r.braketSchemaHeader);
      const one = Object.values(
        (o.standardized as { oneQubitProperties: Record<string, { T1: { unit: string } }> }).oneQubitProperties
      );
      expect(one.every((q) => q.T1.unit === 'S')).toBe(true);
      expect((o.service as { deviceCost: unknown }).deviceCost).toEqual(
        (r.service as { deviceCost: unknown }).deviceCost
      );
    }
  });

  it('Cirq calibration uses the metric names and target form of a real one', () => {
    const o = read(join(dir, 'google/rainbow_calibration.json'));
    const r = read(join(fixtures, 'calibration/google/rainbow_2021_11_16_calibration.json'));
    expect(o.cirq_type).toBe(r.cirq_type);
    const metrics = (doc: Record<string, unknown>) =>
      (doc.metrics as { metrics: Array<{ name: string; targets: string[] }> }).metrics;
    const realNames = new Set(metrics(r).map((m) => m.name));
    expect(metrics(o).every((m) => realNames.has(m.name))).toBe(true);
    expect(metrics(o).every((m) => m.targets.every((t) => /^\d+_\d+$/.test(t)))).toBe(true);
    expect(new Set(metrics(o).map((m) => m.name))).toContain('single_qubit_idle_t1_micros');
  });

  it('Braket files are GetDevice responses: the device ARN ends in the canonical backend id, status from outages', () => {
    const garnet = read(join(dir, 'braket/iqm_garnet.json'));
    const ankaa = read(join(dir, 'braket/rigetti_ankaa-3.json'));
    expect(garnet.deviceArn).toBe('arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet');
    expect(ankaa.deviceArn).toBe('arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3');
    for (const doc of [garnet, ankaa]) {
      expect(doc.deviceName).toBe(canonicalBackendId(doc.deviceArn as string));
      expect(doc.deviceType).toBe('QPU');
    }
    expect(garnet.deviceStatus).toBe('ONLINE');
    expect(ankaa.deviceStatus).toBe('OFFLINE');
  });

  it('Azure providerStatus reports the IonQ target unavailable during an outage, available before', () => {
    type Status = { value: Array<{ id: string; targets: Array<{ id: string; currentAvailability: string }> }> };
    const latest = read(join(dir, 'azure/provider_status.json')) as unknown as Status;
    expect(latest.value.map((p) => p.id)).toEqual(['ionq']);
    expect(latest.value[0]!.targets).toEqual([
      expect.objectContaining({ id: 'ionq.qpu.aria-1', currentAvailability: 'Unavailable' }),
    ]);
    const dayBefore = files.find((f) =>
      f.endsWith(`provider_status_${new Date(END - DAY).toISOString().slice(0, 10)}.json`)
    );
    expect((read(dayBefore!) as unknown as Status).value[0]!.targets[0]!.currentAvailability).toBe('Available');
  });

  it('every snapshot carries its calibration time in the provider’s own field (Azure status: in its name)', () => {
    const times = new Map<string, number>();
    for (const file of files.filter((f) => !f.includes('/azure/'))) {
      const doc = read(file);
      const name = file.slice(dir.length + 1);
      if (name.startsWith('ibm/')) {
        times.set(name, Date.parse(doc.last_update_date as string));
      } else if (name.startsWith('braket/')) {
        times.set(name, Date.parse((capabilities(doc).service as { updatedAt: string }).updatedAt));
      } else {
        const ms = (doc.metrics as { timestampMs: unknown }).timestampMs;
        // proto3 JSON writes int64 as a decimal string.
        expect(ms).toMatch(/^\d{13}$/);
        times.set(name, Number(ms));
      }
    }
    expect(times.size).toBe(files.filter((f) => !f.includes('/azure/')).length);
    const azureDated = files.filter((f) => f.includes('/azure/drift/'));
    expect(azureDated.length).toBeGreaterThanOrEqual(3);
    expect(azureDated.every((f) => /provider_status_\d{4}-\d{2}-\d{2}\.json$/.test(f))).toBe(true);
    for (const [name, t] of times) {
      expect({ name, ok: t > END - 4 * DAY && t <= END }).toEqual({ name, ok: true });
    }
  });

  it('leaves no temporary files behind (each file is written aside and renamed into place)', () => {
    const all = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    expect(all(dir).filter((n) => !n.endsWith('.json'))).toEqual([]);
  });

  it('names every QPU backend the jobs run on exactly as the job metrics do (case kept)', () => {
    const named = new Set<string>();
    for (const file of files) {
      const doc = read(file);
      if (file.includes('/ibm/')) {
        named.add(`ibm/${canonicalBackendId(doc.backend_name as string)}`);
      } else if (file.includes('/braket/')) {
        named.add(`braket/${canonicalBackendId(doc.deviceArn as string)}`);
      }
    }
    for (const file of files.filter((f) => f.includes('/azure/'))) {
      for (const provider of (read(file) as { value: Array<{ targets: Array<{ id: string }> }> }).value) {
        for (const target of provider.targets) {
          named.add(`azure/${canonicalBackendId(target.id)}`);
        }
      }
    }
    const routed = DEFAULT_TOPOLOGY.backends
      .filter((b) => b.technology !== 'simulator')
      .map((b) => `${b.provider}/${b.backend}`);
    expect(routed.length).toBeGreaterThan(1);
    expect(routed.filter((b) => !named.has(b))).toEqual([]);
    expect(named).toContain('braket/Garnet');
    expect(named).not.toContain('braket/garnet');
  });
});
