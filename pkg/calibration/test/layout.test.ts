import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CALIBRATION_LAYOUT, CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithFixtures } from '@hybridlens/testkit';
import {
  Graph,
  backendSamples,
  computeLayout,
  deviceView,
  normalizeFiles,
  normalizeTexts,
  type BackendCalibration,
  type DeviceLayout,
} from '../src';
import { heavyHex, ibmProperties, irregular, squareLattice, type SyntheticDevice } from './synthetic';

function graphOf(device: SyntheticDevice): Graph {
  const g = new Graph();
  device.qubits.forEach((q) => g.addNode(String(q)));
  device.edges.forEach(([a, b]) => g.addEdge(String(a), String(b)));
  return g;
}

/** Every qubit placed once, at a finite point of its own. */
function expectDistinctPositions(layout: DeviceLayout, qubits: readonly string[]) {
  expect([...layout.positions.keys()].sort()).toEqual([...qubits].sort());
  const points = [...layout.positions.values()];
  expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= 0 && p.y >= 0)).toBe(true);
  expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(points.length);
}

/** Lattice drawings: integer points, every coupler one unit long, horizontal or vertical. */
function expectUnitCouplers(layout: DeviceLayout, edges: ReadonlyArray<readonly [string, string]>) {
  for (const p of layout.positions.values()) {
    expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  }
  const long = edges.filter(([a, b]) => {
    const p = layout.positions.get(a)!;
    const q = layout.positions.get(b)!;
    return Math.abs(p.x - q.x) + Math.abs(p.y - q.y) !== 1;
  });
  expect(long).toEqual([]);
}

/** Written apart from src/layout: does the graph have a 4-cycle, any cycle, a complete graph, grid ids? */
function structure(g: Graph) {
  const nodes = g.nodes;
  const edges = g.edges();
  let square = false;
  for (const a of nodes) {
    for (const b of g.adjacent(a)) {
      for (const c of g.adjacent(b)) {
        if (c === a) {
          continue;
        }
        for (const d of g.adjacent(c)) {
          if (d !== b && d !== a && g.hasEdge(d, a)) {
            square = true;
          }
        }
      }
    }
  }
  const components = g.components().filter((c) => c.length > 1);
  const cyclic = components.some((c) => c.reduce((s, id) => s + g.degree(id), 0) / 2 >= c.length);
  return {
    square,
    cyclic,
    complete: nodes.length >= 3 && edges.length === (nodes.length * (nodes.length - 1)) / 2,
    gridIds: nodes.length > 0 && nodes.every((id) => /^\d+_\d+$/.test(id)),
    couplers: edges.length,
  };
}

function fixtureFiles(dir: string): string[] {
  if (!dir) {
    return [];
  }
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((f) =>
        statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.json') ? [join(d, f)] : []
      );
  return walk(join(dir, 'calibration'));
}

/** The coupling graph as the device view sees it (qubits, explicit coupling map, 2q gates). */
function viewGraph(b: BackendCalibration): Graph {
  const view = deviceView(b);
  const g = new Graph();
  view.qubits.forEach((q) => g.addNode(String(q.id)));
  view.couplers.forEach((c) => g.addEdge(String(c.qubits[0]), String(c.qubits[1])));
  return g;
}

