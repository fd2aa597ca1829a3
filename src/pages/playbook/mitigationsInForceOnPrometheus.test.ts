import '../../testing/jsdomPolyfills';
import { ADMIN_API_PATH, LABEL, MITIGATION_ACTION, MITIGATION_ALL_PROVIDERS } from '@hybridlens/conventions';
import { startLive, type LiveSimulator } from '@hybridlens/simulator/src/live';
import { describeWithBinary, type RunningPrometheus, startPrometheus } from '@hybridlens/testkit';
import { installNodeFetch } from '../../testing/nodeFetch';
import { mitigationsInForceExpr } from './mitigationsInForce';

installNodeFetch();

/**
 * The degraded banner's query against the OS package's Prometheus scraping a live simulator: a mitigation
 * applied through the admin API shows up with the time it was applied, and goes away once lifted.
 */
describeWithBinary(
  'prometheus',
  'apt-get install prometheus',
  'the mitigations-in-force query on a live simulator',
  () => {
    let live: LiveSimulator;
    let prometheus: RunningPrometheus;

    beforeAll(async () => {
      live = await startLive({ port: 0, seed: 5, tickMillis: 200, logSink: () => true, scenario: { faults: [] } });
      prometheus = await startPrometheus({
        config: [
          'global:',
          '  scrape_interval: 1s',
          'scrape_configs:',
          '  - job_name: hybrid',
          '    static_configs:',
          `      - targets: ['${live.url.replace(/^http:\/\//, '')}']`,
        ].join('\n'),
      });
    }, 60_000);

    afterAll(async () => {
      await Promise.all([prometheus?.stop(), live?.stop()]);
    });

    const act = async (body: Record<string, string>) => {
      const res = await fetch(`${live.url}${ADMIN_API_PATH.actions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, actor: 'jest' }),
      });
      expect(res.status).toBe(200);
    };
    /** Polls the page's query until `done` holds (scrapes run every second). */
    const until = async (done: (n: number) => boolean) => {
      for (;;) {
        const result = await prometheus.query(mitigationsInForceExpr());
        if (done(result.result.length)) {
          return result.result;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    it('returns each mitigation in force with the Unix time it was applied, and nothing once lifted', async () => {
      expect(await until(() => true)).toEqual([]);
      const before = Date.now();
      await act({ action: MITIGATION_ACTION.forceSimulator });
      await act({ action: MITIGATION_ACTION.disableProvider, provider: 'ibm' });
      const after = Date.now();
      const series = await until((n) => n === 2);
      const byAction = Object.fromEntries(series.map((s) => [s.metric[LABEL.action], s]));
      expect(byAction[MITIGATION_ACTION.forceSimulator]?.metric[LABEL.provider]).toBe(MITIGATION_ALL_PROVIDERS);
      expect(byAction[MITIGATION_ACTION.disableProvider]?.metric[LABEL.provider]).toBe('ibm');
      for (const s of series) {
        const since = Number(s.value![1]) * 1000;
        // Seen at the end of the simulator's next tick.
        expect(since).toBeGreaterThanOrEqual(before);
        expect(since).toBeLessThanOrEqual(after + 1000);
        // Only the labels the banner reads: no job or instance to split one mitigation in two.
        expect(Object.keys(s.metric).sort()).toEqual([LABEL.action, LABEL.provider].sort());
      }
      await act({ action: MITIGATION_ACTION.releaseSimulator });
      await act({ action: MITIGATION_ACTION.enableProvider, provider: 'ibm' });
      // Lifted: the scrape no longer has the series, and Prometheus marks it stale at once.
      expect(await until((n) => n === 0)).toEqual([]);
    }, 60_000);
  }
);
