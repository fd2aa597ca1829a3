import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../../../scripts/bench/types';

const DAYS = 30;
const TARGET_SECONDS = 120;
/** Each run takes about a minute; three give a median without making `npm run bench` crawl. */
const RUNS = Number(process.env.HL_SIM_BENCH_RUNS ?? 3);
const END = Date.parse('2026-11-26T00:00:00Z');

interface RunFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  series: number;
  samples: number;
  metricsBytes: number;
  requests: number;
  traces: number;
  stepSeconds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 30 days of history for the default topology and schedule, each run in a fresh Node process. */
/** Heap cap of the first 30-day run: finishing under it shows memory does not grow with the days. */
const HEAP_CAP_MB = 128;

function runOnce(days: number, heapCapMb?: number): RunFigures {
  const out = mkdtempSync(join(tmpdir(), 'hl-sim-bench-'));
  const cap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  try {
    const stdout = execFileSync(
      process.execPath,
      [...cap, '--import', 'tsx', resolve(__dirname, 'backfillChild.ts'), String(days), out, String(END)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as RunFigures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export default async function backfillBench(): Promise<BenchRow[]> {
  // A short run beside the long ones: if memory were not flat, peak RSS would grow with the days.
  const load = loadavg()[0]!;
  const short = runOnce(3);
  const runs: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(runOnce(DAYS, i === 0 ? HEAP_CAP_MB : undefined));
  }
  const seconds = median(runs.map((r) => r.seconds));
  const first = runs[0]!;
  const area = 'simulator backfill';
  const note = `${RUNS} runs, median; step ${first.stepSeconds} s, default topology and schedule; load average ${load.toFixed(1)} at start`;
  return [
    {
      area,
      metric: `${DAYS} days of history (wall)`,
      value: Number(seconds.toFixed(1)),
      unit: 's',
      target: `< ${TARGET_SECONDS}`,
      ok: seconds < TARGET_SECONDS,
      note,
    },
    {
      area,
      metric: `${DAYS} days of history (CPU)`,
      value: Number(median(runs.map((r) => r.cpuSeconds)).toFixed(1)),
      unit: 's',
      note: 'user + system of the process',
    },
    {
      area,
      metric: `peak RSS, ${DAYS} days`,
      value: Math.round(Math.max(...runs.map((r) => r.peakRssBytes)) / 1e6),
      unit: 'MB',
      note: 'max over runs',
    },
    {
      area,
      metric: `peak RSS, ${DAYS} days, heap capped at ${HEAP_CAP_MB} MB`,
      value: Math.round(first.peakRssBytes / 1e6),
      unit: 'MB',
      note: 'the run completes under the cap: memory does not grow with the days',
    },
    {
      area,
      metric: 'peak RSS, 3 days',
      value: Math.round(short.peakRssBytes / 1e6),
      unit: 'MB',
      note: 'same process setup; close to the 30-day figure = flat memory',
    },
    { area, metric: 'series', value: first.series, unit: 'series' },
    { area, metric: 'samples', value: first.samples, unit: 'samples' },
    {
      area,
      metric: 'OpenMetrics size',
      value: Math.round(first.metricsBytes / 1e6),
      unit: 'MB',
      note: `${DAYS * 12 + 1} files, one per 2-hour TSDB block`,
    },
    { area, metric: 'requests simulated', value: first.requests, unit: 'requests' },
    { area, metric: 'traces kept', value: first.traces, unit: 'traces' },
  ];
}
