import { edgeKey, type Axis } from './axes';
import { compareIds, type Graph } from './graph';

export interface Point {
  x: number;
  y: number;
}

const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

class BudgetExceeded extends Error {}

const cellKey = (x: number, y: number) => `${x},${y}`;

/**
 * Place a connected component on the square grid so that every coupler is one unit long, horizontal or vertical,
 * and no two qubits share a point: a backtracking search that places the most constrained qubit next (the one with
 * the most placed neighbours, so cycles close early and a wrong turn is found within a cell), keeps rows straight
 * where it can, and respects the axes the short cycles fixed. Returns null when no such drawing exists or the
 * search runs out of `budget` steps.
 */
export function embedOnGrid(
  graph: Graph,
  component: readonly string[],
  axes: ReadonlyMap<string, Axis>,
  budget = 20_000 + 200 * component.length
): Map<string, Point> | null {
  if (component.some((id) => graph.degree(id) > 4)) {
    return null;
  }
  const pos = new Map<string, Point>();
  const occupied = new Map<string, string>();
  const placedAt = new Map<string, number>();
  const placedNeighbours = new Map<string, number>();
  let clock = 0;
  let steps = 0;

  // Unplaced qubits next to placed ones: the only candidates for the next placement.
  const frontier = new Set<string>();
  const place = (id: string, p: Point) => {
    pos.set(id, p);
    occupied.set(cellKey(p.x, p.y), id);
    placedAt.set(id, ++clock);
    frontier.delete(id);
    for (const n of graph.adjacent(id)) {
      placedNeighbours.set(n, (placedNeighbours.get(n) ?? 0) + 1);
      if (!pos.has(n)) {
        frontier.add(n);
      }
    }
  };
  const unplace = (id: string) => {
    const p = pos.get(id)!;
    pos.delete(id);
    occupied.delete(cellKey(p.x, p.y));
    placedAt.delete(id);
    for (const n of graph.adjacent(id)) {
      const count = placedNeighbours.get(n)! - 1;
      placedNeighbours.set(n, count);
      if (count === 0) {
        frontier.delete(n);
      }
    }
    if ((placedNeighbours.get(id) ?? 0) > 0) {
      frontier.add(id);
    }
  };

  const recency = (id: string) => {
    let latest = 0;
    for (const n of graph.adjacent(id)) {
      latest = Math.max(latest, placedAt.get(n) ?? 0);
    }
    return latest;
  };

  const next = (): string | undefined => {
    let best: string | undefined;
    let bestCount = 0;
    let bestRecency = 0;
    for (const id of frontier) {
      const count = placedNeighbours.get(id) ?? 0;
      const r = recency(id);
      if (
        best === undefined ||
        count > bestCount ||
        (count === bestCount && (r > bestRecency || (r === bestRecency && compareIds(id, best) < 0)))
      ) {
        best = id;
        bestCount = count;
        bestRecency = r;
      }
    }
    return best;
  };

  const candidates = (id: string): Point[] => {
    let cells: Point[] | null = null;
    let parent: string | undefined;
    for (const n of graph.adjacent(id)) {
      const p = pos.get(n);
      if (!p) {
        continue;
      }
      if (parent === undefined || placedAt.get(n)! > placedAt.get(parent)!) {
        parent = n;
      }
      const axis = axes.get(edgeKey(id, n));
      const options = DIRECTIONS.filter(([dx]) => axis === undefined || (axis === 'h') === (dx !== 0)).map(
        ([dx, dy]) => ({ x: p.x + dx, y: p.y + dy })
      );
      cells = cells === null ? options : cells.filter((c) => options.some((o) => o.x === c.x && o.y === c.y));
    }
    const free = (cells ?? []).filter((c) => !occupied.has(cellKey(c.x, c.y)));
    const from = pos.get(parent!)!;
    // Straight through the parent first: rows and bridges of a lattice run straight; a stub at the end of a
    // row (its edge in no cycle, so of unknown axis) continues the row rather than the bridge.
    const rank: Record<string, number> = { h: 0, undefined: 1, v: 2 };
    const straight = (c: Point) => {
      let best = 10;
      for (const n of graph.adjacent(parent!)) {
        const w = pos.get(n);
        if (w && n !== id && w.x - from.x === from.x - c.x && w.y - from.y === from.y - c.y) {
          best = Math.min(best, rank[String(axes.get(edgeKey(parent!, n)))]!);
        }
      }
      return best;
    };
    // Then where fewer placed qubits would sit next to it without a coupler (a drawing that reads true).
    const strangers = (c: Point) =>
      DIRECTIONS.filter(([dx, dy]) => {
        const other = occupied.get(cellKey(c.x + dx, c.y + dy));
        return other !== undefined && !graph.hasEdge(id, other);
      }).length;
    return free
      .map((c, i) => ({ c, score: straight(c) * 5 + strangers(c), i }))
      .sort((a, b) => a.score - b.score || a.i - b.i)
      .map((e) => e.c);
  };

  // Every placed qubit must keep a free cell for each neighbour still to place.
  const roomy = (id: string): boolean => {
    const p = pos.get(id)!;
    let waiting = 0;
    for (const n of graph.adjacent(id)) {
      if (!pos.has(n)) {
        waiting++;
      }
    }
    if (waiting === 0) {
      return true;
    }
    const free = DIRECTIONS.filter(([dx, dy]) => !occupied.has(cellKey(p.x + dx, p.y + dy))).length;
    return waiting <= free;
  };

  const solve = (): boolean => {
    if (pos.size === component.length) {
      return true;
    }
    if (++steps > budget) {
      throw new BudgetExceeded();
    }
    const id = next();
    if (id === undefined) {
      return false; // not connected
    }
    for (const cell of candidates(id)) {
      place(id, cell);
      let ok = roomy(id);
      for (const n of graph.adjacent(id)) {
        ok = ok && (!pos.has(n) || roomy(n));
      }
      if (ok && solve()) {
        return true;
      }
      unplace(id);
    }
    return false;
  };

  // A qubit on a single coupler may have been placed before the qubits around it: move it where it sits next to
  // no qubit it is not coupled to, if such a free cell is beside its neighbour, so the drawing shows no false couplers.
  const relaxLeaves = () => {
    for (const id of component) {
      const [parent] = [...graph.adjacent(id)];
      if (graph.degree(id) !== 1 || parent === undefined) {
        continue;
      }
      const here = pos.get(id)!;
      const strangersAt = (c: Point) =>
        DIRECTIONS.filter(([dx, dy]) => {
          const other = occupied.get(cellKey(c.x + dx, c.y + dy));
          return other !== undefined && other !== id && other !== parent;
        }).length;
      if (strangersAt(here) === 0) {
        continue;
      }
      const p = pos.get(parent)!;
      const better = DIRECTIONS.map(([dx, dy]) => ({ x: p.x + dx, y: p.y + dy }))
        .filter((c) => !occupied.has(cellKey(c.x, c.y)) && strangersAt(c) === 0)
        .sort(
          (a, b) => Math.abs(a.x - here.x) + Math.abs(a.y - here.y) - (Math.abs(b.x - here.x) + Math.abs(b.y - here.y))
        )[0];
      if (better) {
        unplace(id);
        place(id, better);
      }
    }
  };

  place(component[0]!, { x: 0, y: 0 });
  try {
    if (!solve()) {
      return null;
    }
    relaxLeaves();
    return pos;
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      return null;
    }
    throw error;
  }
}