describeWithFixtures('layout of every fixture device (no device list: whatever is in the folder)', (fixtures) => {
  const cases = fixtureFiles(fixtures).map((file) => [relative(fixtures, file), file] as const);

  it('finds fixture devices', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: every qubit placed once; lattice kinds draw every coupler one unit long', (_name, file) => {
    const { backends, errors } = normalizeFiles([file]);
    expect(errors).toEqual([]);
    for (const b of backends) {
      const view = deviceView(b);
      const g = viewGraph(b);
      const s = structure(g);
      const layout: DeviceLayout = {
        kind: view.layout,
        positions: new Map(view.qubits.map((q) => [String(q.id), q.position])),
      };
      expectDistinctPositions(layout, g.nodes);
      // Every qubit the model has is on the map, calibrated or not.
      for (const q of b.qubits) {
        expect(layout.positions.has(String(q.qubit))).toBe(true);
      }
      if (b.connectivity?.fullyConnected || s.complete) {
        expect(view.layout).toBe(CALIBRATION_LAYOUT.allToAll);
        expect(view.couplers).toEqual([]);
      } else if (s.gridIds) {
        expect(view.layout).toBe(CALIBRATION_LAYOUT.grid);
      } else if (s.couplers === 0) {
        expect(view.layout).toBe(CALIBRATION_LAYOUT.list);
      } else {
        expect([
          CALIBRATION_LAYOUT.heavyHex,
          CALIBRATION_LAYOUT.squareLattice,
          CALIBRATION_LAYOUT.tree,
          CALIBRATION_LAYOUT.computed,
        ]).toContain(view.layout);
        if (view.layout !== CALIBRATION_LAYOUT.computed) {
          expectUnitCouplers(layout, g.edges());
          const expected = s.square
            ? CALIBRATION_LAYOUT.squareLattice
            : s.cyclic
              ? CALIBRATION_LAYOUT.heavyHex
              : CALIBRATION_LAYOUT.tree;
          expect(view.layout).toBe(expected);
        }
      }
      // The exporter carries exactly this layout: one layout series per qubit, one coupler series per edge.
      const samples = backendSamples(b);
      const layoutSeries = samples.get(CALIBRATION_METRIC.qubitLayout) ?? [];
      expect(layoutSeries).toHaveLength(view.qubits.length);
      for (const s2 of layoutSeries) {
        const p = layout.positions.get(s2.labels.qubit!)!;
        expect([Number(s2.labels.x), Number(s2.labels.y)]).toEqual([
          Math.round(p.x * 1000) / 1000,
          Math.round(p.y * 1000) / 1000,
        ]);
      }
      expect(samples.get(CALIBRATION_METRIC.couplerInfo) ?? []).toHaveLength(view.couplers.length);
    }
  });

  it('the real heavy-hex, square-lattice, grid and all-to-all devices present are recognised as such', () => {
    const kinds = new Map(
      fixtureFiles(fixtures)
        .flatMap((f) => normalizeFiles([f]).backends)
        .map((b) => [`${b.provider}/${b.backend}`, deviceView(b).layout])
    );
    // The folder may hold other real snapshots: check the ones known here that are present, at least one.
    const known: Array<[string, string]> = [
      ['ibm/ibm_sherbrooke', CALIBRATION_LAYOUT.heavyHex],
      ['ibm/ibm_hanoi', CALIBRATION_LAYOUT.heavyHex],
      ['braket/garnet', CALIBRATION_LAYOUT.squareLattice],
      ['braket/Ankaa-3', CALIBRATION_LAYOUT.squareLattice],
      ['google/rainbow', CALIBRATION_LAYOUT.grid],
      ['braket/forte_enterprise_1', CALIBRATION_LAYOUT.allToAll],
    ];
    const present = known.filter(([device]) => kinds.has(device));
    expect(present.length).toBeGreaterThan(0);
    for (const [device, kind] of present) {
      expect([device, kinds.get(device)]).toEqual([device, kind]);
    }
  });
});

