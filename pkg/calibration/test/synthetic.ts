/**
 * Synthetic coupling maps for layout tests: IBM-style heavy-hex lattices numbered the way IBM numbers them
 * (a row of qubits, then the bridges below it, then the next row), square lattices, and an irregular graph.
 * Written for the tests; no device is copied.
 */
export interface SyntheticDevice {
  qubits: number[];
  edges: Array<[number, number]>;
  /** Qubits of each horizontal row (heavy-hex and square lattices), for checking that rows stay straight. */
  rows: number[][];
}

/**
 * A heavy-hex lattice: `rows` rows of `width` columns, bridges every 4 columns between consecutive rows,
 * alternating between column offsets `offsets[0]` and `offsets[1]`. `trim` drops the last column of the first
 * row and the first column of the last row (IBM Eagle's 127-qubit shape).
 */
export function heavyHex(
  rows: number,
  width: number,
  offsets: [number, number],
  trim = false,
  stubs = 0
): SyntheticDevice {
  const edges: Array<[number, number]> = [];
  const rowQubits: number[][] = [];
  let next = 0;
  let previous: Map<number, number> | null = null;
  for (let r = 0; r < rows; r++) {
    const columns = [...Array(width).keys()].filter(
      (c) => !(trim && ((r === 0 && c === width - 1) || (r === rows - 1 && c === 0)))
    );
    if (previous) {
      // Bridges of the gap above this row are numbered before the row itself, as IBM does.
      const offset = offsets[(r - 1) % 2]!;
      const bridges: Array<[number, number]> = [];
      for (let c = offset; c < width; c += 4) {
        if (previous.has(c) && columns.includes(c)) {
          bridges.push([next++, c]);
        }
      }
      const row = new Map(columns.map((c) => [c, next++]));
      for (const [bridge, c] of bridges) {
        edges.push([previous.get(c)!, bridge], [bridge, row.get(c)!]);
      }
      previous = row;
    } else {
      previous = new Map(columns.map((c) => [c, next++]));
    }
    const ids = columns.map((c) => previous!.get(c)!);
    for (let i = 0; i + 1 < ids.length; i++) {
      edges.push([ids[i]!, ids[i + 1]!]);
    }
    rowQubits.push(ids);
  }
  // Single qubits hanging off the outer rows (half above the first, half below the last), between bridges.
  for (let k = 0; k < stubs; k++) {
    const row = k % 2 === 0 ? rowQubits[0]! : rowQubits[rowQubits.length - 1]!;
    edges.push([row[1 + 4 * Math.floor(k / 2)]!, next++]);
  }
  return { qubits: [...Array(next).keys()], edges, rows: rowQubits };
}

export function squareLattice(rows: number, cols: number): SyntheticDevice {
  const edges: Array<[number, number]> = [];
  const rowQubits: number[][] = [];
  for (let r = 0; r < rows; r++) {
    rowQubits.push([...Array(cols).keys()].map((c) => r * cols + c));
    for (let c = 0; c < cols; c++) {
      const id = r * cols + c;
      if (c + 1 < cols) {
        edges.push([id, id + 1]);
      }
      if (r + 1 < rows) {
        edges.push([id, id + cols]);
      }
    }
  }
  return { qubits: [...Array(rows * cols).keys()], edges, rows: rowQubits };
}

/** A connected irregular graph (a random tree plus chords, some qubits with 5+ couplers): no lattice drawing. */
export function irregular(n: number, seed = 7): SyntheticDevice {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const edges = new Map<string, [number, number]>();
  const add = (a: number, b: number) => {
    if (a !== b) {
      edges.set(a < b ? `${a}-${b}` : `${b}-${a}`, a < b ? [a, b] : [b, a]);
    }
  };
  for (let i = 1; i < n; i++) {
    add(i, Math.floor(random() * i));
  }
  for (let k = 0; k < n / 2; k++) {
    add(Math.floor(random() * n), Math.floor(random() * n));
  }
  for (let k = 1; k <= 6; k++) {
    add(0, k); // a hub with more couplers than any lattice has
  }
  return { qubits: [...Array(n).keys()], edges: [...edges.values()], rows: [] };
}

/** An IBM BackendProperties document for a device: T1/T2/readout per qubit, sx per qubit, ecr per edge. */
export function ibmProperties(name: string, device: SyntheticDevice, date = '2026-01-02T03:04:05Z'): unknown {
  const param = (n: string, unit: string, value: number) => ({ date, name: n, unit, value });
  return {
    backend_name: name,
    backend_version: '1.0.0',
    last_update_date: date,
    qubits: device.qubits.map((q) => [
      param('T1', 'us', 100 + q * 0.37),
      param('T2', 'us', 80 + q * 0.21),
      param('readout_error', '', 0.01 + q / 100_000),
    ]),
    gates: [
      ...device.qubits.map((q) => ({
        gate: 'sx',
        qubits: [q],
        parameters: [param('gate_error', '', 2e-4 + q * 1e-7)],
      })),
      ...device.edges.map(([a, b]) => ({ gate: 'ecr', qubits: [a, b], parameters: [param('gate_error', '', 0.007)] })),
    ],
  };
}
