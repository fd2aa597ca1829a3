/**
 * The fixtures are read with the calibration package, which loads `yaml`: its node build, not the browser one.
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deviceView, normalizeFiles, type BackendCalibration } from '@hybridlens/calibration';
import { describeWithFixtures } from '@hybridlens/testkit';
import { QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import { bestChain, bestPairs, compareUsedQubits } from './bestQubits';
import type { BackendSnapshot, CouplerView, QubitView } from './snapshot';

type Device = Pick<BackendSnapshot, 'qubits' | 'couplers'>;

function qubit(id: string, readout?: number, gate?: number): QubitView {
  const values: QubitView['values'] = {};
  if (readout !== undefined) {
    values[QUBIT_MAP_METRIC.readoutError] = readout;
  }
  if (gate !== undefined) {
    values[QUBIT_MAP_METRIC.oneQubitError] = gate;
  }
  return { id, x: 0, y: 0, values, measuredAt: {}, stderr: {}, drift: {} };
}

function coupler(a: string, b: string, error?: number, uncalibrated = false): CouplerView {
  return { qubits: [a, b], label: `${a}-${b}`, gate: 'cz', error, uncalibrated };
}

/** A deterministic pseudo-random sequence, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomDevice(seed: number, size: number, edgeChance: number): Device {
  const next = random(seed);
  const qubits = Array.from({ length: size }, (_, i) => qubit(String(i), next() * 0.1, next() * 0.01));
  const couplers: CouplerView[] = [];
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      if (next() < edgeChance) {
        couplers.push(coupler(String(a), String(b), next() * 0.2));
      }
    }
  }
  return { qubits, couplers };
}

/** Exhaustive search over every simple path: the reference the beam search is held to. */
function exhaustiveBest(device: Device, length: number): number {
  const fidelity = new Map(
    device.qubits.map((q) => [
      q.id,
      (1 - q.values[QUBIT_MAP_METRIC.readoutError]!) * (1 - q.values[QUBIT_MAP_METRIC.oneQubitError]!),
    ])
  );
  const edges = new Map<string, Map<string, number>>();
  for (const c of device.couplers) {
    const [a, b] = c.qubits;
    edges.set(a, (edges.get(a) ?? new Map()).set(b, 1 - c.error!));
    edges.set(b, (edges.get(b) ?? new Map()).set(a, 1 - c.error!));
  }
  let best = 0;
  const walk = (path: string[], f: number) => {
    if (path.length === length) {
      best = Math.max(best, f);
      return;
    }
    for (const [next, e] of edges.get(path.at(-1)!) ?? []) {
      if (!path.includes(next)) {
        walk([...path, next], f * e * fidelity.get(next)!);
      }
    }
  };
  for (const q of device.qubits) {
    walk([q.id], fidelity.get(q.id)!);
  }
  return best;
}

function isConnectedChain(device: Device, chain: string[]): boolean {
  const coupled = new Set(device.couplers.flatMap((c) => [c.qubits.join('|'), [...c.qubits].reverse().join('|')]));
  return new Set(chain).size === chain.length && chain.every((q, i) => i === 0 || coupled.has(`${chain[i - 1]}|${q}`));
}

describe('best qubit chain', () => {
  it('matches exhaustive search on small random devices', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const device = randomDevice(seed, 9, 0.35);
      for (const length of [2, 3, 4, 5]) {
        const expected = exhaustiveBest(device, length);
        const found = bestChain(device, length);
        if (expected === 0) {
          expect(found).toBeUndefined();
          continue;
        }
        expect(found).toBeDefined();
        expect(isConnectedChain(device, found!.qubits)).toBe(true);
        expect(found!.fidelity).toBeCloseTo(expected, 12);
      }
    }
  });

  it('prefers a longer detour of good parts over a short chain through a bad coupler', () => {
    // 0-1-2 is a line with a terrible 1-2 coupler; 0-3-2 is good.
    const device: Device = {
      qubits: ['0', '1', '2', '3'].map((id) => qubit(id, 0.01, 0.001)),
      couplers: [coupler('0', '1', 0.01), coupler('1', '2', 0.5), coupler('0', '3', 0.01), coupler('3', '2', 0.01)],
    };
    const chain = bestChain(device, 3)!;
    expect(chain.qubits).not.toContain('1');
    expect(chain.worstError).toBeCloseTo(0.01, 12);
  });

  it('never uses qubits or couplers without measured values, nor uncalibrated couplers', () => {
    const device: Device = {
      qubits: [qubit('0', 0.01, 0.001), qubit('1'), qubit('2', 0.01, 0.001), qubit('3', 0.02, 0.002)],
      couplers: [
        coupler('0', '1', 0.001),
        coupler('1', '2', 0.001),
        coupler('0', '2', undefined, true),
        coupler('2', '3', 0.05),
      ],
    };
    expect(bestChain(device, 2)!.qubits.sort()).toEqual(['2', '3']);
    expect(bestChain(device, 3)).toBeUndefined();
    expect(bestPairs(device, 5).map((p) => p.qubits)).toEqual([['2', '3']]);
  });

  it('finds a chain on a 200-qubit synthetic grid and rejects lengths that cannot exist', () => {
    const side = 14;
    const ids = (r: number, c: number) => `${r}_${c}`;
    const next = random(7);
    const qubits: QubitView[] = [];
    const couplers: CouplerView[] = [];
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side + 1 && qubits.length < 200; c++) {
        qubits.push(qubit(ids(r, c), 0.01 + next() * 0.05, 0.001 + next() * 0.002));
      }
    }
    const known = new Set(qubits.map((q) => q.id));
    for (const q of qubits) {
      const [r, c] = q.id.split('_').map(Number) as [number, number];
      for (const n of [ids(r + 1, c), ids(r, c + 1)]) {
        if (known.has(n)) {
          couplers.push(coupler(q.id, n, 0.002 + next() * 0.02));
        }
      }
    }
    const device = { qubits, couplers };
    const chain = bestChain(device, 12)!;
    expect(chain.qubits).toHaveLength(12);
    expect(isConnectedChain(device, chain.qubits)).toBe(true);
    // A chain holds a coupled pair and more parts besides: it can never beat the best pair.
    expect(chain.fidelity).toBeLessThan(bestPairs(device, 1)[0]!.fidelity);
    expect(bestChain(device, 201)).toBeUndefined();
    expect(bestChain(device, 0)).toBeUndefined();
  });
});

