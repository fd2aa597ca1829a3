import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sharedFixturesDir } from '@hybridlens/testkit';
import type { BenchRow } from '../../../scripts/bench/types';
import { normalizeTexts, renderExposition, startExporter } from '../src';
import { silentLogger } from '../src/log';

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
    const text = renderExposition(backends);
    const series = text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    const b = backends[0]!;
    rows.push({
      area: 'calibration',
      metric: `/metrics bytes ${b.provider}/${b.backend}`,
      value: Buffer.byteLength(text),
      unit: 'bytes',
      note: `${b.summary.qubitCount} qubits`,
    });
    rows.push({
      area: 'calibration',
      metric: `/metrics series ${b.provider}/${b.backend}`,
      value: series,
      unit: 'series',
    });
  }
  // What the exporter serves for the whole fixture folder (newest snapshot per device), over HTTP.
  const exporter = await startExporter({ dir, port: 0, log: silentLogger });
  try {
    const times: number[] = [];
    let body = '';
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      body = await (await fetch(`${exporter.url}/metrics`)).text();
      times.push(performance.now() - t0);
    }
    const backends = exporter.state.backends().length;
    rows.push({
      area: 'calibration',
      metric: `GET /metrics, fixture folder (median of ${RUNS})`,
      value: Number(medianOf(times).toFixed(2)),
      unit: 'ms',
      note: `${backends} backends`,
    });
    rows.push({
      area: 'calibration',
      metric: '/metrics bytes, fixture folder',
      value: Buffer.byteLength(body),
      unit: 'bytes',
    });
    rows.push({
      area: 'calibration',
      metric: '/metrics series, fixture folder',
      value: body.split('\n').filter((l) => l && !l.startsWith('#')).length,
      unit: 'series',
    });
  } finally {
    await exporter.close();
  }
  return rows;
}
