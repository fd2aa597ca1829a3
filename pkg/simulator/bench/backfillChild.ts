// Run by backfill.bench.ts in a fresh process so peak RSS and CPU belong to one backfill only.
import { backfill } from '../src';

async function main(): Promise<void> {
  const [days, out, end] = process.argv.slice(2);
  const result = await backfill({ days: Number(days), out: out!, end: Number(end) });
  const usage = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({
      seconds: result.seconds,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      peakRssBytes: usage.maxRSS * 1024,
      series: result.series,
      samples: result.samples,
      metricsBytes: result.metricsBytes,
      requests: result.requests,
      traces: result.traces,
      stepSeconds: result.stepSeconds,
    }) + '\n'
  );
}

void main();
