import { compareIds, cyclesOfLength, type Graph } from './graph';

export type Axis = 'h' | 'v';

export function edgeKey(a: string, b: string): string {
  return compareIds(a, b) < 0 ? `${a}|${b}` : `${b}|${a}`;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) {
      root = this.parent.get(root)!;
    }
    this.parent.set(x, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) {
      this.parent.set(ra, rb);
    }
  }
}

export interface LatticeAxes {
  /**
   * Candidate axes of the edges whose direction the short cycles fix (other edges, such as stubs, are left to the
   * search): one for a square lattice, one per choice of the vertical direction for heavy-hex.
   */
  candidates: Array<Map<string, Axis>>;
  /** Whether the component has 4-cycles (a square lattice), 12-cycles only (heavy-hex), or neither. */
  cycles: 4 | 12 | 0;
  /** Qubits on those cycles: the lattice itself, without stubs and dangling chains. */
  core: Set<string>;
}

/**
 * In a drawing on the square grid with unit edges, a 4-cycle is a unit square: its opposite edges are parallel
 * and its adjacent edges perpendicular. Grouping edges by "parallel" and 2-colouring the groups by "perpendicular"
 * gives every edge of a square lattice its axis (up to swapping the two).
 */
function squareLatticeAxes(squares: string[][]): Map<string, Axis> | null {
  const parallel = new UnionFind();
  const perpendicular: Array<[string, string]> = [];
  for (const [a, b, c, d] of squares) {
    const ab = edgeKey(a!, b!);
    const bc = edgeKey(b!, c!);
    const cd = edgeKey(c!, d!);
    const da = edgeKey(d!, a!);
    parallel.union(ab, cd);
    parallel.union(bc, da);
    perpendicular.push([ab, bc]);
  }
  const edges = new Set(
    squares.flatMap(([a, b, c, d]) => [edgeKey(a!, b!), edgeKey(b!, c!), edgeKey(c!, d!), edgeKey(d!, a!)])
  );
  const across = new Map<string, string[]>();
  for (const [x, y] of perpendicular) {
    const rx = parallel.find(x);
    const ry = parallel.find(y);
    if (rx === ry) {
      return null; // an edge both parallel and perpendicular to another: not a square lattice
    }
    across.set(rx, [...(across.get(rx) ?? []), ry]);
    across.set(ry, [...(across.get(ry) ?? []), rx]);
  }
  const colour = new Map<string, Axis>();
  for (const root of [...across.keys()].sort()) {
    if (colour.has(root)) {
      continue;
    }
    colour.set(root, 'h');
    const queue = [root];
    while (queue.length > 0) {
      const r = queue.pop()!;
      const other: Axis = colour.get(r) === 'h' ? 'v' : 'h';
      for (const next of across.get(r) ?? []) {
        if (!colour.has(next)) {
          colour.set(next, other);
          queue.push(next);
        } else if (colour.get(next) !== other) {
          return null;
        }
      }
    }
  }
  const axes = new Map<string, Axis>();
  for (const edge of edges) {
    const axis = colour.get(parallel.find(edge));
    if (axis) {
      axes.set(edge, axis);
    }
  }
  return axes;
}

/**
 * Heavy-hex: a hexagonal lattice with an extra qubit on every edge, so its cells are 12-cycles whose corners (the
 * lattice vertices, degree 3 away from the border) sit every second node, joined by hex edges corner → middle →
 * corner. A hexagonal lattice has three edge directions; around a cell they repeat with period 3 (opposite edges
 * are parallel), and the three edges at a vertex point three ways. Colouring cell by cell from one cell gives every
 * hex edge its direction. Drawn as a brick wall, one direction is vertical (the bridges between rows) and the other
 * two make up the horizontal rows: one candidate drawing per choice of the vertical direction.
 */