describe('the qubits a job used against the best available', () => {
  const device: Device = {
    qubits: ['0', '1', '2', '3'].map((id, i) => qubit(id, 0.01 * (i + 1), 0.001)),
    couplers: [coupler('0', '1', 0.01), coupler('1', '2', 0.01), coupler('2', '3', 0.01)],
  };

  it('scores the qubits as a chain in the order reported and compares with the best chain of that length', () => {
    const verdict = compareUsedQubits(device, ['2', '3']);
    expect(verdict.used!.qubits).toEqual(['2', '3']);
    expect(verdict.best!.qubits.sort()).toEqual(['0', '1']);
    expect(verdict.used!.fidelity).toBeLessThan(verdict.best!.fidelity);
  });

  it('says which qubits it cannot judge instead of guessing', () => {
    const verdict = compareUsedQubits(device, ['0', '2', '9']);
    expect(verdict.unknown).toEqual(['9']);
    expect(verdict.used).toBeUndefined();
    // Known but not coupled in the order given: no chain score.
    expect(compareUsedQubits(device, ['0', '2']).used).toBeUndefined();
  });
});

/** The page's view of a normalized fixture backend, built from the exporter's own device view. */
function snapshotOf(b: BackendCalibration): Device {
  const view = deviceView(b);
  const byId = new Map(b.qubits.map((q) => [String(q.qubit), q]));
  const qubits = view.qubits.map(({ id }) => {
    const q = byId.get(String(id));
    return qubit(String(id), q?.readoutError ?? undefined, view.oneQubit.get(String(id))?.error ?? undefined);
  });
  const couplers = view.couplers.map((c) =>
    coupler(
      String(c.qubits[0]),
      String(c.qubits[1]),
      c.entry?.error ?? undefined,
      c.entry?.flags.includes('uncalibrated')
    )
  );
  return { qubits, couplers };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

describeWithFixtures('best qubits on every fixture device', (fixtures) => {
  it('finds a connected 5-qubit chain of measured parts wherever the device has a coupling map, and the best pair first', () => {
    const backends = normalizeFiles(jsonFiles(join(fixtures, 'calibration'))).backends;
    expect(backends.length).toBeGreaterThan(0);
    let withCouplers = 0;
    for (const b of backends) {
      const device = snapshotOf(b);
      const measuredCouplers = device.couplers.filter((c) => c.error !== undefined && !c.uncalibrated && c.error < 1);
      if (measuredCouplers.length === 0) {
        expect(bestChain(device, 2)).toBeUndefined();
        continue;
      }
      withCouplers++;
      const chain = bestChain(device, 5);
      if (chain) {
        expect(isConnectedChain(device, chain.qubits)).toBe(true);
        expect(chain.fidelity).toBeGreaterThan(0);
        expect(chain.fidelity).toBeLessThanOrEqual(1);
      }
      const pairs = bestPairs(device, 3);
      const best2 = bestChain(device, 2);
      if (pairs.length > 0) {
        expect(best2!.fidelity).toBeCloseTo(pairs[0]!.fidelity, 12);
        expect(pairs.map((p) => p.fidelity)).toEqual([...pairs.map((p) => p.fidelity)].sort((x, y) => y - x));
      }
    }
    expect(withCouplers).toBeGreaterThan(0);
  });
});
