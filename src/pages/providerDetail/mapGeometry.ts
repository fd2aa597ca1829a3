import type { QubitView } from './snapshot';

export interface PlacedQubit {
  id: string;
  cx: number;
  cy: number;
}

export interface MapGeometry {
  placed: PlacedQubit[];
  width: number;
  height: number;
  radius: number;
}

const PAD = 1;

/**
 * Where each qubit is drawn: the exporter's coordinates scaled so the closest two qubits are one unit apart, or,
 * for devices drawn as a list (all-to-all, no coupling map), rows of ids in order.
 */
export function mapGeometry(qubits: readonly QubitView[], asList: boolean): MapGeometry {
  if (qubits.length === 0) {
    return { placed: [], width: 0, height: 0, radius: 0 };
  }
  if (asList) {
    const columns = Math.max(1, Math.ceil(Math.sqrt(qubits.length * 2)));
    const placed = qubits.map((q, i) => ({ id: q.id, cx: PAD + (i % columns), cy: PAD + Math.floor(i / columns) }));
    return {
      placed,
      width: columns - 1 + 2 * PAD,
      height: Math.ceil(qubits.length / columns) - 1 + 2 * PAD,
      radius: 0.3,
    };
  }
  const xs = qubits.map((q) => q.x);
  const ys = qubits.map((q) => q.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  // Closest pair over a sample of the qubits: enough to find the lattice step without O(n²) on big devices.
  let step = Infinity;
  const sample = qubits.slice(0, 64);
  for (const a of sample) {
    for (const b of qubits) {
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (a !== b && d > 0 && d < step) {
        step = d;
      }
    }
  }
  const unit = Number.isFinite(step) ? step : 1;
  const placed = qubits.map((q) => ({ id: q.id, cx: PAD + (q.x - minX) / unit, cy: PAD + (q.y - minY) / unit }));
  return {
    placed,
    width: (Math.max(...xs) - minX) / unit + 2 * PAD,
    height: (Math.max(...ys) - minY) / unit + 2 * PAD,
    radius: 0.3,
  };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The qubit the arrow key moves to: the nearest one whose direction from `from` is within 45° of the arrow,
 * distance along the arrow weighted less than distance across it.
 */
export function neighbourInDirection(
  placed: readonly PlacedQubit[],
  from: string,
  direction: Direction
): string | undefined {
  const origin = placed.find((p) => p.id === from);
  if (!origin) {
    return placed[0]?.id;
  }
  const [ux, uy] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction] as [number, number];
  let best: { id: string; score: number } | undefined;
  for (const p of placed) {
    const dx = p.cx - origin.cx;
    const dy = p.cy - origin.cy;
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (p.id === from || along <= 0 || across > along) {
      continue;
    }
    const score = along + 2 * across;
    if (!best || score < best.score) {
      best = { id: p.id, score };
    }
  }
  return best?.id;
}
