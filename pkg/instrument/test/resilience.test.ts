import { freePort } from '@hybridlens/testkit';
import { type OtlpReceiver, startOtlpReceiver } from './helpers/otlpReceiver';
import { runExportScenario } from './helpers/runScenario';

/**
 * An unreachable collector must cost the host nothing but the dropped spans and log records.
 * Without a bound, 4000 requests × (7 spans + 4 log records, each ~1–2 KB on the heap) would retain
 * 40–90 MB; each queue holds at most maxQueueSize items.
 */
const REQUESTS = 4000;
const MAX_QUEUE = 256;
const HEAP_GROWTH_LIMIT_BYTES = 8 * 1024 * 1024;
const PROBE_MS = 20;
/**
 * An export that blocked the loop would hold it for up to the export timeout (4 s); the limit is
 * well under that but above one chunk of request handling plus scheduler noise on 2 cores that
 * run other test suites at the same time.
 */
const EXPORT_TIMEOUT_MS = 4000;
const PROBE_LATE_LIMIT_MS = 1500;

function scenario(baseUrl: string) {
  return runExportScenario({
    otlpTracesUrl: `${baseUrl}/v1/traces`,
    otlpLogsUrl: `${baseUrl}/otlp/v1/logs`,
    warmupRequests: 500,
    requests: REQUESTS,
    chunk: 20,
    maxQueueSize: MAX_QUEUE,
    exportTimeoutMillis: EXPORT_TIMEOUT_MS,
    scheduledDelayMillis: 20,
    probeMillis: PROBE_MS,
  });
}

describe('an unreachable OTLP endpoint (traces and logs) never breaks the host', () => {
  let hanging: OtlpReceiver;

  beforeAll(async () => {
    hanging = await startOtlpReceiver('hang');
  });

  afterAll(() => hanging.close());

  it.each([
    ['refuses connections', async () => `http://127.0.0.1:${await freePort()}`],
    ['accepts but never answers', async () => hanging.url],
  ])(
    'when it %s: no caller error, bounded heap, every lost span counted, timers on time',
    async (_what, url) => {
      const result = await scenario(await url());
      expect(result.callerErrors).toEqual([]);
      expect(result.unhandled).toEqual([]);
      // Nothing was delivered, so every span and log record created is accounted for as dropped.
      expect(result.droppedTraces).toBe(result.spansCreated);
      expect(result.logLines).toBeGreaterThan(0);
      expect(result.droppedLogs).toBe(result.logLines);
      expect(result.heapAfterRunBytes - result.heapAfterWarmupBytes).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
      expect(result.maxProbeLateMs).toBeLessThan(PROBE_LATE_LIMIT_MS);
      expect(result.probeTicks).toBeGreaterThan(0);
      // shutdown gives up on a dead collector after the export timeout instead of hanging.
      expect(result.shutdownMs).toBeLessThan(3 * EXPORT_TIMEOUT_MS + 500);
    },
    60_000
  );
});
