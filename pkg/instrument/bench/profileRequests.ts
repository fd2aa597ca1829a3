/**
 * Runs one variant of the overhead bench's request for a while, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx pkg/instrument/bench/profileRequests.ts kept
 * Variants: kept (trace kept), sampledOut, exemplars (OpenMetrics), bare (bare OpenTelemetry SDK + prom-client).
 */
import { createTelemetry, InMemorySpanExporter } from '../src';
import { bareTelemetry, handleRequestBare } from './bareRequest';
import { handleRequest } from './requestPipeline';

const REQUESTS = 60_000;
const variant = process.argv[2] ?? 'kept';
const exporter = new InMemorySpanExporter();
const queue = { maxQueueSize: 4096, scheduledDelayMillis: 60_000 };

async function main(): Promise<void> {
  let run: (i: number, t0: number) => string;
  let flush: () => Promise<void>;
  if (variant === 'bare') {
    const bare = bareTelemetry(exporter, queue);
    run = (i, t0) => handleRequestBare(i, t0, bare);
    flush = () => bare.processor.forceFlush();
  } else {
    const telemetry = createTelemetry({
      serviceName: 'profile',
      traceExporter: exporter,
      logSink: () => undefined,
      sampling: { ratio: variant === 'sampledOut' ? 0 : 1 },
      openMetrics: variant === 'exemplars',
      ...queue,
    });
    run = (i, t0) => handleRequest(i, t0, telemetry);
    flush = () => telemetry.flush();
  }
  for (let i = 0; i < REQUESTS; i++) {
    run(i, 1_700_000_000_000 + i * 1000);
    if (i % 500 === 499) {
      await flush();
      exporter.reset();
    }
  }
}

void main();
