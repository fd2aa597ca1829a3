import { loadavg } from 'node:os';
import { QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import { benchDevices } from './browser/qubitDevices';
import { openRenderPage } from './browser/renderPage';
import type { QubitMapDevice, QubitMapRequest, QubitMapRun } from './browser/protocol';
import type { BenchRow } from './types';

/**
 * The backend page's qubit map (src/components/qubitMap/QubitMap.tsx) in Chromium for 27, 156 and 400 qubits:
 * time to first render and to recolour when the metric changes. The devices are interleaved run by run.
 */

const AREA = 'qubit map (Chromium)';
/** Fresh mounts per device; the first mount of each warms the page up and is not counted. */
const RUNS = 7;
const WARMUP = 1;
const METRICS = Object.values(QUBIT_MAP_METRIC);

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function rowsOf(device: QubitMapDevice, runs: QubitMapRun[]): BenchRow[] {
  const size = `${device.qubits.length} qubits (${device.name}, ${device.layout})`;
  const first = runs[0]!;
  if (first.qubitsInDom !== device.qubits.length) {
    throw new Error(`${device.name}: the map drew ${first.qubitsInDom} of ${device.qubits.length} qubits`);
  }
  const recolours = runs.map((r) => median(r.recolour.map((c) => c.render)));
  const recolourFrames = runs.map((r) => median(r.recolour.map((c) => c.frame)));
  return [
    {
      area: AREA,
      metric: `first render, ${size} (React commit + style + layout)`,
      value: round(median(runs.map((r) => r.mount.render))),
      unit: 'ms',
      note: `to painted frame ${round(median(runs.map((r) => r.mount.frame)))} ms; ${first.qubitsInDom} qubits, ${first.couplersInDom} couplers drawn; median of ${runs.length} mounts`,
    },
    {
      area: AREA,
      metric: `recolour on a metric change, ${size} (commit + style + layout)`,
      value: round(median(recolours)),
      unit: 'ms',
      note: `to painted frame ${round(median(recolourFrames))} ms; median of ${runs.length} mounts × ${METRICS.length} changes (${METRICS.join(' → ')} → ${METRICS[0]})`,
    },
  ];
}

export default async function qubitMapBench(): Promise<BenchRow[]> {
  const { devices, skipped } = benchDevices();
  const load = loadavg()[0]!.toFixed(1);
  const page = await openRenderPage();
  const runs = new Map<QubitMapDevice, QubitMapRun[]>(devices.map((d) => [d, []]));
  try {
    for (let r = 0; r < WARMUP + RUNS; r++) {
      for (const device of devices) {
        const run = await page.call<QubitMapRequest, QubitMapRun>('qubitMap', { device, metrics: METRICS });
        if (r >= WARMUP) {
          runs.get(device)!.push(run);
        }
      }
    }
  } finally {
    await page.close();
  }
  const rows = devices.flatMap((d) => rowsOf(d, runs.get(d)!));
  const largest = devices[devices.length - 1]!;
  const smallest = devices[0]!;
  const ratio = (metric: string, pick: (r: QubitMapRun) => number): BenchRow => {
    const a = median(runs.get(smallest)!.map(pick));
    const b = median(runs.get(largest)!.map(pick));
    return {
      area: AREA,
      metric: `${metric}, ${largest.qubits.length} / ${smallest.qubits.length} qubits`,
      value: Math.round((b / a) * 100) / 100,
      unit: '×',
      note: `${round(b)} ms / ${round(a)} ms, measured side by side; load average ${load}`,
    };
  };
  return [
    ...rows,
    ratio('first render', (r) => r.mount.render),
    ratio('recolour', (r) => median(r.recolour.map((c) => c.render))),
    ...skipped.map((s) => ({ area: AREA, metric: `SKIPPED: ${s}`, value: NaN, unit: '' })),
  ];
}
