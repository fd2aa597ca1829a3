import '../../testing/jsdomPolyfills';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXEMPLAR_LABEL, METRIC, REQUEST_DURATION_BUCKETS } from '@hybridlens/conventions';
import { type RunningPrometheus, describeWithBinary, startPrometheus } from '@hybridlens/testkit';
import { installNodeFetch } from '../../testing/nodeFetch';
import { installDatasourceProxy } from '../../testing/prometheusProxy';
import { proxyGet } from '../../queries/datasourceProxy';
import { requestExemplarSelector } from '../../queries/lifecycle';
import { exemplarRequests } from './SlowRequests';

/**
 * "Slowest requests" from exemplars: exemplars cannot be backfilled, so a Prometheus with exemplar storage scrapes
 * an OpenMetrics endpoint whose request histogram carries trace-id exemplars, and the page's exemplar query and
 * its reading of the answer run against it.
 */
installNodeFetch();
const PROM_UID = 'exemplar-prometheus';
const BUCKET = `${METRIC.requestDuration.name}_bucket`;

/** route, path, le of the bucket, trace id, observed seconds */
const OBSERVED: Array<[string, string, string, string, number]> = [
  ['/solve', 'qpu', '10', 'a'.repeat(32), 7.5],
  ['/solve', 'qpu', '5', 'b'.repeat(32), 4.2],
  ['/plan', 'classical', '1', 'c'.repeat(32), 0.8],
];

function exposition(): string {
  const lines = [`# TYPE ${METRIC.requestDuration.name} histogram`];
  for (const [route, path] of [
    ['/solve', 'qpu'],
    ['/plan', 'classical'],
  ]) {
    for (const le of [...REQUEST_DURATION_BUCKETS.map(String), '+Inf']) {
      const exemplar = OBSERVED.find((o) => o[0] === route && o[2] === le);
      const labels = `route="${route}",path="${path}",model="m",region="eu",le="${le === '+Inf' ? '+Inf' : Number(le).toFixed(1)}"`;
      const suffix = exemplar ? ` # {${EXEMPLAR_LABEL.traceId}="${exemplar[3]}"} ${exemplar[4]}` : '';
      lines.push(`${BUCKET}{${labels}} 3${suffix}`);
    }
    lines.push(`${METRIC.requestDuration.name}_count{route="${route}",path="${path}",model="m",region="eu"} 3`);
    lines.push(`${METRIC.requestDuration.name}_sum{route="${route}",path="${path}",model="m",region="eu"} 9`);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

describeWithBinary('prometheus', 'apt-get install prometheus', 'request exemplars on a real Prometheus', () => {
  let prom: RunningPrometheus;
  let target: Server;

  beforeAll(async () => {
    target = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
      res.end(exposition());
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    prom = await startPrometheus({
      config: `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
      extraArgs: ['--enable-feature=exemplar-storage'],
    });
    installDatasourceProxy({ [PROM_UID]: prom.url });
    // Wait for a scrape that stored the exemplars (a condition, not a time).
    const deadline = Date.now() + 45_000;
    for (;;) {
      const answer = await proxyGet<{ data?: unknown[] }>(PROM_UID, 'api/v1/query_exemplars', {
        query: requestExemplarSelector({}),
        start: String(Math.floor(Date.now() / 1000) - 600),
        end: String(Math.ceil(Date.now() / 1000) + 60),
      });
      if ((answer.data?.length ?? 0) >= 2 || Date.now() > deadline) {
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 90_000);

  afterAll(async () => {
    await prom?.stop();
    await new Promise((resolve) => target?.close(resolve));
  });

  const read = async (filters: Parameters<typeof requestExemplarSelector>[0]) =>
    exemplarRequests(
      await proxyGet(PROM_UID, 'api/v1/query_exemplars', {
        query: requestExemplarSelector(filters),
        start: String(Math.floor(Date.now() / 1000) - 600),
        end: String(Math.ceil(Date.now() / 1000) + 60),
      })
    );

  it('lists the kept traces slowest first, each once, with their series labels', async () => {
    const entries = await read({});
    expect(entries.map((e) => [e.traceId, e.durationS])).toEqual(
      [...OBSERVED].sort((a, b) => b[4] - a[4]).map((o) => [o[3], o[4]])
    );
    expect(entries[0]!.labels).toMatchObject({ route: '/solve', path: 'qpu' });
    expect(entries.every((e) => e.source === 'exemplar' && e.timeMs > 0)).toBe(true);
  });

  it('applies the page filters, values with regex metacharacters included', async () => {
    expect((await read({ route: ['/plan'] })).map((e) => e.traceId)).toEqual(['c'.repeat(32)]);
    expect((await read({ path: ['qpu', 'simulator'] })).map((e) => e.traceId)).toEqual([
      'a'.repeat(32),
      'b'.repeat(32),
    ]);
    expect(await read({ route: ['/solv.'] })).toEqual([]);
  });
});
