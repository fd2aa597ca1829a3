import '../../testing/jsdomPolyfills';
import { CALIBRATION_QUANTITY, QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import { colourScale, goodnessColour } from './colourScale';
import { formatQuantity, measuredTimeText } from './calibrationFormat';
import { DEFAULT_DRIFT_FACTOR, flagsOf, isDrifted, parseDriftFactor } from './flags';
import { mapGeometry, neighbourInDirection } from './mapGeometry';
import { couplerTableCsv, qubitTableCsv } from './qubitCsv';
import type { BackendSnapshot, QubitView } from './snapshot';
import { parseChainLength, parseQubitMetric, DEFAULT_CHAIN_LENGTH } from './BackendCalibration';

function qubit(
  id: string,
  x: number,
  y: number,
  values: QubitView['values'] = {},
  drift: QubitView['drift'] = {}
): QubitView {
  return { id, x, y, values, measuredAt: {}, stderr: {}, drift };
}

function snapshot(qubits: QubitView[], couplers: BackendSnapshot['couplers'] = []): BackendSnapshot {
  return { qubits, couplers, device: {}, medians: {}, medianDrift: {}, methods: [], dropped: [] };
}

describe('colour scale', () => {
  it('runs good to bad the right way for times and errors, and gives missing values no colour', () => {
    const t1 = colourScale(CALIBRATION_QUANTITY.t1, [100e-6, 200e-6, 300e-6, undefined]);
    expect(t1.goodness(300e-6)).toBeGreaterThan(t1.goodness(100e-6)!);
    expect(t1.goodness(undefined)).toBeUndefined();
    expect(t1.median).toBeCloseTo(200e-6, 12);
    const readout = colourScale(CALIBRATION_QUANTITY.readoutError, [0.01, 0.02, 0.5]);
    expect(readout.goodness(0.01)).toBeGreaterThan(readout.goodness(0.5)!);
    // A missing value is not 0: 0 error would be the best colour, missing has none.
    expect(readout.goodness(0)).toBe(1);
    expect(readout.goodness(undefined)).toBeUndefined();
    expect(goodnessColour(1)).not.toEqual(goodnessColour(0));
  });
});

describe('flags', () => {
  it('calls out drift past the factor either way, missing values, and uncalibrated or broken couplers', () => {
    expect(isDrifted(0.3, 2)).toBe(true);
    expect(isDrifted(2.5, 2)).toBe(true);
    expect(isDrifted(1.5, 2)).toBe(false);
    expect(isDrifted(undefined, 2)).toBe(false);
    const flags = flagsOf(
      snapshot(
        [
          qubit('0', 0, 0, { t1: 1e-4, t2: 1e-4, readout_error: 0.01, '1q_error': 0.001 }, { t1: 0.2 }),
          qubit('1', 1, 0, { t1: 1e-4, t2: 1e-4, readout_error: 0.01, '1q_error': 0.001 }),
          qubit('2', 2, 0, { t1: 1e-4 }),
        ],
        [
          { qubits: ['0', '1'], label: '0-1', gate: 'cz', error: 0.01, uncalibrated: false },
          { qubits: ['1', '2'], label: '1-2', gate: 'cz', uncalibrated: true },
          { qubits: ['0', '2'], label: '0-2', gate: 'cz', error: 1, uncalibrated: false },
        ]
      ),
      2
    );
    expect(flags.qubits.map((f) => f.id)).toEqual(['0', '2']);
    expect(flags.qubits[0]!.drifted).toEqual([{ metric: QUBIT_MAP_METRIC.t1, ratio: 0.2 }]);
    expect(flags.qubits[1]!.missing).toEqual([
      QUBIT_MAP_METRIC.t2,
      QUBIT_MAP_METRIC.readoutError,
      QUBIT_MAP_METRIC.oneQubitError,
    ]);
    expect(flags.couplers.map((c) => [c.label, c.uncalibrated, c.broken])).toEqual([
      ['1-2', true, false],
      ['0-2', false, true],
    ]);
  });

  it('says once that no qubit has a quantity, instead of calling out every qubit for it', () => {
    const flags = flagsOf(
      snapshot([
        qubit('0', 0, 0, { t1: 1e-4, readout_error: 0.01, '1q_error': 0.001 }),
        qubit('1', 1, 0, { t1: 1e-4, readout_error: 0.01 }),
      ]),
      2
    );
    expect(flags.missingEverywhere).toEqual([QUBIT_MAP_METRIC.t2]);
    expect(flags.qubits).toEqual([
      { id: '1', missing: [QUBIT_MAP_METRIC.oneQubitError], uncalibrated: [], drifted: [] },
    ]);
    expect(flagsOf(snapshot([]), 2).missingEverywhere).toEqual([]);
  });

  it('formats coherence times in the unit that reads: µs for transmons, ms or s for trapped ions', () => {
    expect(formatQuantity(CALIBRATION_QUANTITY.t1, 278e-6)).toBe('278 µs');
    expect(formatQuantity(CALIBRATION_QUANTITY.t1, 15.9e-6)).toBe('15.9 µs');
    expect(formatQuantity(CALIBRATION_QUANTITY.t2, 0.95)).toBe('950 ms');
    expect(formatQuantity(CALIBRATION_QUANTITY.t1, 188)).toBe('188 s');
    expect(formatQuantity(CALIBRATION_QUANTITY.t1, undefined)).toBe('—');
  });

  it('reads the URL parameters and falls back on bad input', () => {
    expect(parseDriftFactor('3')).toBe(3);
    expect(parseDriftFactor('0.5')).toBe(DEFAULT_DRIFT_FACTOR);
    expect(parseDriftFactor('<script>')).toBe(DEFAULT_DRIFT_FACTOR);
    expect(parseChainLength('7')).toBe(7);
    expect(parseChainLength('1')).toBe(DEFAULT_CHAIN_LENGTH);
    expect(parseChainLength('2.5')).toBe(DEFAULT_CHAIN_LENGTH);
    expect(parseQubitMetric(QUBIT_MAP_METRIC.readoutError)).toBe(QUBIT_MAP_METRIC.readoutError);
    expect(parseQubitMetric('2q_error')).toBe(QUBIT_MAP_METRIC.t1);
  });
});

describe('map geometry and keyboard moves', () => {
  it('scales coordinates to the lattice step and moves to the nearest qubit in the arrow direction', () => {
    const g = mapGeometry([qubit('a', 0, 0), qubit('b', 10, 0), qubit('c', 0, 10), qubit('d', 20, 3)], false);
    expect(g.placed.find((p) => p.id === 'b')!.cx - g.placed.find((p) => p.id === 'a')!.cx).toBeCloseTo(1, 12);
    expect(neighbourInDirection(g.placed, 'a', 'right')).toBe('b');
    expect(neighbourInDirection(g.placed, 'a', 'down')).toBe('c');
    expect(neighbourInDirection(g.placed, 'a', 'left')).toBeUndefined();
    expect(neighbourInDirection(g.placed, 'b', 'right')).toBe('d');
  });

  it('lays all-to-all devices out as rows in id order', () => {
    const g = mapGeometry(
      Array.from({ length: 8 }, (_, i) => qubit(String(i), 0, 0)),
      true
    );
    expect(new Set(g.placed.map((p) => `${p.cx},${p.cy}`)).size).toBe(8);
    expect(g.placed[1]!.cx).toBeGreaterThan(g.placed[0]!.cx);
  });
});

describe('CSV export', () => {
  it('writes SI values with their own times, empty cells for missing values, and defuses formulas', () => {
    const q = qubit('=1+1', 0, 0, { t1: 1.5e-4 });
    q.measuredAt.t1 = 1_700_000_000;
    const csv = qubitTableCsv(snapshot([q]));
    const [header, row] = csv.trim().split('\n');
    const columns = header!.split(',');
    const cells = row!.split(',');
    expect(cells[0]).toBe('"=1+1"');
    expect(cells[columns.indexOf('t1')]).toBe('0.00015');
    expect(cells[columns.indexOf('t1_measured_at')]).toBe('2023-11-14T22:13:20.000Z');
    expect(cells[columns.indexOf('t2')]).toBe('');
    const couplers = couplerTableCsv(
      snapshot([], [{ qubits: ['0', '1'], label: '0-1', gate: 'ecr', uncalibrated: true }])
    );
    expect(couplers.trim().split('\n')[1]).toBe('0-1,ecr,,true,,,');
  });
});

describe('measured time', () => {
  it("shows a value's own time, else the device's calibration time marked as the device's, else says none is given", () => {
    expect(measuredTimeText(1_700_000_000, 1_700_003_600)).toBe('2023-11-14T22:13:20.000Z');
    expect(measuredTimeText(undefined, 1_700_003_600)).toBe('2023-11-14T23:13:20.000Z (device calibration)');
    expect(measuredTimeText(undefined, undefined)).toBe('no time given');
    expect(measuredTimeText(Number.NaN, undefined)).toBe('no time given');
  });
});
