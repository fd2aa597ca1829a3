import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { BenchRow } from '../../../scripts/bench/types';

const SIZES = [1_000, 10_000, 100_000];
/** Runs per size; each run parses and derives the whole trace once. */
const RUNS: Readonly<Record<number, number>> = { 1_000: 41, 10_000: 21, 100_000: 7 };
/** The first runs warm the JIT up and are not counted. */
const WARMUP = 3;
const TARGET_10K_MS = 150;

interface ChildResult {
  spans: number;
  bytes: number;
  check: number;
  times: { parse: number[]; read: number[]; derive: number[]; total: number[]; cpu: number[] };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const GC_LINE =
  /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Mark-Compact \(reduce\))[^\d]* ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*?(testing)?;/;

/**
 * Peak heap of each run from V8's GC trace: a forced GC ("testing") separates the runs; within a run, the heap
 * used just before each GC is sampled (the closing forced GC samples it with the result still alive). The peak
 * of a run is its highest sample minus the heap left after the GC that opened it.
 */
function peakHeapPerRun(trace: string): number[] {
  const peaks: number[] = [];
  let baseline: number | undefined;
  let peak = 0;
  for (const line of trace.split('\n')) {
    const m = GC_LINE.exec(line);
    if (!m) {
      continue;
    }
    const before = Number(m[2]);
    const after = Number(m[3]);
    const forced = m[4] === 'testing';
    if (baseline !== undefined) {
      peak = Math.max(peak, before);
    }
    if (forced) {
      if (baseline !== undefined) {
        peaks.push(peak - baseline);
      }
      baseline = after;
      peak = 0;
    }
  }
  return peaks;
}

function child(spans: number, mode: 'time' | 'heap'): { result: ChildResult; stdout: string } {
  const flags = mode === 'heap' ? ['--expose-gc', '--trace-gc'] : [];
  const stdout = execFileSync(
    process.execPath,
    [...flags, '--import', 'tsx', resolve(__dirname, 'parseDeriveChild.ts'), String(spans), String(RUNS[spans]), mode],
    { encoding: 'utf8', maxBuffer: 64 << 20 }
  );
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    throw new Error(`no result from the ${spans}-span ${mode} child`);
  }
  const result = JSON.parse(line.slice('RESULT '.length)) as ChildResult;
  if (result.check < spans) {
    throw new Error(`the ${spans}-span child derived ${result.check} spans`);
  }
  return { result, stdout };
}

function runSize(spans: number): { result: ChildResult; peakMb: number } {
  const { result } = child(spans, 'time');
  const { stdout } = child(spans, 'heap');
  const peaks = peakHeapPerRun(stdout).slice(WARMUP);
  return { result, peakMb: Math.max(...peaks) };
}

/** Parse (JSON.parse + read) and derive of synthetic traces of 1k, 10k and 100k spans, each size in its own process. */
export default async function tracesBench(): Promise<BenchRow[]> {
  const load = loadavg()[0]!;
  const area = 'trace model';
  const rows: BenchRow[] = [];
  const totals = new Map<number, number>();
  for (const spans of SIZES) {
    const { result, peakMb } = runSize(spans);
    const counted = (xs: number[]) => xs.slice(WARMUP);
    const total = median(counted(result.times.total));
    totals.set(spans, total);
    const runs = RUNS[spans]! - WARMUP;
    const label = `${spans / 1000}k spans`;
    rows.push({
      area,
      metric: `parse + derive, ${label} (JSON.parse + read + derive)`,
      value: Number(total.toFixed(1)),
      unit: 'ms',
      ...(spans === 10_000 ? { target: `< ${TARGET_10K_MS}`, ok: total < TARGET_10K_MS } : {}),
      note: `median of ${runs}; JSON.parse ${median(counted(result.times.parse)).toFixed(1)}, read ${median(counted(result.times.read)).toFixed(1)}, derive ${median(counted(result.times.derive)).toFixed(1)} ms; ${(result.bytes / 1e6).toFixed(1)} MB of OTLP JSON; load average ${load.toFixed(1)}`,
    });
    rows.push({
      area,
      metric: `parse + derive, ${label}, CPU time`,
      value: Number(median(counted(result.times.cpu)).toFixed(1)),
      unit: 'ms',
      note: 'user + system time of the process (GC threads included) over the same runs: less sensitive to other load than wall time',
    });
    rows.push({
      area,
      metric: `peak heap, ${label}`,
      value: Number(peakMb.toFixed(1)),
      unit: 'MB',
      note: 'above the heap before the run (which holds the JSON text); from the V8 GC trace of a separate process (forced GC between runs), max over runs',
    });
  }
  const ratio = totals.get(100_000)! / totals.get(10_000)!;
  rows.push({
    area,
    metric: 'growth: 100k / 10k time ratio',
    value: Number(ratio.toFixed(2)),
    unit: 'x',
    target: '≈ 10 (linear)',
    ok: ratio < 15,
    note: 'same process setup for both sizes, medians; 10 = linear, n log n sorting adds a little',
  });
  return rows;
}
