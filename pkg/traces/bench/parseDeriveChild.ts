// Run by traces.bench.ts in a fresh Node process per trace size and mode, so one size's heap never carries
// another's and the heap measurement (forced GCs, GC trace) never slows the timed runs.
//   time: repeated JSON.parse + read + derive, wall and CPU time per run.
//   heap: the same work with a forced GC (reason "testing" in the GC trace) between runs; the parent reads
//         each run's peak heap from the trace that --trace-gc prints.
import { performance } from 'node:perf_hooks';
import { deriveFromDocument, pickTrace, readTrace } from '../src';
import { generateSyntheticTrace } from '../src/testing';

declare const gc: () => void;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function main(): void {
  const [spansArg, runsArg, mode] = process.argv.slice(2);
  const spans = Number(spansArg);
  const runs = Number(runsArg);
  const heap = mode === 'heap';
  const text = JSON.stringify(generateSyntheticTrace({ spans, quantumJobs: 3, seed: 7 }).document);
  const times = {
    parse: [] as number[],
    read: [] as number[],
    derive: [] as number[],
    total: [] as number[],
    cpu: [] as number[],
  };
  let check = 0;
  if (heap) {
    gc();
  }
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const value: unknown = JSON.parse(text);
    const t1 = performance.now();
    const document = readTrace(value);
    const t2 = performance.now();
    const lifecycle = deriveFromDocument(document, pickTrace(document));
    const t3 = performance.now();
    times.cpu.push(cpuMs() - c0);
    times.parse.push(t1 - t0);
    times.read.push(t2 - t1);
    times.derive.push(t3 - t2);
    times.total.push(t3 - t0);
    if (heap) {
      // The result is read after the GC, so it is alive through it (the GC's "before" figure includes it).
      gc();
    }
    check += lifecycle.spans.length + lifecycle.criticalPathSpanIds.length;
  }
  process.stdout.write(`RESULT ${JSON.stringify({ spans, bytes: text.length, check, times })}\n`);
}

main();
