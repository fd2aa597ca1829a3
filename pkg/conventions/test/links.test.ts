import {
  APP_BASE_PATH,
  LEGACY_ROUTES,
  PAGE,
  type PageId,
  buildAppUrl,
  parseAppUrl,
  templateValue,
  matchAppPath,
  appPath,
  ALERT_LINK_LABEL,
  EXEMPLAR_LABEL,
  HIGH_CARDINALITY_LABELS,
  QUERY_PARAM,
  TRACE_VIEW,
} from '../src';

describe('app links', () => {
  it('builds a provider link with time and variables, path-absolute by default', () => {
    const url = buildAppUrl({
      page: 'providerDetail',
      params: { provider: 'ibm', backend: 'ibm_sherbrooke' },
      time: { from: 1700000000000, to: 'now' },
      variables: { prometheus: 'prom-uid' },
    });
    expect(url).toBe(`${APP_BASE_PATH}/providers/ibm/ibm_sherbrooke?from=1700000000000&to=now&var-prometheus=prom-uid`);
  });

  it('prefixes the Grafana base URL without doubling slashes', () => {
    expect(buildAppUrl({ page: 'overview' }, { baseUrl: 'https://g.example.com/grafana/' })).toBe(
      `https://g.example.com/grafana${APP_BASE_PATH}/overview`
    );
  });

  it('encodes plain values and inserts template values verbatim', () => {
    const url = buildAppUrl({
      page: 'sloDetail',
      params: { slo: templateValue('{{ $labels.slo | urlquery }}') },
      variables: { model: 'gpt 4/o&x' },
    });
    expect(url).toBe(`${APP_BASE_PATH}/slos/{{ $labels.slo | urlquery }}?var-model=gpt%204%2Fo%26x`);
  });

  it('refuses a link with a missing path parameter and names it', () => {
    expect(() => buildAppUrl({ page: 'providerDetail', params: { provider: 'ibm' } })).toThrow(/backend/);
  });

  it.each(Object.keys(PAGE) as PageId[])('round-trips %s through URL → state → URL', (page) => {
    const params = Object.fromEntries(
      PAGE[page].path
        .split('/')
        .filter((s) => s.startsWith(':'))
        .map((s) => [s.slice(1), `v:${s.slice(1)} é/1`])
    );
    const link = {
      page,
      params,
      time: { from: 'now-6h', to: 'now' },
      variables: { provider: ['ibm', 'braket'], backend: 'Garnet' },
      query: { alertname: 'HybridSLOBurnRate' },
    };
    const url = buildAppUrl(link, { baseUrl: 'http://localhost:3000' });
    const parsed = parseAppUrl(url)!;
    expect(parsed.page).toBe(page);
    expect(parsed.params).toEqual(params);
    expect(parsed.variables).toEqual({ provider: ['ibm', 'braket'], backend: ['Garnet'] });
    expect(parsed.time).toEqual({ from: 'now-6h', to: 'now' });
    expect(parsed.query).toEqual({ alertname: 'HybridSLOBurnRate' });
    expect(
      buildAppUrl(
        {
          page: parsed.page,
          params: parsed.params,
          time: parsed.time,
          variables: parsed.variables,
          query: parsed.query,
        },
        { baseUrl: 'http://localhost:3000' }
      )
    ).toBe(url);
  });

  it.each(LEGACY_ROUTES.map((r) => [r.from, r.to] as const))('legacy route %s still resolves to %s', (from, to) => {
    const path = from.replace(/:(\w+)/g, 'x-$1');
    const match = matchAppPath(path)!;
    expect(match.page).toBe(to);
    expect(match.legacyRoute).toBe(from);
    // The rewritten page accepts the legacy parameters.
    expect(() => appPath(match.page, match.params)).not.toThrow();
  });

  it('ignores URLs outside the app and unknown routes', () => {
    expect(parseAppUrl('http://localhost:3000/d/abc')).toBeUndefined();
    expect(parseAppUrl(`http://localhost:3000${APP_BASE_PATH}/nope/nope/nope`)).toBeUndefined();
  });
});

describe('trace and job links', () => {
  it('round-trip the trace page parameters and a job id with URL metacharacters', () => {
    const url = buildAppUrl({
      page: 'trace',
      params: { traceId: '0af7651916cd43dd8448eb211c80319c' },
      query: { [QUERY_PARAM.span]: 'b7ad6b7169203331', [QUERY_PARAM.traceView]: TRACE_VIEW.raw },
    });
    expect(parseAppUrl(url)).toMatchObject({
      page: 'trace',
      params: { traceId: '0af7651916cd43dd8448eb211c80319c' },
      query: { span: 'b7ad6b7169203331', view: 'raw' },
    });
    const arn = 'arn:aws:braket:eu-north-1:123:quantum-task/5d1c?x=1&y=#z';
    const job = parseAppUrl(buildAppUrl({ page: 'quantumJob', params: { jobId: arn } }));
    expect(job).toMatchObject({ page: 'quantumJob', params: { jobId: arn } });
  });

  it('names the alert labels that point at a trace or a job as the exemplar and high-cardinality names do', () => {
    expect(ALERT_LINK_LABEL.traceId).toBe(EXEMPLAR_LABEL.traceId);
    expect(HIGH_CARDINALITY_LABELS).toEqual(expect.arrayContaining(Object.values(ALERT_LINK_LABEL)));
  });
});
