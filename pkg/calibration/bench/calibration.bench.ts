import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sharedFixturesDir } from '@hybridlens/testkit';
import type { BenchRow } from '../../../scripts/bench/types';
import { normalizeTexts, renderExposition } from '../src';

const RUNS = 41;
const TARGET_MS = 50;

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median wall time of parse + normalize (JSON.parse included) over RUNS runs after warm-up. */
function timeNormalize(file: string): number {
  const text = readFileSync(file, 'utf8');
  const source = basename(file);
  for (let i = 0; i < 5; i++) {
    normalizeTexts([{ source, text }]);
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { errors } = normalizeTexts([{ source, text }]);
    times.push(performance.now() - t0);
    if (errors.length > 0) {
      throw errors[0]!;
    }
  }
  return medianOf(times);
}

/** Parse+normalize time of the biggest snapshots and /metrics size and series per backend. */
export default async function calibrationBench(): Promise<BenchRow[]> {
  const fixtures = sharedFixturesDir();
  if (!fixtures) {
    throw new Error('needs ../shared/fixtures/calibration beside the checkout');
  }
  const dir = join(fixtures, 'calibration');
  const files = [
    'ibm/props_sherbrooke.json',
    'braket/rigetti_ankaa-3_2026-04-01.json',
    'google/rainbow_2021_11_16_calibration.json',
    'braket/iqm_garnet_2026-05-05.json',
    'braket/ionq_forte_enterprise_1_2026-05-03.json',
    'ibm/props_manila.json',
  ].map((f) => join(dir, f));
  const rows: BenchRow[] = [];
  for (const file of files.slice(0, 2)) {
    const { backends } = normalizeTexts([{ source: file, text: readFileSync(file, 'utf8') }]);
    const ms = medianOf([timeNormalize(file), timeNormalize(file), timeNormalize(file)]);
    rows.push({
      area: 'calibration',
      metric: `parse+normalize ${basename(file)} (median of ${RUNS} runs)`,
      value: Number(ms.toFixed(2)),
      unit: 'ms',
      target: `< ${TARGET_MS}`,
      ok: ms < TARGET_MS,
      note: `${backends[0]!.summary.qubitCount} qubits, ${backends[0]!.gates.length} gates, ${statSync(file).size} bytes`,
    });
  }
  for (const file of files) {
    const { backends } = normalizeTexts([{ source: file, text: readFileSync(file, 'utf8') }]);
    const text = renderExposition(backends, new Map());
    const series = text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    const b = backends[0]!;
    rows.push({ area: 'calibration', metric: `/metrics bytes ${b.provider}/${b.backend}`, value: Buffer.byteLength(text), unit: 'bytes', note: `${b.summary.qubitCount} qubits` });
    rows.push({ area: 'calibration', metric: `/metrics series ${b.provider}/${b.backend}`, value: series, unit: 'series' });
  }
  return rows;
}
