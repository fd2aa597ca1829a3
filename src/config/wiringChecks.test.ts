import {
  BURN_RATE_TIERS,
  CALIBRATION_METRIC,
  METRIC,
  SLO_SERIES,
  SPAN,
  exposedSeriesNames,
  sloBurnRateSeries,
} from '@hybridlens/conventions';
import { type Fetcher, checkLoki, checkPrometheus, checkTempo, checkWiring } from './wiringChecks';

const serviceSeries = Object.values(METRIC)
  .filter((m) => m.emitter === 'service')
  .flatMap(exposedSeriesNames);
const sloSeries = [
  SLO_SERIES.info,
  SLO_SERIES.errorBudgetRemaining,
  ...BURN_RATE_TIERS.flatMap((t) => [sloBurnRateSeries(t.longWindow), sloBurnRateSeries(t.shortWindow)]),
];
const calibration = [
  CALIBRATION_METRIC.info.name,
  CALIBRATION_METRIC.medianT1.name,
  CALIBRATION_METRIC.median2qError.name,
];

/** A Grafana API stand-in: known datasource uids, and what each proxy answers. */
function fakeGrafana(
  answers: Record<string, unknown>,
  known = ['prom', 'tempo', 'loki']
): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = (async (path: string) => {
    calls.push(path);
    const uid = /^\/api\/datasources\/uid\/(.+)$/.exec(path)?.[1];
    if (uid !== undefined) {
      if (!known.includes(uid)) {
        throw new Error('HTTP 404 Data source not found');
      }
      return { uid };
    }
    if (!(path in answers)) {
      throw new Error('HTTP 502 Bad Gateway');
    }
    return answers[path];
  }) as Fetcher & { calls: string[] };
  fetcher.calls = calls;
  return fetcher;
}

const promNames = '/api/datasources/proxy/uid/prom/api/v1/label/__name__/values';
const tempoNames = '/api/datasources/proxy/uid/tempo/api/v2/search/tag/name/values';
const lokiLabels = '/api/datasources/proxy/uid/loki/loki/api/v1/labels';

describe('wiring checks', () => {
  it('all green when every contract metric, SLO series, span and stream label is there', async () => {
    const fetcher = fakeGrafana({
      [promNames]: { status: 'success', data: [...serviceSeries, ...sloSeries, ...calibration, 'up'] },
      [tempoNames]: { tagValues: Object.values(SPAN).map((value) => ({ type: 'string', value })) },
      [lokiLabels]: { status: 'success', data: ['service_name', 'job'] },
    });
    const results = await checkWiring(fetcher, { prometheusUid: 'prom', tempoUid: 'tempo', lokiUid: 'loki' });
    expect(results.map((r) => [r.datasource, r.status, r.findings])).toEqual([
      ['Prometheus', 'ok', []],
      ['Tempo', 'ok', []],
      ['Loki', 'ok', []],
    ]);
  });

  it('names what is missing and how to fix it', async () => {
    const fetcher = fakeGrafana({
      [promNames]: { status: 'success', data: serviceSeries.filter((s) => !s.startsWith(METRIC.quantumSpend.name)) },
      [tempoNames]: { tagValues: [{ value: SPAN.ingress }, { value: SPAN.llm }] },
      [lokiLabels]: { status: 'success', data: ['job'] },
    });
    const prom = await checkPrometheus(fetcher, 'prom');
    expect(prom.status).toBe('warning');
    expect(prom.findings[0]).toMatch(
      new RegExp(`Missing 1 service metric\\(s\\): ${METRIC.quantumSpend.name}\\. .*@hybridlens/instrument`)
    );
    expect(prom.findings[1]).toContain(SLO_SERIES.info);
    expect(prom.findings[1]).toContain('npx hybridlens-slo generate');
    expect(prom.findings[2]).toContain('calibration exporter');
    const tempo = await checkTempo(fetcher, 'tempo');
    expect(tempo.findings[0]).toContain(`${SPAN.orchestrator}, ${SPAN.quantumEnqueue}`);
    expect(tempo.findings[0]).not.toContain(SPAN.ingress);
    expect((await checkLoki(fetcher, 'loki')).findings[0]).toContain(
      'Missing log stream labels: service_name. Send the logs over OTLP'
    );
  });

  it('histograms count as present through any of their series', async () => {
    const fetcher = fakeGrafana({
      [promNames]: { data: serviceSeries.filter((s) => !s.endsWith('_sum') && !s.endsWith('_count')) },
    });
    expect((await checkPrometheus(fetcher, 'prom')).findings.filter((f) => f.includes('service metric'))).toEqual([]);
  });

  it('an unknown uid or an unreachable backend is an error that says which and why, and the others still run', async () => {
    const fetcher = fakeGrafana({ [lokiLabels]: { data: ['service_name'] } }, ['tempo', 'loki']);
    const [prom, tempo, loki] = await checkWiring(fetcher, {
      prometheusUid: 'gone',
      tempoUid: 'tempo',
      lokiUid: 'loki',
    });
    expect(prom).toMatchObject({ status: 'error', uid: 'gone' });
    expect(prom!.findings[0]).toContain('No Prometheus datasource with uid "gone" (HTTP 404 Data source not found)');
    expect(tempo).toMatchObject({ status: 'error' });
    expect(tempo!.findings[0]).toContain('did not answer the span-name query (HTTP 502 Bad Gateway)');
    expect(loki!.status).toBe('ok');
  });
});
