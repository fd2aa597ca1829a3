import { CALIBRATION_LAYOUT, type CalibrationLayout } from '@hybridlens/conventions';
import { latticeAxes } from './axes';
import { compareIds, Graph } from './graph';
import { embedOnGrid, type Point } from './gridEmbedding';
import { stressLayout } from './stressLayout';

export type { Point };

export interface DeviceLayout {
  kind: CalibrationLayout;
  /** Position of every qubit by its label text; x to the right, y downwards, the drawing starting at (0, 0). */
  positions: Map<string, Point>;
}

/** Largest component drawn on the grid by search, and by stress layout; beyond, qubits are listed. */
const MAX_EMBED_NODES = 4000;
const MAX_STRESS_NODES = 3000;
/** Qubits per row when qubits are listed (all-to-all devices, qubits without couplers). */
export const LIST_ROW_LENGTH = 16;
/** Gap between separate parts of one device, in units. */
const COMPONENT_GAP = 2;

const GRID_ID = /^(\d+)_(\d+)$/;

type Transform = (p: Point) => Point;
const SYMMETRIES: Transform[] = [
  (p) => ({ x: p.x, y: p.y }),
  (p) => ({ x: -p.x, y: p.y }),
  (p) => ({ x: p.x, y: -p.y }),
  (p) => ({ x: -p.x, y: -p.y }),
  (p) => ({ x: p.y, y: p.x }),
  (p) => ({ x: -p.y, y: p.x }),
  (p) => ({ x: p.y, y: -p.x }),
  (p) => ({ x: -p.y, y: -p.x }),
];

function bounds(points: Iterable<Point>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

function translated(positions: Map<string, Point>): Map<string, Point> {
  const b = bounds(positions.values());
  return new Map([...positions].map(([id, p]) => [id, { x: p.x - b.minX, y: p.y - b.minY }]));
}

/**
 * One orientation for every drawing, so the same device always looks the same: wider than tall, rows of
 * couplers horizontal rather than vertical, the lowest-numbered qubit as near the top-left as the drawing allows.
 */
function canonical(positions: Map<string, Point>, graph: Graph): Map<string, Point> {
  const ids = [...positions.keys()].sort(compareIds);
  let best: Map<string, Point> | undefined;
  let bestKey: number[] | undefined;
  for (const t of SYMMETRIES) {
    const moved = translated(new Map([...positions].map(([id, p]) => [id, t(p)])));
    const b = bounds(moved.values());
    const first = moved.get(ids[0]!)!;
    let steep = 0;
    for (const [a, c] of graph.edges()) {
      const p = moved.get(a);
      const q = moved.get(c);
      if (p && q && Math.abs(p.y - q.y) > Math.abs(p.x - q.x)) {
        steep++;
      }
    }
    const flat = graph.edges().length - steep;
    const key = [
      b.height > b.width ? 1 : 0,
      steep > flat ? 1 : 0,
      Math.round(first.y * 1000),
      Math.round(first.x * 1000),
    ];
    if (!bestKey || lexicographic(key, bestKey) < 0) {
      best = moved;
      bestKey = key;
    }
  }
  return best!;
}

function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return a[i]! - b[i]!;
    }
  }
  return a.length - b.length;
}

function listed(ids: readonly string[], top = 0): Map<string, Point> {
  return new Map(
    [...ids].sort(compareIds).map((id, i) => [id, { x: i % LIST_ROW_LENGTH, y: top + Math.floor(i / LIST_ROW_LENGTH) }])
  );
}

function isComplete(graph: Graph): boolean {
  const n = graph.size;
  return n >= 3 && graph.edges().length === (n * (n - 1)) / 2;
}

function hasCycle(graph: Graph, component: readonly string[]): boolean {
  let edges = 0;
  for (const id of component) {
    edges += graph.degree(id);
  }
  return edges / 2 >= component.length;
}

function subgraph(graph: Graph, component: readonly string[]): Graph {
  const g = new Graph();
  const members = new Set(component);
  for (const id of component) {
    g.addNode(id);
    for (const n of graph.adjacent(id)) {
      if (members.has(n)) {
        g.addEdge(id, n);
      }
    }
  }
  return g;
}

/**
 * Coordinates for a device's qubit map, from its qubit ids and coupling map alone (never from a device list):
 * - every pair coupled (or the provider says so): a list of rows;
 * - ids that are grid coordinates (`3_2`): those coordinates;
 * - otherwise each connected part is drawn on the square grid with unit couplers if it can be (heavy-hex brick
 *   walls, square lattices, trees), else by stress layout; parts side by side, qubits without couplers listed below.
 */
