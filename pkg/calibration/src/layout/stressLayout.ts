import type { Graph } from './graph';
import type { Point } from './gridEmbedding';

/** Above this many qubits the O(n²) refinement is skipped (classical MDS alone is kept). */
const REFINE_MAX_NODES = 1500;
const REFINE_ITERATIONS = 60;
const POWER_ITERATIONS = 200;

function hopDistances(graph: Graph, nodes: readonly string[]): Float64Array {
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const d = new Float64Array(n * n).fill(Infinity);
  for (let s = 0; s < n; s++) {
    d[s * n + s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const next of graph.adjacent(nodes[u]!)) {
        const v = index.get(next);
        if (v !== undefined && d[s * n + v] === Infinity) {
          d[s * n + v] = d[s * n + u]! + 1;
          queue.push(v);
        }
      }
    }
  }
  return d;
}

/** Top eigenvector of a symmetric matrix (power iteration), orthogonal to `against`; deterministic start. */
function topEigenvector(
  m: Float64Array,
  n: number,
  against: Float64Array | null
): { vector: Float64Array; value: number } {
  let v = new Float64Array(n).map((_, i) => Math.cos(i * 1.618 + (against ? 1 : 0)) + 0.5);
  let value = 0;
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    if (against) {
      let dot = 0;
      for (let i = 0; i < n; i++) {
        dot += v[i]! * against[i]!;
      }
      for (let i = 0; i < n; i++) {
        v[i]! -= dot * against[i]!;
      }
    }
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        sum += m[i * n + j]! * v[j]!;
      }
      next[i] = sum;
    }
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      sumSquares += next[i]! * next[i]!;
    }
    const norm = Math.sqrt(sumSquares) || 1;
    const change = Math.abs(norm - value) / norm;
    value = norm;
    v = next.map((x) => x / norm);
    if (change < 1e-9) {
      break;
    }
  }
  return { vector: v, value };
}

/**
 * A drawing of any connected coupling map from its hop distances: classical multidimensional scaling (the two
 * main axes of the double-centred squared distances), refined by stress majorization so that qubits sit about as
 * far apart as they are hops apart. Deterministic: the same graph always gets the same drawing.
 */
export function stressLayout(graph: Graph, component: readonly string[]): Map<string, Point> {
  const n = component.length;
  const out = new Map<string, Point>();
  if (n === 1) {
    out.set(component[0]!, { x: 0, y: 0 });
    return out;
  }
  const d = hopDistances(graph, component);
  const sq = d.map((x) => x * x);
  const rowMean = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      s += sq[i * n + j]!;
    }
    rowMean[i] = s / n;
    total += s;
  }
  const grand = total / (n * n);
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      b[i * n + j] = -0.5 * (sq[i * n + j]! - rowMean[i]! - rowMean[j]! + grand);
    }
  }
  const first = topEigenvector(b, n, null);
  const second = topEigenvector(b, n, first.vector);
  // Qubits with the same distances to all others (two leaves on one qubit) start apart, so the refinement
  // can separate them: a small deterministic offset per qubit.
  const xs = first.vector.map((x, i) => x * Math.sqrt(first.value) + 0.01 * Math.cos(i * 2.399));
  const ys = second.vector.map((y, i) => y * Math.sqrt(second.value) + 0.01 * Math.sin(i * 2.399));
  if (n <= REFINE_MAX_NODES) {
    // Guttman transform with unit weights: x_i ← (1/n) Σ_j d_ij (x_i − x_j) / |x_i − x_j| + mean.
    for (let it = 0; it < REFINE_ITERATIONS; it++) {
      const nx = new Float64Array(n);
      const ny = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sx = 0;
        let sy = 0;
        for (let j = 0; j < n; j++) {
          if (i === j) {
            continue;
          }
          const dx = xs[i]! - xs[j]!;
          const dy = ys[i]! - ys[j]!;
          const dist = Math.sqrt(dx * dx + dy * dy) || 1e-9;
          const ratio = d[i * n + j]! / dist;
          sx += xs[j]! + ratio * dx;
          sy += ys[j]! + ratio * dy;
        }
        nx[i] = sx / n;
        ny[i] = sy / n;
      }
      xs.set(nx);
      ys.set(ny);
    }
  }
  component.forEach((id, i) => out.set(id, { x: xs[i]!, y: ys[i]! }));
  return scaleToUnitEdges(graph, out);
}

/** Scale so that the median coupler is one unit long, like the lattice drawings. */
function scaleToUnitEdges(graph: Graph, positions: Map<string, Point>): Map<string, Point> {
  const lengths: number[] = [];
  for (const [id, p] of positions) {
    for (const n of graph.adjacent(id)) {
      const q = positions.get(n);
      if (q) {
        lengths.push(Math.hypot(p.x - q.x, p.y - q.y));
      }
    }
  }
  lengths.sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1] ?? 1;
  const scale = median > 0 ? 1 / median : 1;
  for (const p of positions.values()) {
    p.x *= scale;
    p.y *= scale;
  }
  return positions;
}
