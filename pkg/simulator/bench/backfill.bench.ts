import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../../../scripts/bench/types';

const DAYS = 30;
const TARGET_SECONDS = 120;
/** Each run takes one to two minutes; three give a median without making `npm run bench` crawl. */
const RUNS = Number(process.env.HL_SIM_BENCH_RUNS ?? 3);
const END = Date.parse('2026-11-26T00:00:00Z');
/** Heap cap of the first 30-day run: finishing under it shows memory does not grow with the days. */
const HEAP_CAP_MB = 128;
/**
 * A checkout of an earlier version (its repository root, with node_modules) to measure side by side, e.g.
 * made with `git worktree add` or `git archive <commit> | tar -x`: its own bench/backfillChild.ts runs.
 */
const BEFORE = process.env.HL_SIM_BENCH_BEFORE;

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

/** One backfill in a fresh Node process (so peak RSS and CPU belong to that backfill only). */
function runOnce(root: string, days: number, heapCapMb?: number): RunFigures {
  const out = join(mkdtempSync(join(tmpdir(), 'hl-sim-bench-')), 'history');
  const cap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  try {
    const stdout = execFileSync(
      process.execPath,
      [...cap, '--import', 'tsx', join(root, 'pkg/simulator/bench/backfillChild.ts'), String(days), out, String(END)],
      { encoding: 'utf8', maxBuffer: 1 << 20, cwd: root }
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as RunFigures;
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

function rows(label: string, runs: RunFigures[], short: RunFigures, withTarget: boolean): BenchRow[] {
  const area = `simulator backfill${label}`;
  const seconds = median(runs.map((r) => r.seconds));
  const first = runs[0]!;
  return [
    {
      area,
      metric: `${DAYS} days of history (wall)`,
      value: Number(seconds.toFixed(1)),
      unit: 's',
      ...(withTarget ? { target: `< ${TARGET_SECONDS}`, ok: seconds < TARGET_SECONDS } : {}),
      note: `${runs.length} runs, median; step ${first.stepSeconds} s, default topology and schedule`,
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
    { area, metric: 'OpenMetrics size', value: Math.round(first.metricsBytes / 1e6), unit: 'MB' },
    { area, metric: 'requests simulated', value: first.requests, unit: 'requests' },
    {
      area,
      metric: 'CPU per request (whole run)',
      value: Number(((median(runs.map((r) => r.cpuSeconds)) / first.requests) * 1e6).toFixed(0)),
      unit: 'µs',
      note: 'all CPU of the run, scrapes and start-up included, over the requests',
    },
    { area, metric: 'traces kept', value: first.traces, unit: 'traces' },
  ];
}

export default async function backfillBench(): Promise<BenchRow[]> {
  const here = resolve(__dirname, '../../..');
  const before = BEFORE && existsSync(join(BEFORE, 'pkg/simulator/bench/backfillChild.ts')) ? BEFORE : undefined;
  const load = loadavg()[0]!;
  // A short run beside the long ones: if memory were not flat, peak RSS would grow with the days.
  const shortNow = runOnce(here, 3);
  const shortBefore = before ? runOnce(before, 3) : undefined;
  const now: RunFigures[] = [];
  const then: RunFigures[] = [];
  // Before and after take turns, so the load other processes put on the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    if (before) {
      then.push(runOnce(before, DAYS, i === 0 ? HEAP_CAP_MB : undefined));
    }
    now.push(runOnce(here, DAYS, i === 0 ? HEAP_CAP_MB : undefined));
  }
  const result = rows(before ? ' (after)' : '', now, shortNow, true);
  if (before) {
    result.push(...rows(` (before: ${before})`, then, shortBefore!, false));
  }
  result.push({
    area: 'simulator backfill',
    metric: 'load average at start',
    value: Number(load.toFixed(1)),
    unit: '',
    note: '2-core machine shared with other test runs',
  });
  return result;
}