describe('heavy-hex families drawn as a brick wall (synthetic, IBM numbering)', () => {
  it.each([
    ['Eagle-like, 127 qubits', heavyHex(7, 15, [0, 2], true), 127],
    ['Heron r1-sized, 133 qubits (7 rows of 15, stubs on the outer rows)', heavyHex(7, 15, [0, 2], false, 4), 133],
    ['Heron r2-like, 156 qubits', heavyHex(8, 16, [3, 1]), 156],
    ['200-qubit heavy-hex', heavyHex(9, 18, [0, 2]), 198],
  ])('%s: unit couplers, every row one horizontal line, bridges vertical', (_name, device, count) => {
    expect(device.qubits).toHaveLength(count);
    const g = graphOf(device);
    const layout = computeLayout(g);
    expect(layout.kind).toBe(CALIBRATION_LAYOUT.heavyHex);
    expectDistinctPositions(layout, g.nodes);
    expectUnitCouplers(layout, g.edges());
    for (const row of device.rows) {
      const points = row.map((q) => layout.positions.get(String(q))!);
      expect(new Set(points.map((p) => p.y)).size).toBe(1);
      const xs = points.map((p) => p.x);
      const step = Math.sign(xs[1]! - xs[0]!);
      expect(xs.every((x, i) => x === xs[0]! + i * step)).toBe(true);
    }
    // rows are the long side: wider than tall
    const xs = [...layout.positions.values()].map((p) => p.x);
    const ys = [...layout.positions.values()].map((p) => p.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(Math.max(...ys) - Math.min(...ys));
  });
});

describe('other layouts', () => {
  it('a 200-qubit square lattice: unit couplers, rows straight', () => {
    const device = squareLattice(10, 20);
    const g = graphOf(device);
    const layout = computeLayout(g);
    expect(layout.kind).toBe(CALIBRATION_LAYOUT.squareLattice);
    expectDistinctPositions(layout, g.nodes);
    expectUnitCouplers(layout, g.edges());
    for (const row of device.rows) {
      const points = row.map((q) => layout.positions.get(String(q))!);
      expect(new Set(points.map((p) => p.y)).size).toBe(1);
    }
  });

  it('a 200-qubit irregular coupling map falls back to a layout computed from it', () => {
    const device = irregular(200);
    const g = graphOf(device);
    const layout = computeLayout(g);
    expect(layout.kind).toBe(CALIBRATION_LAYOUT.computed);
    expectDistinctPositions(layout, g.nodes);
    // Stress layout: coupled qubits sit closer than the average pair (the drawing follows the coupling map).
    const dist = (a: string, b: string) => {
      const p = layout.positions.get(a)!;
      const q = layout.positions.get(b)!;
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    const coupled = g.edges().map(([a, b]) => dist(a, b));
    const nodes = g.nodes;
    const pairs: number[] = [];
    for (let i = 0; i < nodes.length; i += 7) {
      for (let j = i + 3; j < nodes.length; j += 11) {
        pairs.push(dist(nodes[i]!, nodes[j]!));
      }
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(mean(coupled)).toBeLessThan(mean(pairs) / 2);
  });

  it('the same coupling map always gets the same drawing', () => {
    const device = irregular(60, 11);
    const a = computeLayout(graphOf(device));
    const b = computeLayout(graphOf(device));
    expect([...a.positions]).toEqual([...b.positions]);
  });

  it('a device with no coupling map: its qubits as a list, no couplers', () => {
    const doc = ibmProperties('ibm_nocoupling', { qubits: [0, 1, 2, 3, 4], edges: [], rows: [] });
    const b = normalizeTexts([{ source: 'props_nocoupling.json', text: JSON.stringify(doc) }]).backends[0]!;
    const view = deviceView(b);
    expect(view.layout).toBe(CALIBRATION_LAYOUT.list);
    expect(view.couplers).toEqual([]);
    expect(view.qubits.map((q) => q.id)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(view.qubits.map((q) => `${q.position.x},${q.position.y}`)).size).toBe(5);
  });

  it('Google grid ids are the coordinates', () => {
    const g = new Graph();
    g.addEdge('3_2', '4_2');
    g.addEdge('4_2', '4_3');
    const layout = computeLayout(g);
    expect(layout.kind).toBe(CALIBRATION_LAYOUT.grid);
    expect(layout.positions.get('4_3')).toEqual({ x: 1, y: 1 });
    expect(layout.positions.get('3_2')).toEqual({ x: 0, y: 0 });
  });

  it('separate parts of a device sit side by side; qubits without couplers are listed below', () => {
    const g = new Graph();
    g.addEdge('0', '1');
    g.addEdge('1', '2');
    g.addEdge('10', '11');
    g.addNode('20');
    const layout = computeLayout(g);
    expectDistinctPositions(layout, g.nodes);
    expectUnitCouplers(layout, g.edges());
    const lonely = layout.positions.get('20')!;
    expect(lonely.y).toBeGreaterThan(Math.max(...['0', '1', '2', '10', '11'].map((id) => layout.positions.get(id)!.y)));
  });
});

describe('a backend with half its values missing', () => {
  const device = heavyHex(7, 15, [0, 2], true);
  const doc = ibmProperties('ibm_half', device) as {
    qubits: Array<Array<{ name: string }>>;
    gates: Array<{ gate: string; parameters: unknown[] }>;
  };
  // Every other qubit loses T1 and readout; every other coupler its error.
  doc.qubits.forEach((q, i) => {
    if (i % 2 === 1) {
      doc.qubits[i] = q.filter((p) => p.name !== 'T1' && p.name !== 'readout_error');
    }
  });
  doc.gates
    .filter((g) => g.gate === 'ecr')
    .forEach((g, i) => {
      if (i % 2 === 1) {
        g.parameters = [];
      }
    });
  const b = normalizeTexts([{ source: 'props_half.json', text: JSON.stringify(doc) }]).backends[0]!;
  const samples = backendSamples(b);
  const series = (metric: keyof typeof CALIBRATION_METRIC) => samples.get(CALIBRATION_METRIC[metric]) ?? [];

  it('missing values have no series (never 0), present ones do', () => {
    expect(series('qubitT1')).toHaveLength(64);
    expect(series('qubitReadoutError')).toHaveLength(64);
    expect(series('qubitT2')).toHaveLength(127);
    expect(series('qubitT1').every((s) => s.value > 0)).toBe(true);
    const ecr = series('gateError').filter((s) => s.labels.gate === 'ecr');
    expect(ecr).toHaveLength(Math.ceil(device.edges.length / 2));
    expect(series('gateUncalibrated')).toEqual([]); // missing is not uncalibrated
  });

  it('the map still has every qubit and every coupler', () => {
    expect(series('qubitLayout')).toHaveLength(127);
    expect(series('couplerInfo')).toHaveLength(device.edges.length);
  });

  it('medians are over the values present', () => {
    expect(b.summary.qubitsMissingT1).toBe(63);
    expect(series('medianT1')[0]!.value).toBe(b.summary.medianT1Seconds);
    expect(b.summary.medianT1Seconds).not.toBeNull();
  });
});
