import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { CALIBRATION_INGEST_REASON as REASON } from '@hybridlens/conventions';
import { describeWithFixtures, freePort } from '@hybridlens/testkit';
import { silentLogger } from '../src/log';
import {
  LIVE_INTERVAL_FLOOR_MS,
  ibmOptionsFromEnv,
  nextPollDelayMs,
  parseRetryAfter,
  startExporter,
  type RunningExporter,
} from '../src';
import { MAX_BACKOFF_MS } from '../src/live/poller';
import { fixture } from './helpers';

const MIN = 60_000;

describe('when to poll a provider next', () => {
  const ok = { failed: false, rateLimited: false };
  const failed = { failed: true, rateLimited: false };
  const lowest = { intervalMs: 10 * MIN, random: () => 0 };
  const highest = { intervalMs: 10 * MIN, random: () => 0.999999 };

  it('after a clean round: the interval, never below the floor', () => {
    expect(nextPollDelayMs(ok, 0, lowest)).toBe(10 * MIN);
    expect(nextPollDelayMs(ok, 0, { intervalMs: 1000 })).toBe(LIVE_INTERVAL_FLOOR_MS);
  });

  it('after failures: doubling backoff with jitter in its upper half', () => {
    expect(nextPollDelayMs(failed, 1, lowest)).toBe(10 * MIN);
    expect(nextPollDelayMs(failed, 1, highest)).toBeCloseTo(20 * MIN, -1);
    expect(nextPollDelayMs(failed, 2, lowest)).toBe(20 * MIN);
    expect(nextPollDelayMs(failed, 3, highest)).toBeCloseTo(80 * MIN, -1);
  });

  it('backoff stops growing at the maximum', () => {
    expect(nextPollDelayMs(failed, 30, highest)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(nextPollDelayMs(failed, 30, lowest)).toBe(MAX_BACKOFF_MS / 2);
  });

  it("never sooner than the provider's Retry-After", () => {
    const limited = { failed: true, rateLimited: true, retryAfterMs: 5 * 3_600_000 };
    expect(nextPollDelayMs(limited, 1, lowest)).toBe(5 * 3_600_000);
    expect(nextPollDelayMs({ ...limited, retryAfterMs: 1000 }, 1, lowest)).toBe(10 * MIN);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('the exporter refuses a live interval below the floor', async () => {
    await expect(startExporter({ dir: null, port: 0, liveIntervalMs: 1000, log: silentLogger })).rejects.toThrow(
      /live interval 1000 ms is below the floor of 60000 ms/
    );
  });
});

describeWithFixtures('a provider that rate-limits', (fixtures) => {
  let api: Server;
  let url: string;
  let exporter: RunningExporter;
  const requests: string[] = [];
  let mode: 'ok' | 'limited' | 'broken' = 'ok';

  beforeAll(async () => {
    const manila = readFileSync(fixture(fixtures, 'ibm/props_manila.json'), 'utf8');
    const port = await freePort();
    api = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (mode === 'limited') {
        res.writeHead(429, { 'Retry-After': '7200', 'Content-Type': 'application/json' }).end('{"errors":[]}');
      } else if (mode === 'broken') {
        res.writeHead(503).end();
      } else if ((req.url ?? '').endsWith('/properties')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(manila);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => api.listen(port, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${port}/api/v1`;
    exporter = await startExporter({
      dir: null,
      port: 0,
      log: silentLogger,
      ibm: ibmOptionsFromEnv({
        IBM_QUANTUM_BEARER_TOKEN: 'tok',
        IBM_QUANTUM_BACKENDS: 'ibmq_manila,ibm_second,ibm_third',
        IBM_QUANTUM_URL: url,
      }),
    });
  });
  afterAll(async () => {
    await exporter?.close();
    await new Promise((r) => api.close(r));
  });

  const poller = () => exporter.pollers.get('ibm')!;
  const manilaServed = () => exporter.state.backends().some((b) => b.backend === 'ibmq_manila');

  it('a round whose only failures are unknown backends (404) does not back off', () => {
    expect(manilaServed()).toBe(true);
    expect(poller().consecutiveFailures).toBe(0);
    expect(poller().lastDelayMs).toBe(10 * MIN);
    const notFound = exporter.state.ingestErrors().filter((e) => e.labels.reason === REASON.requestFailed);
    // two unknown backends, and manila's configuration (its properties still arrived)
    expect(notFound.map((e) => e.labels.source).sort()).toEqual(['ibm:ibm_second', 'ibm:ibm_third', 'ibm:ibmq_manila']);
    expect(exporter.state.lastGoodAges().find((a) => a.backend === 'ibmq_manila')!.seconds).toBe(0);
  });

  it('429: the round stops at the first refusal, Retry-After sets the next poll, the last good stays served', async () => {
    mode = 'limited';
    requests.length = 0;
    await exporter.refreshLive();
    expect(requests).toEqual(['/api/v1/backends/ibmq_manila/properties']);
    expect(poller().lastDelayMs).toBeGreaterThanOrEqual(7_200_000);
    expect(manilaServed()).toBe(true);
    const limited = exporter.state
      .ingestErrors()
      .find((e) => e.labels.source === 'ibm:ibmq_manila' && e.labels.reason === REASON.rateLimited);
    expect(limited?.count).toBe(1);
  });

  it('server errors: each failed round waits longer (with jitter), never less than the interval', async () => {
    mode = 'broken';
    const interval = 10 * MIN;
    for (let i = 0; i < 3; i++) {
      const before = poller().consecutiveFailures;
      await exporter.refreshLive();
      const k = poller().consecutiveFailures;
      expect(k).toBe(before + 1);
      // after k failed rounds: interval x 2^k (at most the maximum), jittered into its upper half
      const backoff = Math.min(MAX_BACKOFF_MS, interval * 2 ** k);
      expect(poller().lastDelayMs).toBeGreaterThanOrEqual(Math.max(interval, backoff / 2));
      expect(poller().lastDelayMs).toBeLessThanOrEqual(Math.max(interval, backoff));
    }
    expect(manilaServed()).toBe(true);
  });

  it('recovers: a clean round resets the backoff', async () => {
    mode = 'ok';
    await exporter.refreshLive();
    expect(poller().consecutiveFailures).toBe(0);
    expect(poller().lastDelayMs).toBe(10 * MIN);
    expect(exporter.state.lastGoodAges().find((a) => a.backend === 'ibmq_manila')!.seconds).toBe(0);
  });
});
