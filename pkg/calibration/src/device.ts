import type { CalibrationLayout, CalibrationMethod } from '@hybridlens/conventions';
import { compareIds, Graph } from './layout/graph';
import { computeLayout, type Point } from './layout/layout';
import type { BackendCalibration, GateCalibration, QubitId } from './model';

/** One coupling-map edge with the native 2q gate entry that speaks for it (if any). */
export interface Coupler {
  /** In the native gate's own order when the device has that gate on the pair, else the coupling map's. */
  qubits: [QubitId, QubitId];
  /** The native 2q gate's name ("" when the device has none on this pair). */
  gate: string;
  /** The gate entry chosen: the better calibrated direction when both are listed. */
  entry: GateCalibration | null;
}

/** What the qubit map needs of a backend, derived once from the normalized model. */
export interface DeviceView {
  layout: CalibrationLayout;
  /** Every qubit of the device (calibrated or not) with its position, in id order. */
  qubits: Array<{ id: QubitId; position: Point }>;
  couplers: Coupler[];
  native1qGate: string | null;
  native2qGate: string | null;
  /** The native 1q gate entry of each qubit, by label text. */
  oneQubit: Map<string, GateCalibration>;
}

function mostCommon(names: string[]): string | null {
  const counts = new Map<string, number>();
  for (const n of names) {
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && name < best)) {
      best = name;
    }
  }
  return best;
}

const views = new WeakMap<BackendCalibration, DeviceView>();

/** The qubit map of a backend: its qubits, coupling map, layout and native gates (cached per model object). */
export function deviceView(b: BackendCalibration): DeviceView {
  const cached = views.get(b);
  if (cached) {
    return cached;
  }
  const graph = new Graph();
  const ids = new Map<string, QubitId>();
  const node = (q: QubitId) => {
    const key = String(q);
    if (!ids.has(key)) {
      ids.set(key, q);
    }
    graph.addNode(key);
    return key;
  };
  b.qubits.forEach((q) => node(q.qubit));
  b.connectivity?.qubits.forEach(node);
  const fullyConnected = b.connectivity?.fullyConnected === true;
  if (!fullyConnected) {
    b.connectivity?.edges.forEach(([a, c]) => graph.addEdge(node(a), node(c)));
  }
  for (const g of b.gates) {
    g.qubits.forEach(node);
    if (g.kind === '2q' && g.qubits.length === 2 && !fullyConnected) {
      graph.addEdge(node(g.qubits[0]!), node(g.qubits[1]!));
    }
  }
  const native1qGate = mostCommon(b.gates.filter((g) => g.native && g.kind === '1q').map((g) => g.gate));
  const native2qGate = mostCommon(b.gates.filter((g) => g.native && g.kind === '2q').map((g) => g.gate));

  const byPair = new Map<string, GateCalibration[]>();
  for (const g of b.gates) {
    if (g.native && g.kind === '2q' && g.qubits.length === 2) {
      const key = [String(g.qubits[0]), String(g.qubits[1])].sort(compareIds).join('|');
      byPair.set(key, [...(byPair.get(key) ?? []), g]);
    }
  }
  const couplers: Coupler[] = fullyConnected
    ? []
    : graph.edges().map(([a, c]) => {
        const entries = byPair.get(`${a}|${c}`) ?? [];
        // Both directions listed (IBM cx devices): the better calibrated one speaks for the coupler.
        const entry = [...entries].sort((x, y) => (x.error ?? Infinity) - (y.error ?? Infinity))[0] ?? null;
        return {
          qubits: entry ? [entry.qubits[0]!, entry.qubits[1]!] : [ids.get(a)!, ids.get(c)!],
          gate: entry?.gate ?? native2qGate ?? '',
          entry,
        };
      });

  const oneQubit = new Map<string, GateCalibration>();
  for (const g of b.gates) {
    if (g.native && g.kind === '1q' && g.qubits.length === 1 && !oneQubit.has(String(g.qubits[0]))) {
      oneQubit.set(String(g.qubits[0]), g);
    }
  }

  const layout = computeLayout(graph, { fullyConnected });
  const qubits = [...ids.keys()]
    .sort(compareIds)
    .map((key) => ({ id: ids.get(key)!, position: layout.positions.get(key)! }));
  const view: DeviceView = { layout: layout.kind, qubits, couplers, native1qGate, native2qGate, oneQubit };
  views.set(b, view);
  return view;
}

/** How many values of a quantity each method measured (for `hybrid_calibration_method_values`). */
export function methodCounts(gates: readonly GateCalibration[]): Map<CalibrationMethod, number> {
  const counts = new Map<CalibrationMethod, number>();
  for (const g of gates) {
    if (g.method && g.error !== null) {
      counts.set(g.method, (counts.get(g.method) ?? 0) + 1);
    }
  }
  return counts;
}
