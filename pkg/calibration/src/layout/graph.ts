/** An undirected simple graph on string node ids (qubit ids as their label text). */
export class Graph {
  private readonly neighbours = new Map<string, Set<string>>();

  addNode(id: string): void {
    if (!this.neighbours.has(id)) {
      this.neighbours.set(id, new Set());
    }
  }

  addEdge(a: string, b: string): void {
    if (a === b) {
      return;
    }
    this.addNode(a);
    this.addNode(b);
    this.neighbours.get(a)!.add(b);
    this.neighbours.get(b)!.add(a);
  }

  get nodes(): string[] {
    return [...this.neighbours.keys()];
  }

  get size(): number {
    return this.neighbours.size;
  }

  adjacent(id: string): ReadonlySet<string> {
    return this.neighbours.get(id) ?? new Set();
  }

  degree(id: string): number {
    return this.adjacent(id).size;
  }

  hasEdge(a: string, b: string): boolean {
    return this.adjacent(a).has(b);
  }

  /** Every edge once, as [a, b] with a sorted before b by {@link compareIds}. */
  edges(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [a, set] of this.neighbours) {
      for (const b of set) {
        if (compareIds(a, b) < 0) {
          out.push([a, b]);
        }
      }
    }
    return out.sort((x, y) => compareIds(x[0], y[0]) || compareIds(x[1], y[1]));
  }

  /** Connected components, each sorted by id, largest first (ties: smallest first id). */
  components(): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const start of [...this.nodes].sort(compareIds)) {
      if (seen.has(start)) {
        continue;
      }
      const component: string[] = [];
      const queue = [start];
      seen.add(start);
      while (queue.length > 0) {
        const id = queue.pop()!;
        component.push(id);
        for (const next of this.adjacent(id)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      out.push(component.sort(compareIds));
    }
    return out.sort((a, b) => b.length - a.length || compareIds(a[0]!, b[0]!));
  }
}

/** Numeric ids in numeric order, before other ids in text order ("2" < "10" < "3_2"). */
export function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) {
    return na - nb;
  }
  if (!Number.isNaN(na)) {
    return -1;
  }
  if (!Number.isNaN(nb)) {
    return 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Simple cycles of exactly `length` nodes, each once (starting at its smallest node, in the direction of its
 * smaller second node). Meant for short cycles of sparse lattices; `limit` bounds the work on dense graphs.
 */
export function cyclesOfLength(graph: Graph, length: number, limit = 2_000_000): string[][] | null {
  const order = new Map(graph.nodes.sort(compareIds).map((id, i) => [id, i]));
  const cycles: string[][] = [];
  let steps = 0;
  for (const start of order.keys()) {
    const rank = order.get(start)!;
    const path = [start];
    const onPath = new Set(path);
    const extend = (): boolean => {
      if (++steps > limit) {
        return false;
      }
      const last = path[path.length - 1]!;
      for (const next of graph.adjacent(last)) {
        if (order.get(next)! < rank) {
          continue;
        }
        if (path.length === length) {
          if (next === start && order.get(path[1]!)! < order.get(path[length - 1]!)!) {
            cycles.push([...path]);
          }
          continue;
        }
        if (onPath.has(next)) {
          continue;
        }
        path.push(next);
        onPath.add(next);
        const ok = extend();
        path.pop();
        onPath.delete(next);
        if (!ok) {
          return false;
        }
      }
      return true;
    };
    if (!extend()) {
      return null;
    }
  }
  return cycles;
}