export function computeLayout(graph: Graph, options: { fullyConnected?: boolean } = {}): DeviceLayout {
  const ids = graph.nodes;
  if (ids.length === 0) {
    return { kind: CALIBRATION_LAYOUT.list, positions: new Map() };
  }
  if (options.fullyConnected || isComplete(graph)) {
    return { kind: CALIBRATION_LAYOUT.allToAll, positions: listed(ids) };
  }
  if (ids.every((id) => GRID_ID.test(id))) {
    const positions = new Map(
      ids.map((id) => {
        const [, row, col] = GRID_ID.exec(id)!;
        return [id, { x: Number(col), y: Number(row) }];
      })
    );
    return { kind: CALIBRATION_LAYOUT.grid, positions: translated(positions) };
  }
  const components = graph.components();
  const connected = components.filter((c) => c.length > 1);
  const isolated = components.filter((c) => c.length === 1).map((c) => c[0]!);
  if (connected.length === 0) {
    return { kind: CALIBRATION_LAYOUT.list, positions: listed(isolated) };
  }
  const drawings: Array<Map<string, Point>> = [];
  let lattice = true;
  let cycles: 0 | 4 | 12 = 0;
  for (const component of connected) {
    const part = subgraph(graph, component);
    const axes = component.length <= MAX_EMBED_NODES ? latticeAxes(part) : null;
    // Of the candidate drawings, the most compact lattice reads best (IBM's brick wall rather than a sheared
    // one): the smallest box around the qubits on cycles, stubs aside, then around all of them.
    let best: Map<string, Point> | null = null;
    let bestKey: number[] = [];
    // A lattice whose axes are right embeds with next to no backtracking: try every candidate cheaply first,
    // and search long only when none embeds that way.
    const quick = (axes?.candidates ?? []).map((candidate) => ({ candidate, budget: 2 * component.length + 100 }));
    const thorough = (axes?.candidates ?? []).map((candidate) => ({ candidate, budget: undefined }));
    for (const { candidate, budget } of [...quick, ...thorough]) {
      if (best && budget === undefined) {
        break;
      }
      const embedded = embedOnGrid(part, component, candidate, budget);
      if (embedded) {
        const b = bounds(embedded.values());
        const core = [...embedded].filter(([id]) => axes!.core.has(id)).map(([, p]) => p);
        const c = bounds(core.length > 0 ? core : embedded.values());
        const key = [(c.width + 1) * (c.height + 1), (b.width + 1) * (b.height + 1)];
        if (!best || lexicographic(key, bestKey) < 0) {
          best = embedded;
          bestKey = key;
        }
      }
    }
    if (!best) {
      lattice = false;
      break;
    }
    cycles = Math.max(cycles, axes!.cycles) as 0 | 4 | 12;
    drawings.push(canonical(best, part));
  }
  let kind: CalibrationLayout;
  if (lattice) {
    const maxDegree = Math.max(...connected.flat().map((id) => graph.degree(id)));
    const cyclic = connected.some((c) => hasCycle(graph, c));
    kind =
      cycles === 4 || (cyclic && maxDegree > 3)
        ? CALIBRATION_LAYOUT.squareLattice
        : cyclic
          ? CALIBRATION_LAYOUT.heavyHex
          : CALIBRATION_LAYOUT.tree;
  } else if (connected.every((c) => c.length <= MAX_STRESS_NODES)) {
    kind = CALIBRATION_LAYOUT.computed;
    drawings.length = 0;
    for (const component of connected) {
      const part = subgraph(graph, component);
      drawings.push(canonical(stressLayout(part, component), part));
    }
  } else {
    return { kind: CALIBRATION_LAYOUT.list, positions: listed(ids) };
  }
  const positions = new Map<string, Point>();
  let left = 0;
  let bottom = 0;
  for (const drawing of drawings) {
    const b = bounds(drawing.values());
    for (const [id, p] of drawing) {
      positions.set(id, { x: p.x + left, y: p.y });
    }
    left += b.width + COMPONENT_GAP;
    bottom = Math.max(bottom, b.height);
  }
  for (const [id, p] of listed(isolated, Math.ceil(bottom) + COMPONENT_GAP)) {
    positions.set(id, p);
  }
  return { kind, positions };
}
