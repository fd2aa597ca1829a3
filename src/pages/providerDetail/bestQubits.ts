import { QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import type { BackendSnapshot, CouplerView, QubitView } from './snapshot';

/**
 * "Best qubits now": the connected chain of N qubits (and the single pairs) with the highest estimated success
 * probability under the snapshot's own numbers, as the product of (1 - error) over the chain's qubits (readout and
 * 1q gate) and over the couplers between consecutive qubits (native 2q gate). Costs are -log(1 - error), so the
 * best chain is the one with the smallest summed cost.
 *
 * Only what was measured counts: a qubit without a readout or a 1q error, or a coupler without a 2q error
 * (missing, or reported with the uncalibrated sentinel), is left out rather than guessed.
 *
 * The search is a beam search over simple paths grown at both ends, keeping the BEAM_WIDTH cheapest partial chains
 * of each length: exact whenever the beam holds every partial chain (small devices, short chains), and a good
 * chain rather than a proven optimum beyond that (finding the optimum is NP-hard in general). The tests compare it
 * with exhaustive search on small random devices.
 */
export const BEAM_WIDTH = 400;

export interface ChainCandidate {
  /** Qubit ids in chain order. */
  qubits: string[];
  /** Estimated success probability of touching each qubit and each coupler once. */
  fidelity: number;
  /** Worst single error on the chain (qubit readout/1q or coupler 2q). */
  worstError: number;
}

interface Graph {
  qubitCost: Map<string, number>;
  /** Neighbours with the cost of the coupler to them. */
  neighbours: Map<string, Map<string, number>>;
  qubitWorst: Map<string, number>;
  edgeError: Map<string, number>;
}

const cost = (error: number) => -Math.log(Math.max(1e-12, 1 - error));

const edgeKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function usableQubit(q: QubitView): { cost: number; worst: number } | undefined {
  const readout = q.values[QUBIT_MAP_METRIC.readoutError];
  const gate = q.values[QUBIT_MAP_METRIC.oneQubitError];
  if (readout === undefined || gate === undefined || readout >= 1 || gate >= 1) {
    return undefined;
  }
  return { cost: cost(readout) + cost(gate), worst: Math.max(readout, gate) };
}

function usableCoupler(c: CouplerView): number | undefined {
  return c.uncalibrated || c.error === undefined || c.error >= 1 ? undefined : c.error;
}

function graphOf(snapshot: Pick<BackendSnapshot, 'qubits' | 'couplers'>): Graph {
  const graph: Graph = { qubitCost: new Map(), neighbours: new Map(), qubitWorst: new Map(), edgeError: new Map() };
  for (const q of snapshot.qubits) {
    const usable = usableQubit(q);
    if (usable) {
      graph.qubitCost.set(q.id, usable.cost);
      graph.qubitWorst.set(q.id, usable.worst);
      graph.neighbours.set(q.id, new Map());
    }
  }
  for (const c of snapshot.couplers) {
    const error = usableCoupler(c);
    const [a, b] = c.qubits;
    if (error === undefined || a === b || !graph.qubitCost.has(a) || !graph.qubitCost.has(b)) {
      continue;
    }
    const known = graph.edgeError.get(edgeKey(a, b));
    if (known !== undefined && known <= error) {
      continue;
    }
    graph.edgeError.set(edgeKey(a, b), error);
    graph.neighbours.get(a)!.set(b, cost(error));
    graph.neighbours.get(b)!.set(a, cost(error));
  }
  return graph;
}

interface GrowingChain {
  path: string[];
  cost: number;
  /** chainKey(path): ties between equal costs are broken on it, so the answer does not depend on map order. */
  key: string;
}

const byCostThenKey = (a: GrowingChain, b: GrowingChain) =>
  a.cost - b.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function candidate(graph: Graph, path: string[], total: number): ChainCandidate {
  let worst = 0;
  path.forEach((q, i) => {
    worst = Math.max(worst, graph.qubitWorst.get(q)!);
    if (i > 0) {
      worst = Math.max(worst, graph.edgeError.get(edgeKey(path[i - 1]!, q))!);
    }
  });
  return { qubits: path, fidelity: Math.exp(-total), worstError: worst };
}

/** Canonical form of a chain (a path read either way is the same chain). */
const chainKey = (path: string[]) => {
  const forward = path.join('\u0000');
  const backward = [...path].reverse().join('\u0000');
  return forward < backward ? forward : backward;
};

/** The best connected chain of `length` qubits; undefined when the device has no such chain of measured parts. */
export function bestChain(
  snapshot: Pick<BackendSnapshot, 'qubits' | 'couplers'>,
  length: number,
  beamWidth = BEAM_WIDTH
): ChainCandidate | undefined {
  if (!Number.isInteger(length) || length < 1) {
    return undefined;
  }
  const graph = graphOf(snapshot);
  if (length > graph.qubitCost.size) {
    return undefined;
  }
  let beam: GrowingChain[] = [...graph.qubitCost.entries()].map(([q, c]) => ({ path: [q], cost: c, key: q }));
  for (let size = 1; size < length && beam.length > 0; size++) {
    const grown = new Map<string, GrowingChain>();
    for (const p of beam) {
      const ends = p.path.length === 1 ? [p.path[0]!] : [p.path[0]!, p.path.at(-1)!];
      ends.forEach((end, side) => {
        for (const [next, edgeCost] of graph.neighbours.get(end)!) {
          if (p.path.includes(next)) {
            continue;
          }
          const path = side === 0 && p.path.length > 1 ? [next, ...p.path] : [...p.path, next];
          const total = p.cost + edgeCost + graph.qubitCost.get(next)!;
          const key = chainKey(path);
          const known = grown.get(key);
          if (!known || known.cost > total) {
            grown.set(key, { path, cost: total, key });
          }
        }
      });
    }
    beam = [...grown.values()].sort(byCostThenKey).slice(0, beamWidth);
  }
  const best = beam[0];
  return best && best.path.length === length ? candidate(graph, best.path, best.cost) : undefined;
}

/** The `count` best coupled pairs (two qubits and their coupler), best first. */
export function bestPairs(snapshot: Pick<BackendSnapshot, 'qubits' | 'couplers'>, count: number): ChainCandidate[] {
  const graph = graphOf(snapshot);
  const pairs: GrowingChain[] = [];
  for (const [a, neighbours] of graph.neighbours) {
    for (const [b, edgeCost] of neighbours) {
      if (a < b) {
        const path = [a, b];
        pairs.push({ path, cost: graph.qubitCost.get(a)! + graph.qubitCost.get(b)! + edgeCost, key: chainKey(path) });
      }
    }
  }
  return pairs
    .sort(byCostThenKey)
    .slice(0, Math.max(0, count))
    .map((p) => candidate(graph, p.path, p.cost));
}

export interface UsedQubitsVerdict {
  /** The job's qubits found in the snapshot. */
  known: string[];
  /** The job's qubit ids the snapshot does not have. */
  unknown: string[];
  /** The job's qubits without a readout or 1q error, or without a measured coupler to any other of them. */
  unmeasured: string[];
  /**
   * The job's qubits read as a chain in the order given, when every consecutive pair is coupled and measured:
   * its estimated success probability, comparable with the best chain of the same length.
   */
  used?: ChainCandidate;
  best?: ChainCandidate;
}

/**
 * What a job's qubits were worth against the best chain of the same length. Jobs report the physical qubits
 * they used, not the circuit's couplings, so the job's qubits are read as a chain in the order reported; when
 * consecutive qubits are not coupled, only the qubit values are compared and `used` stays undefined.
 */
export function compareUsedQubits(
  snapshot: Pick<BackendSnapshot, 'qubits' | 'couplers'>,
  jobQubits: readonly string[]
): UsedQubitsVerdict {
  const graph = graphOf(snapshot);
  const ids = new Set(snapshot.qubits.map((q) => q.id));
  const unique = [...new Set(jobQubits)];
  const known = unique.filter((q) => ids.has(q));
  const unknown = unique.filter((q) => !ids.has(q));
  const unmeasured = known.filter((q) => !graph.qubitCost.has(q));
  const best = known.length > 0 ? bestChain(snapshot, known.length) : undefined;
  if (unknown.length > 0 || unmeasured.length > 0 || known.length === 0) {
    return { known, unknown, unmeasured, best };
  }
  let total = 0;
  for (const [i, q] of known.entries()) {
    total += graph.qubitCost.get(q)!;
    if (i > 0) {
      const edge = graph.neighbours.get(known[i - 1]!)!.get(q);
      if (edge === undefined) {
        return { known, unknown, unmeasured, best };
      }
      total += edge;
    }
  }
  return { known, unknown, unmeasured, used: candidate(graph, known, total), best };
}