function heavyHexAxes(graph: Graph, cycles: string[][]): Array<Map<string, Axis>> | null {
  interface Cell {
    corners: string[];
    middles: string[];
  }
  const cells: Cell[] = [];
  for (const cycle of cycles) {
    // Corners are where most of the cell's degree-3 qubits sit (a stub hanging off a middle qubit adds one at
    // the other parity); a cell that cannot tell is left out of the colouring.
    const count = [0, 0];
    cycle.forEach((id, i) => {
      if (graph.degree(id) >= 3) {
        count[i % 2]!++;
      }
    });
    if (count[0] === count[1]) {
      continue;
    }
    const phase = count[0]! > count[1]! ? 0 : 1;
    const corners: string[] = [];
    const middles: string[] = [];
    for (let k = 0; k < 6; k++) {
      corners.push(cycle[(phase + 2 * k) % 12]!);
      middles.push(cycle[(phase + 2 * k + 1) % 12]!);
    }
    cells.push({ corners, middles });
  }
  const colour = new Map<string, number>();
  const cellsOfMiddle = new Map<string, number[]>();
  cells.forEach((cell, i) => cell.middles.forEach((m) => cellsOfMiddle.set(m, [...(cellsOfMiddle.get(m) ?? []), i])));
  // Middles at a corner: the (up to three) hex edges meeting there.
  const middlesAt = new Map<string, Set<string>>();
  for (const cell of cells) {
    cell.middles.forEach((m, k) => {
      for (const corner of [cell.corners[k]!, cell.corners[(k + 1) % 6]!]) {
        middlesAt.set(corner, (middlesAt.get(corner) ?? new Set()).add(m));
      }
    });
  }
  const colourCell = (cell: Cell): boolean => {
    // Two adjacent hex edges with colours fix the cell: colours repeat with period 3 around it.
    for (let k = 0; k < 6; k++) {
      const a = colour.get(cell.middles[k]!);
      const b = colour.get(cell.middles[(k + 1) % 6]!);
      if (a === undefined || b === undefined) {
        continue;
      }
      const pattern = [a, b, 3 - a - b];
      for (let j = 0; j < 6; j++) {
        const want = pattern[j % 3]!;
        const m = cell.middles[(k + j) % 6]!;
        if (colour.has(m) && colour.get(m) !== want) {
          return false;
        }
        colour.set(m, want);
      }
      return true;
    }
    return true;
  };
  if (cells.length === 0) {
    return [];
  }
  cells[0]!.middles.forEach((m, k) => colour.set(m, k % 3));
  const done = new Set<number>([0]);
  for (let progress = true; progress;) {
    progress = false;
    // A third edge at a corner takes the colour the other two leave.
    for (const set of middlesAt.values()) {
      const known = [...set].filter((m) => colour.has(m)).map((m) => colour.get(m)!);
      const unknown = [...set].filter((m) => !colour.has(m));
      if (set.size === 3 && known.length === 2 && unknown.length === 1 && known[0] !== known[1]) {
        colour.set(unknown[0]!, 3 - known[0]! - known[1]!);
        progress = true;
      }
    }
    for (let i = 0; i < cells.length; i++) {
      if (done.has(i)) {
        continue;
      }
      const before = colour.size;
      if (!colourCell(cells[i]!)) {
        return null;
      }
      if (cells[i]!.middles.every((m) => colour.has(m))) {
        done.add(i);
        progress = true;
      } else if (colour.size > before) {
        progress = true;
      }
    }
  }
  const candidates: Array<Map<string, Axis>> = [];
  for (let vertical = 0; vertical < 3; vertical++) {
    const axes = new Map<string, Axis>();
    for (const cell of cells) {
      cell.middles.forEach((m, k) => {
        const c = colour.get(m);
        if (c === undefined) {
          return;
        }
        const axis: Axis = c === vertical ? 'v' : 'h';
        axes.set(edgeKey(cell.corners[k]!, m), axis);
        axes.set(edgeKey(m, cell.corners[(k + 1) % 6]!), axis);
      });
    }
    candidates.push(axes);
  }
  return candidates;
}

/** The axes short cycles impose on a connected component (none when it has neither 4- nor 12-cycles). */
export function latticeAxes(component: Graph): LatticeAxes | null {
  const squares = cyclesOfLength(component, 4);
  if (squares === null) {
    return null;
  }
  if (squares.length > 0) {
    const axes = squareLatticeAxes(squares);
    return axes ? { candidates: [axes], cycles: 4, core: new Set(squares.flat()) } : null;
  }
  const cycles = cyclesOfLength(component, 12);
  if (cycles === null) {
    return null;
  }
  if (cycles.length === 0) {
    return { candidates: [new Map()], cycles: 0, core: new Set() };
  }
  const candidates = heavyHexAxes(component, cycles);
  return {
    candidates: candidates && candidates.length > 0 ? candidates : [new Map()],
    cycles: 12,
    core: new Set(cycles.flat()),
  };
}
